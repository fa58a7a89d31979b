import TriageSyntax

/// `words fuzzy { … }`: each word of five letters or more also matches when written with
/// one typo (a letter dropped, added, changed, or two letters swapped: "recieved",
/// "dilvered", "refnd"), unless what was written is itself a real word ("deliverer",
/// "later"). Compiled into one PCRE2 alternation, so matching stays in the regex engine and
/// the prefilter still gets literals that every variant contains.
struct FuzzyWordList {
    let entries: [String]
    /// Other words allowed between a phrase's words (`words fuzzy gap 1`).
    var gap = 0
    /// Whether a lower-case word is a real word, so it is never read as a typo.
    let isRealWord: (String) -> Bool

    var regexSource: String { regexSource(guards: guards()) }

    /// The regex, with the real words excluded for each fuzzy word (`guards()`).
    func regexSource(guards: [String: [String]]) -> String {
        let alternatives = entries
            .sorted { $0.utf8.count > $1.utf8.count }
            .map { alternative(for: $0, guards: guards) }
        return "(?<!\\w)(?:" + alternatives.joined(separator: "|") + ")(?!\\w)"
    }

    /// For each fuzzy word of the entries, lower-cased: the real words one edit away, which
    /// are never read as its typos. Computed once and shared by the regex and the direct matcher.
    func guards() -> [String: [String]] {
        var result: [String: [String]] = [:]
        for entry in entries {
            for word in FuzzyWordList.words(of: entry) where FuzzyWordList.isFuzzable(word) {
                let lower = word.lowercased()
                if result[lower] == nil { result[lower] = FuzzyWordList.neighbours(of: lower).filter(isRealWord).sorted() }
            }
        }
        return result
    }

    /// Whether a word of an entry is matched with a typo: plain ASCII letters, long enough.
    static func isFuzzable(_ word: Substring) -> Bool {
        word.utf8.count >= WordList.fuzzyMinimumLength && word.unicodeScalars.allSatisfy(\.isASCIILetter)
    }

    static func words(of entry: String) -> [Substring] {
        entry.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    private func alternative(for entry: String, guards: [String: [String]]) -> String {
        FuzzyWordList.words(of: entry).map { word in
            FuzzyWordList.isFuzzable(word) ? fuzzyGroup(for: String(word), guards: guards[word.lowercased()] ?? [])
                : WordListPattern.alternative(for: String(word))
        }.joined(separator: WordListPattern.separator(gap: gap))
    }

    /// `(?!(?:later)(?!\w))(?:l\pL?te|…)`: the word with one edit, real words excluded.
    func fuzzyGroup(for word: String, guards: [String]) -> String {
        let letters = Array(word)
        var variants: [String] = []
        for index in letters.indices {
            // Changed or dropped letter (the same letter: the word itself).
            variants.append(String(letters[..<index]) + "\\pL?" + String(letters[(index + 1)...]))
        }
        for index in 1...letters.count {
            variants.append(String(letters[..<index]) + "\\pL" + String(letters[index...]))
        }
        for index in 0..<(letters.count - 1) where letters[index] != letters[index + 1] {
            var swapped = letters
            swapped.swapAt(index, index + 1)
            variants.append(String(swapped))
        }
        let exclusion = guards.isEmpty ? "" : "(?!(?:" + guards.joined(separator: "|") + ")(?!\\w))"
        return "(?:" + exclusion + "(?:" + variants.joined(separator: "|") + "))"
    }

    /// Every string one edit away from a lower-case ASCII word, the word itself excluded.
    static func neighbours(of word: String) -> Set<String> {
        let letters = Array(word.utf8)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        var result: Set<String> = []
        func add(_ bytes: [UInt8]) { result.insert(String(decoding: bytes, as: UTF8.self)) }
        for index in letters.indices {
            var deleted = letters
            deleted.remove(at: index)
            add(deleted)
            for letter in alphabet where letter != letters[index] {
                var changed = letters
                changed[index] = letter
                add(changed)
            }
        }
        for index in 0...letters.count {
            for letter in alphabet {
                var inserted = letters
                inserted.insert(letter, at: index)
                add(inserted)
            }
        }
        for index in 0..<max(0, letters.count - 1) where letters[index] != letters[index + 1] {
            var swapped = letters
            swapped.swapAt(index, index + 1)
            add(swapped)
        }
        result.remove(word)
        return result
    }

    /// What the prefilter needs. A typo changes at most two neighbouring letters, so either
    /// the front of a fuzzy word (before its middle letter) or its back (after it) is
    /// intact; an entry requires its longest exact run, or one of those two halves.
    func analysis(caseless: Bool) -> LiteralExtractor.Analysis {
        var literals: [String] = []
        var complete = true
        var longestMatch: Int? = 0
        var exactWords: [String] = []
        var allExact = true
        for entry in entries {
            let words = FuzzyWordList.words(of: entry)
            let fuzzy = words.filter(FuzzyWordList.isFuzzable)
            let exact = words.filter { !FuzzyWordList.isFuzzable($0) }
            if fuzzy.isEmpty, words.count == 1, caseless, entry.unicodeScalars.allSatisfy(\.isASCIILetterOrDigit) {
                exactWords.append(entry.lowercased())
            } else {
                allExact = false
            }
            var best: [String] = []
            var bestLength = 0
            for word in exact {
                if let run = WordListPattern.requiredLiterals(for: [String(word)])?.first, run.utf8.count > bestLength {
                    best = [run]
                    bestLength = run.utf8.count
                }
            }
            if let longest = fuzzy.max(by: { $0.utf8.count < $1.utf8.count }) {
                let lower = Array(longest.lowercased())
                let middle = lower.count / 2
                let front = String(lower[..<middle]), back = String(lower[(middle + 1)...])
                let halves = min(front.count, back.count)
                if halves > bestLength || best.isEmpty {
                    best = [front, back]
                    bestLength = halves
                }
            }
            if best.isEmpty { complete = false }
            literals += best
            // Unbounded across a space (`\s+`) or a trailing `*`; otherwise a generous bound:
            // every byte may widen (an apostrophe matches the curly one) and a letter may be added.
            if words.count > 1 || entry.hasSuffix("*") {
                longestMatch = nil
            } else {
                longestMatch = longestMatch.map { max($0, entry.utf8.count * 4 + 4) }
            }
        }
        let sets: [[String]]? = complete && !literals.isEmpty ? [Array(Set(literals)).sorted()] : nil
        return LiteralExtractor.Analysis(requiredSets: sets, maximumLength: longestMatch, exactWords: exactWords,
                                         isExactWordList: !entries.isEmpty && allExact && exactWords.count == entries.count,
                                         setPositions: sets == nil ? [] : [-1])
    }
}
