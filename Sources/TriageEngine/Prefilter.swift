/// Decides, with one pass over a text, which patterns can possibly match it: a pattern with
/// known required literal sets runs only if every set has a literal in the text. Patterns
/// without known literals always run. Answers "maybe" or "no", never a wrong "no".
struct Prefilter: Sendable {
    private let automaton: LiteralAutomaton
    /// For each literal, the (pattern, set) pairs it satisfies.
    private let unlocks: [[(pattern: Int32, set: UInt8)]]
    /// For each pattern, the bit mask of its sets (0 for patterns that always run).
    private let fullMask: [UInt8]
    /// Patterns that run whatever the text.
    let alwaysRun: [Int]
    /// The same as flags, by pattern index.
    let runsAlways: [Bool]
    let patternCount: Int

    init(patterns: [CompiledPattern]) {
        var literalIndex: [String: Int] = [:]
        var literals: [String] = []
        var unlocks: [[(pattern: Int32, set: UInt8)]] = []
        var always: [Int] = []
        var masks = [UInt8](repeating: 0, count: patterns.count)
        for pattern in patterns {
            guard let sets = pattern.requiredLiterals, !sets.isEmpty, sets.allSatisfy({ !$0.isEmpty }) else {
                always.append(pattern.index)
                continue
            }
            for (setIndex, set) in sets.prefix(8).enumerated() {
                masks[pattern.index] |= 1 << UInt8(setIndex)
                for literal in Set(set) {
                    let index: Int
                    if let existing = literalIndex[literal] { index = existing } else {
                        index = literals.count
                        literalIndex[literal] = index
                        literals.append(literal)
                        unlocks.append([])
                    }
                    unlocks[index].append((Int32(pattern.index), UInt8(setIndex)))
                }
            }
        }
        automaton = LiteralAutomaton(literals: literals)
        self.unlocks = unlocks
        fullMask = masks
        alwaysRun = always
        var flags = [Bool](repeating: false, count: patterns.count)
        for index in always { flags[index] = true }
        runsAlways = flags
        patternCount = patterns.count
    }

    var literalCount: Int { automaton.literals.count }

    /// For each pattern, whether it may match `text`.
    func candidates(_ text: String) -> [Bool] {
        var mayMatch = [Bool](repeating: false, count: patternCount)
        for index in alwaysRun { mayMatch[index] = true }
        var copy = text
        copy.withUTF8 { bytes in
            // PCRE2's caseless matching folds the Kelvin sign to 'k' and the long s to 's';
            // the ASCII folding here does not, so such texts skip the prefilter.
            if Prefilter.containsUnusualCaseFolds(bytes) {
                mayMatch = [Bool](repeating: true, count: patternCount)
                return
            }
            var found = [Bool](repeating: false, count: automaton.literals.count)
            automaton.scan(bytes, found: &found)
            var seen = [UInt8](repeating: 0, count: patternCount)
            for (literal, present) in found.enumerated() where present {
                for (pattern, set) in unlocks[literal] {
                    let index = Int(pattern)
                    seen[index] |= 1 << set
                    if seen[index] == fullMask[index] { mayMatch[index] = true }
                }
            }
        }
        return mayMatch
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
