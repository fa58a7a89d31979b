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
    /// The real words, which are never read as typos.
    let realWords: RealWordSet

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
                if result[lower] == nil { result[lower] = FuzzyWordList.realNeighbours(of: lower, in: realWords) }
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
    /// Built as bytes (the word is ASCII letters): packs have hundreds of fuzzy words, each
    /// with about three alternatives per letter.
    func fuzzyGroup(for word: String, guards: [String]) -> String {
        let letters = Array(word.utf8)
        var out: [UInt8] = Array("(?:".utf8)
        if !guards.isEmpty {
            out += "(?!(?:".utf8
            for (index, guardWord) in guards.enumerated() {
                if index > 0 { out.append(UInt8(ascii: "|")) }
                out += guardWord.utf8
            }
            out += ")(?!\\w))".utf8
        }
        out += "(?:".utf8
        var first = true
        func variant(_ parts: ArraySlice<UInt8>...) {
            if !first { out.append(UInt8(ascii: "|")) }
            first = false
            for part in parts { out += part }
        }
        let anyLetter = Array("\\pL".utf8)[...], maybeLetter = Array("\\pL?".utf8)[...]
        for index in letters.indices {
            // Changed or dropped letter (the same letter: the word itself).
            variant(letters[..<index], maybeLetter, letters[(index + 1)...])
        }
        for index in 1...letters.count {
            variant(letters[..<index], anyLetter, letters[index...])
        }
        for index in 0..<(letters.count - 1) where letters[index] != letters[index + 1] {
            variant(letters[..<index], [letters[index + 1], letters[index]], letters[(index + 2)...])
        }
        out += "))".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// The real words one edit away from a lower-case ASCII word (a letter dropped, changed,
    /// added or two neighbours swapped), the word itself excluded, sorted. A word has hundreds
    /// of such strings: each is only hashed, from the hash of the word's prefix, and built and
    /// confirmed when the hash is a real word's.
    static func realNeighbours(of word: String, in realWords: RealWordSet) -> [String] {
        let letters = Array(word.utf8)
        let count = letters.count
        var prefix = [RealWordSet.seed]
        for letter in letters { prefix.append(RealWordSet.step(prefix[prefix.count - 1], letter)) }
        var result: Set<String> = []
        /// `head` (the hash of the candidate's first bytes), then the word from `rest` on.
        func probe(_ head: UInt64, _ rest: Int, build: () -> [UInt8]) {
            var hash = head
            for index in rest..<count { hash = RealWordSet.step(hash, letters[index]) }
            guard realWords.mayContain(hash: RealWordSet.finish(hash)) else { return }
            let candidate = build()
            if candidate != letters && realWords.contains(candidate) { result.insert(String(decoding: candidate, as: UTF8.self)) }
        }
        for index in 0..<count {
            probe(prefix[index], index + 1) { Array(letters[..<index] + letters[(index + 1)...]) }
            for letter in UInt8(ascii: "a")...UInt8(ascii: "z") where letter != letters[index] {
                probe(RealWordSet.step(prefix[index], letter), index + 1) { Array(letters[..<index] + [letter] + letters[(index + 1)...]) }
            }
        }
        for index in 0...count {
            for letter in UInt8(ascii: "a")...UInt8(ascii: "z") {
                probe(RealWordSet.step(prefix[index], letter), index) { Array(letters[..<index] + [letter] + letters[index...]) }
            }
        }
        for index in 0..<max(0, count - 1) where letters[index] != letters[index + 1] {
            let swapped = RealWordSet.step(RealWordSet.step(prefix[index], letters[index + 1]), letters[index])
            probe(swapped, index + 2) { Array(letters[..<index] + [letters[index + 1], letters[index]] + letters[(index + 2)...]) }
        }
        return result.sorted()
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
