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

    /// The per-text state of one worker, reused for every text: cleared by touching only what
    /// the last text set, so a text costs nothing in proportion to the literals or patterns.
    struct Scratch {
        var occurrences: LiteralAutomaton.Occurrences
        /// By pattern: the bits of its sets seen so far.
        var seen: [UInt8]
        var seenPatterns: [Int32] = []
        /// The answer for the last text: the patterns with literals that may match, with
        /// their windows (empty when `unfiltered`).
        var candidates: [(pattern: Int, window: Window)] = []
        /// The last text has case folds the prefilter does not model: every pattern may match anywhere.
        var unfiltered = false

        init(literals: Int, patterns: Int) {
            occurrences = LiteralAutomaton.Occurrences(literals: literals)
            seen = Array(repeating: 0, count: patterns)
        }

        mutating func reset() {
            occurrences.reset()
            for pattern in seenPatterns { seen[Int(pattern)] = 0 }
            seenPatterns.removeAll(keepingCapacity: true)
            candidates.removeAll(keepingCapacity: true)
            unfiltered = false
        }
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
    /// For each pattern, whether every alternative is an exact word.
    private let allExact: [Bool]
    /// `setPosition[pattern * 8 + set]`: the order of the set's literals in any match, or -1.
    private let setPosition: [Int32]
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
        var allExact = [Bool](repeating: false, count: patterns.count)
        var positions = [Int32](repeating: -1, count: patterns.count * 8)
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
                if setIndex < pattern.literalSetPositions.count {
                    positions[pattern.index * 8 + setIndex] = Int32(pattern.literalSetPositions[setIndex])
                }
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
                let words = Set(pattern.exactWords)
                for word in words where kept[0].contains(word) {
                    exactLiteral.append(Int32(index(of: word)))
                }
                // The "no" side needs the set to be exactly the words.
                allExact[pattern.index] = pattern.isExactWordList && words == Set(kept[0])
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
        self.allExact = allExact
        setPosition = positions
        alwaysRun = always
        var flags = [Bool](repeating: false, count: patterns.count)
        for index in always { flags[index] = true }
        runsAlways = flags
        patternCount = patterns.count
    }

    var literalCount: Int { automaton.literals.count }

    func makeScratch() -> Scratch {
        Scratch(literals: automaton.literals.count, patterns: patternCount)
    }

    /// The patterns with literals that may match `text`, and where, into `scratch.candidates`
    /// (or `scratch.unfiltered`).
    func candidates(_ text: String, into scratch: inout Scratch) {
        scratch.reset()
        var copy = text
        copy.withUTF8 { bytes in
            // PCRE2's caseless matching folds the Kelvin sign to 'k' and the long s to 's';
            // the ASCII folding here does not, so such texts skip the prefilter.
            if Prefilter.containsUnusualCaseFolds(bytes) {
                scratch.unfiltered = true
                return
            }
            candidates(in: bytes, into: &scratch)
        }
    }

    private func candidates(in bytes: UnsafeBufferPointer<UInt8>, into scratch: inout Scratch) {
        guard automaton.literals.count > 0 else { return }
        automaton.scan(bytes, into: &scratch.occurrences)
        guard !scratch.occurrences.order.isEmpty else { return }
        // In order of first occurrence, so the literal that completes a pattern's sets tells
        // the earliest place a match can end.
        for literal in scratch.occurrences.order {
            let literal = Int(literal)
            for unlock in Int(unlockStart[literal])..<Int(unlockStart[literal + 1]) {
                let pattern = Int(unlockPattern[unlock])
                let before = scratch.seen[pattern]
                let after = before | unlockBit[unlock]
                guard after != before else { continue }
                if before == 0 { scratch.seenPatterns.append(Int32(pattern)) }
                scratch.seen[pattern] = after
                guard after == fullMask[pattern],
                      let window = window(pattern, completedAt: Int(scratch.occurrences.firstEnd[literal]), bytes: bytes,
                                          occurrences: scratch.occurrences)
                else { continue }
                scratch.candidates.append((pattern, window))
            }
        }
    }

    /// Where a pattern whose every set has a literal in the text can match, or nil when the
    /// literals' positions show it cannot.
    private func window(_ pattern: Int, completedAt end: Int, bytes: UnsafeBufferPointer<UInt8>,
                        occurrences: borrowing LiteralAutomaton.Occurrences) -> Window? {
        // A match contains a literal of every set, so it ends at or after `end` and starts at
        // or before the last start of some literal of each set.
        let length = Int(maximumLength[pattern])
        var earliest = length >= 0 ? max(0, end - length) : 0
        let mask = fullMask[pattern]
        var latest = Int.max
        let ordered = withUnsafeTemporaryAllocation(of: Int.self, capacity: 16) { bySet -> Bool in
            // bySet[set]: the first end of the set's literals; bySet[8 + set]: their last start.
            for set in 0..<8 {
                bySet[set] = Int.max
                bySet[8 + set] = -1
            }
            for entry in Int(setStart[pattern])..<Int(setStart[pattern + 1]) {
                let set = setBit[entry].trailingZeroBitCount
                let literal = Int(setLiteral[entry])
                guard occurrences.firstEnd[literal] >= 0 else { continue }
                bySet[set] = min(bySet[set], Int(occurrences.firstEnd[literal]))
                bySet[8 + set] = max(bySet[8 + set], Int(occurrences.lastStart[literal]))
            }
            for set in 0..<8 where mask & (1 << UInt8(set)) != 0 { latest = min(latest, bySet[8 + set]) }
            // Sets from consecutive parts of the pattern occur in that order in any match.
            for a in 0..<8 where mask & (1 << UInt8(a)) != 0 {
                let position = setPosition[pattern * 8 + a]
                guard position >= 0 else { continue }
                for b in 0..<8 where mask & (1 << UInt8(b)) != 0 && setPosition[pattern * 8 + b] > position && bySet[a] > bySet[8 + b] {
                    return false
                }
            }
            return true
        }
        guard ordered else { return nil }
        if length >= 0 && mask.nonzeroBitCount > 1 && occurrences.isComplete {
            // Every set's literal lies within `length` bytes of the start: intersect, set by set,
            // the start ranges its occurrences allow.
            guard let ranges = startRanges(pattern, length: length, occurrences: occurrences) else { return nil }
            earliest = max(earliest, ranges.lowerBound)
            latest = min(latest, ranges.upperBound)
        }
        guard earliest <= latest else { return nil }
        while earliest > 0 && bytes[earliest] & 0xC0 == 0x80 { earliest -= 1 }

        var known = false
        let exact = Int(exactStart[pattern])..<Int(exactStart[pattern + 1])
        if allExact[pattern] && occurrences.isComplete {
            // Every alternative is a plain word: look at every occurrence.
            var uncertain = false
            for entry in exact where !known {
                let literal = Int(exactLiteral[entry])
                let length = Int(automaton.lengths[literal])
                var occurrence = Int(occurrences.head[literal])
                while occurrence >= 0 && !known {
                    switch Prefilter.wordBoundaries(bytes, Int(occurrences.end[occurrence]) - length, length) {
                    case true?: known = true
                    case nil: uncertain = true
                    case false?: break
                    }
                    occurrence = Int(occurrences.next[occurrence])
                }
            }
            if !known && !uncertain { return nil }
        } else {
            for entry in exact where !known {
                let literal = Int(exactLiteral[entry])
                let length = Int(automaton.lengths[literal])
                let first = Int(occurrences.firstEnd[literal]) - length
                let last = Int(occurrences.lastStart[literal])
                known = first >= 0 && (Prefilter.wordBoundaries(bytes, first, length) == true
                                       || (last != first && Prefilter.wordBoundaries(bytes, last, length) == true))
            }
        }
        return Window(earliestStart: earliest, latestStart: latest, knownToMatch: known)
    }

    /// The smallest range holding every start offset allowed by all the pattern's sets, where
    /// an occurrence ending at `e` and starting at `s` allows starts in `e - length ... s`;
    /// nil when no start is allowed by all of them.
    private func startRanges(_ pattern: Int, length: Int, occurrences: borrowing LiteralAutomaton.Occurrences) -> ClosedRange<Int>? {
        var allowed: [ClosedRange<Int>]?
        for set in 0..<8 where fullMask[pattern] & (1 << UInt8(set)) != 0 {
            var ranges: [ClosedRange<Int>] = []
            for entry in Int(setStart[pattern])..<Int(setStart[pattern + 1]) where setBit[entry] == 1 << UInt8(set) {
                let literal = Int(setLiteral[entry])
                let literalLength = Int(automaton.lengths[literal])
                var occurrence = Int(occurrences.head[literal])
                while occurrence >= 0 {
                    let end = Int(occurrences.end[occurrence])
                    ranges.append(max(0, end - length)...(end - literalLength))
                    occurrence = Int(occurrences.next[occurrence])
                }
            }
            ranges.sort { $0.lowerBound < $1.lowerBound }
            var merged: [ClosedRange<Int>] = []
            for range in ranges {
                if let last = merged.last, range.lowerBound <= last.upperBound + 1 {
                    merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
                } else {
                    merged.append(range)
                }
            }
            allowed = allowed.map { Prefilter.intersect($0, merged) } ?? merged
            if allowed!.isEmpty { return nil }
        }
        guard let allowed, let first = allowed.first, let last = allowed.last else { return nil }
        return first.lowerBound...last.upperBound
    }

    /// The intersection of two sorted lists of disjoint ranges.
    static func intersect(_ a: [ClosedRange<Int>], _ b: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let lower = max(a[i].lowerBound, b[j].lowerBound)
            let upper = min(a[i].upperBound, b[j].upperBound)
            if lower <= upper { result.append(lower...upper) }
            if a[i].upperBound < b[j].upperBound { i += 1 } else { j += 1 }
        }
        return result
    }

    /// Whether the word at `start` has a non-word character or the text's edge on both
    /// sides: nil when a neighbour is not ASCII (it may be a letter; PCRE2 decides).
    static func wordBoundaries(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool? {
        func isWord(_ byte: UInt8) -> Bool? {
            guard byte < 0x80 else { return nil }
            return Unicode.Scalar(byte).isASCIILetterOrDigit || byte == UInt8(ascii: "_")
        }
        let end = start + length
        let before: Bool? = start == 0 ? false : isWord(bytes[start - 1])
        let after: Bool? = end == bytes.count ? false : isWord(bytes[end])
        if before == true || after == true { return false }
        if before == nil || after == nil { return nil }
        return true
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
