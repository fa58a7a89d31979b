/// Decides, with one pass over a text, which patterns can possibly match it and where: a
/// pattern with known required literal sets runs only if every set has a literal in the
/// text, and then only from where a match containing those literals can start. Patterns
/// without known literals always run, from the start. Answers "maybe" or "no", never a wrong "no".
/// Immutable; a class so each message's scan shares it without copying its tables.
final class Prefilter: Sendable {
    /// Where a pattern that may match one text can match in it.
    struct Window: Sendable, Equatable {
        /// No match starts before this UTF-8 offset.
        var earliestStart: Int
        /// No match starts after this UTF-8 offset (nil: anywhere).
        var latestStart: Int?
        /// A whole-word occurrence of one of the pattern's exact words was seen: the pattern
        /// matches, no regex needed.
        var knownToMatch: Bool

        static let anywhere = Window(earliestStart: 0, latestStart: nil, knownToMatch: false)
    }

    /// The prefilter's answer for one text.
    struct Result {
        /// The text has case folds the prefilter does not model: every pattern may match anywhere.
        var unfiltered = false
        /// The patterns with literals that may match, with their windows.
        var candidates: [(pattern: Int, window: Window)] = []
    }

    private let automaton: LiteralAutomaton
    /// For each literal, the (pattern, set bit) pairs it satisfies: flat, literal `l` owns
    /// `unlockStart[l]..<unlockStart[l + 1]`.
    private let unlockStart: [Int32]
    private let unlockPattern: [Int32]
    private let unlockBit: [UInt8]
    /// For each pattern, the bit mask of its sets (0 for patterns that always run).
    private let fullMask: [UInt8]
    /// For each pattern, the most bytes a match spans, or -1 when unbounded.
    private let maximumLength: [Int32]
    /// For each pattern, its literals with their set bits: pattern `p` owns `setStart[p]..<setStart[p + 1]`.
    private let setStart: [Int32]
    private let setLiteral: [Int32]
    private let setBit: [UInt8]
    /// For each pattern, the literals that are whole alternatives bounded by `\b`.
    private let exactStart: [Int32]
    private let exactLiteral: [Int32]
    /// Patterns that run whatever the text.
    let alwaysRun: [Int]
    /// The same as flags, by pattern index.
    let runsAlways: [Bool]
    let patternCount: Int

    init(patterns: [CompiledPattern]) {
        var literalIndex: [String: Int] = [:]
        var literals: [String] = []
        var unlocks: [[(pattern: Int32, bit: UInt8)]] = []
        var always: [Int] = []
        var masks = [UInt8](repeating: 0, count: patterns.count)
        var lengths = [Int32](repeating: -1, count: patterns.count)
        var setStart: [Int32] = [0], setLiteral: [Int32] = [], setBit: [UInt8] = []
        var exactStart: [Int32] = [0], exactLiteral: [Int32] = []
        func index(of literal: String) -> Int {
            if let existing = literalIndex[literal] { return existing }
            literalIndex[literal] = literals.count
            literals.append(literal)
            unlocks.append([])
            return literals.count - 1
        }
        for pattern in patterns {
            defer {
                setStart.append(Int32(setLiteral.count))
                exactStart.append(Int32(exactLiteral.count))
            }
            guard let sets = pattern.requiredLiterals, !sets.isEmpty, sets.allSatisfy({ !$0.isEmpty }) else {
                always.append(pattern.index)
                continue
            }
            let kept = Array(sets.prefix(8))
            for (setIndex, set) in kept.enumerated() {
                let bit = UInt8(1) << UInt8(setIndex)
                masks[pattern.index] |= bit
                for literal in Set(set) {
                    let literalIndex = index(of: literal)
                    unlocks[literalIndex].append((Int32(pattern.index), bit))
                    setLiteral.append(Int32(literalIndex))
                    setBit.append(bit)
                }
            }
            lengths[pattern.index] = pattern.maximumLength.flatMap { Int32(exactly: $0) } ?? -1
            // Exact words decide a match alone only when they make up the pattern's one set.
            if kept.count == 1 {
                for word in Set(pattern.exactWords) where kept[0].contains(word) {
                    exactLiteral.append(Int32(index(of: word)))
                }
            }
        }
        automaton = LiteralAutomaton(literals: literals)
        var start: [Int32] = [0], unlockPattern: [Int32] = [], unlockBit: [UInt8] = []
        for pairs in unlocks {
            for pair in pairs {
                unlockPattern.append(pair.pattern)
                unlockBit.append(pair.bit)
            }
            start.append(Int32(unlockPattern.count))
        }
        self.unlockStart = start
        self.unlockPattern = unlockPattern
        self.unlockBit = unlockBit
        fullMask = masks
        maximumLength = lengths
        self.setStart = setStart
        self.setLiteral = setLiteral
        self.setBit = setBit
        self.exactStart = exactStart
        self.exactLiteral = exactLiteral
        alwaysRun = always
        var flags = [Bool](repeating: false, count: patterns.count)
        for index in always { flags[index] = true }
        runsAlways = flags
        patternCount = patterns.count
    }

    var literalCount: Int { automaton.literals.count }

    /// The patterns with literals that may match `text`, and where.
    func candidates(_ text: String) -> Result {
        var result = Result()
        var copy = text
        copy.withUTF8 { bytes in
            // PCRE2's caseless matching folds the Kelvin sign to 'k' and the long s to 's';
            // the ASCII folding here does not, so such texts skip the prefilter.
            if Prefilter.containsUnusualCaseFolds(bytes) {
                result.unfiltered = true
                return
            }
            result.candidates = candidates(in: bytes)
        }
        return result
    }

    private func candidates(in bytes: UnsafeBufferPointer<UInt8>) -> [(pattern: Int, window: Window)] {
        let literalCount = automaton.literals.count
        guard literalCount > 0 else { return [] }
        var found: [(pattern: Int, window: Window)] = []
        var order: [Int32] = []
        var firstEnd = [Int32](repeating: -1, count: literalCount)
        var lastStart = [Int32](repeating: -1, count: literalCount)
        firstEnd.withUnsafeMutableBufferPointer { firstEnd in
            lastStart.withUnsafeMutableBufferPointer { lastStart in
                automaton.scan(bytes, firstEnd: firstEnd.baseAddress!, lastStart: lastStart.baseAddress!, order: &order)
                guard !order.isEmpty else { return }
                var seen = [UInt8](repeating: 0, count: patternCount)
                seen.withUnsafeMutableBufferPointer { seen in
                    // In order of first occurrence, so the literal that completes a pattern's
                    // sets tells the earliest place a match can end.
                    for literal in order {
                        let literal = Int(literal)
                        for unlock in Int(unlockStart[literal])..<Int(unlockStart[literal + 1]) {
                            let pattern = Int(unlockPattern[unlock])
                            let before = seen[pattern]
                            let after = before | unlockBit[unlock]
                            guard after != before else { continue }
                            seen[pattern] = after
                            guard after == fullMask[pattern] else { continue }
                            found.append((pattern, window(pattern, completedAt: Int(firstEnd[literal]), bytes: bytes,
                                                          firstEnd: firstEnd, lastStart: lastStart)))
                        }
                    }
                }
            }
        }
        return found
    }

    private func window(_ pattern: Int, completedAt end: Int, bytes: UnsafeBufferPointer<UInt8>,
                        firstEnd: UnsafeMutableBufferPointer<Int32>, lastStart: UnsafeMutableBufferPointer<Int32>) -> Window {
        // A match contains a literal of every set, so it ends at or after `end` and starts at
        // or before the last start of some literal of each set.
        var earliest = 0
        let length = Int(maximumLength[pattern])
        if length >= 0 {
            earliest = max(0, end - length)
            while earliest > 0 && bytes[earliest] & 0xC0 == 0x80 { earliest -= 1 }
        }
        var latestBySet: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (-1, -1, -1, -1, -1, -1, -1, -1)
        withUnsafeMutableBytes(of: &latestBySet) { raw in
            let latest = raw.bindMemory(to: Int32.self)
            for entry in Int(setStart[pattern])..<Int(setStart[pattern + 1]) {
                let set = setBit[entry].trailingZeroBitCount
                latest[set] = max(latest[set], lastStart[Int(setLiteral[entry])])
            }
        }
        var latest = Int.max
        withUnsafeBytes(of: &latestBySet) { raw in
            let sets = raw.bindMemory(to: Int32.self)
            for set in 0..<8 where fullMask[pattern] & (1 << UInt8(set)) != 0 {
                latest = min(latest, Int(sets[set]))
            }
        }
        var known = false
        for entry in Int(exactStart[pattern])..<Int(exactStart[pattern + 1]) where !known {
            let literal = Int(exactLiteral[entry])
            let length = Int(automaton.lengths[literal])
            let first = Int(firstEnd[literal]) - length
            let last = Int(lastStart[literal])
            known = first >= 0 && (Prefilter.isWholeWord(bytes, first, length) || (last != first && Prefilter.isWholeWord(bytes, last, length)))
        }
        return Window(earliestStart: earliest, latestStart: latest, knownToMatch: known)
    }

    /// Whether the word at `start` has a non-word ASCII character or the text's edge on
    /// both sides. A non-ASCII neighbour may be a letter: then the answer is no, and PCRE2 decides.
    static func isWholeWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        func isNonWordASCII(_ byte: UInt8) -> Bool {
            guard byte < 0x80 else { return false }
            let lower = byte | 0x20
            return !(lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) && !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                && byte != UInt8(ascii: "_")
        }
        let end = start + length
        return (start == 0 || isNonWordASCII(bytes[start - 1])) && (end == bytes.count || isNonWordASCII(bytes[end]))
    }

    /// U+212A KELVIN SIGN (E2 84 AA) or U+017F LATIN SMALL LETTER LONG S (C5 BF).
    static func containsUnusualCaseFolds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index + 1 < count {
            let byte = bytes[index]
            if byte == 0xC5 && bytes[index + 1] == 0xBF { return true }
            if byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x84 && bytes[index + 2] == 0xAA { return true }
            index += 1
        }
        return false
    }
}
