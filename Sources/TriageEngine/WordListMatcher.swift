/// Matches one word list (plain or `fuzzy`) without PCRE2, giving exactly the matches of the
/// regex `WordListPattern` / `FuzzyWordList` build for it. The regex is
/// `(?<!\w)(?:A1|A2|…)(?!\w)` with the entries longest first; this type keeps each alternative
/// as a short program of elements and tries them in the same order, with the same
/// backtracking, at the start positions `WordListIndex` proposes.
///
/// Exact only on texts where `\w` is `[A-Za-z0-9_]`, `\s` is ASCII whitespace and case folds
/// stay within ASCII (`isDirectText`), and only for entries made of printable ASCII and `’`
/// that start with a word character (`init` returns nil otherwise): elsewhere PCRE2 decides.
struct WordListMatcher: Sendable {
    enum Element: Sendable, Equatable {
        /// ASCII bytes, lower-cased when the list is caseless.
        case literal([UInt8])
        /// `['’]`.
        case apostrophe
        /// `\s+`, then up to `gap` words each followed by whitespace.
        case separator
        /// A trailing `*`: `\w*`.
        case restOfWord
        /// A fuzzy word, by index into `fuzzyWords`.
        case fuzzy(Int)
    }

    /// How `WordListIndex` finds the start positions of an alternative: by the first word run
    /// of the text at that position.
    enum KeyKind: UInt8, Sendable {
        /// The run equals the key.
        case exact
        /// The run starts with the key (`deliver*`).
        case prefix
        /// The run is one edit from the key (a fuzzy first word): they share a deletion key.
        case fuzzy
    }

    struct Alternative: Sendable {
        let elements: [Element]
        /// The alternative's first word run, lower-cased.
        let key: [UInt8]
        let keyKind: KeyKind
    }

    struct FuzzyWord: Sendable {
        /// As written (case-sensitive lists) or lower-cased (caseless ones).
        let letters: [UInt8]
        /// Real words one edit away, lower-cased: never read as typos.
        let guards: Set<[UInt8]>
    }

    /// In the regex's order: the first that matches at a position wins.
    let alternatives: [Alternative]
    let fuzzyWords: [FuzzyWord]
    let caseless: Bool
    let gap: Int

    /// Nil when an entry is outside what the direct matcher reproduces exactly.
    init?(entries: [String], caseSensitive: Bool, fuzzy: Bool, gap: Int, guards: [String: [String]] = [:]) {
        caseless = !caseSensitive
        self.gap = gap
        var fuzzyWords: [FuzzyWord] = []
        var alternatives: [Alternative] = []
        // The same sort as the regex builders, so ties keep the same order.
        for entry in entries.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            var elements: [Element] = []
            if fuzzy {
                for (index, word) in FuzzyWordList.words(of: entry).enumerated() {
                    if index > 0 { elements.append(.separator) }
                    if FuzzyWordList.isFuzzable(word) {
                        let lower = word.lowercased()
                        let guardWords = Set((guards[lower] ?? []).map { Array($0.utf8) })
                        fuzzyWords.append(FuzzyWord(letters: Array((caseSensitive ? String(word) : lower).utf8), guards: guardWords))
                        elements.append(.fuzzy(fuzzyWords.count - 1))
                    } else {
                        guard WordListMatcher.appendElements(of: String(word), caseless: caseless, to: &elements) else { return nil }
                    }
                }
            } else {
                guard WordListMatcher.appendElements(of: entry, caseless: caseless, to: &elements) else { return nil }
            }
            guard let (key, kind) = WordListMatcher.key(of: elements, fuzzyWords: fuzzyWords) else { return nil }
            alternatives.append(Alternative(elements: elements, key: key, keyKind: kind))
        }
        guard !alternatives.isEmpty, alternatives.count < WordListIndex.maximumAlternatives else { return nil }
        self.alternatives = alternatives
        self.fuzzyWords = fuzzyWords
    }

    /// `WordListPattern.alternative(for:)` as elements; false for what it cannot reproduce
    /// (non-ASCII other than `’`, whitespace other than space and tab, an empty entry).
    private static func appendElements(of entry: String, caseless: Bool, to elements: inout [Element]) -> Bool {
        let scalars = Array(entry.trimmingASCII(" \t").unicodeScalars)
        guard !scalars.isEmpty else { return false }
        var literal: [UInt8] = []
        func flush() {
            if !literal.isEmpty { elements.append(.literal(literal)) }
            literal = []
        }
        var previousWasSpace = false
        for (index, scalar) in scalars.enumerated() {
            if scalar == " " || scalar == "\t" {
                if !previousWasSpace {
                    flush()
                    elements.append(.separator)
                }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            if scalar == "'" || scalar == "’" {
                flush()
                elements.append(.apostrophe)
            } else if scalar == "*" && index == scalars.count - 1 && index > 0 {
                flush()
                elements.append(.restOfWord)
            } else if scalar.value >= 0x21 && scalar.value <= 0x7E {
                let byte = UInt8(scalar.value)
                literal.append(caseless ? WordListMatcher.lower(byte) : byte)
            } else {
                return false
            }
        }
        flush()
        return true
    }

    /// The first word run of an alternative and how the text's run must relate to it; nil
    /// when the alternative does not start with a word character.
    private static func key(of elements: [Element], fuzzyWords: [FuzzyWord]) -> ([UInt8], KeyKind)? {
        switch elements.first {
        case .fuzzy(let index)?:
            return (fuzzyWords[index].letters.map(lower), .fuzzy)
        case .literal(let bytes)?:
            let run = bytes.prefix(while: isWordByte).map(lower)
            guard !run.isEmpty else { return nil }
            if run.count == bytes.count, elements.count > 1, elements[1] == .restOfWord { return (run, .prefix) }
            return (run, .exact)
        default:
            return nil
        }
    }

    /// Where alternative `index` matches when started at `start` (a word run's start, so
    /// `(?<!\w)` holds): the end of the match, or nil.
    func match(_ index: Int, at start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        match(alternatives[index].elements, from: 0, at: start, in: text)
    }

    private func match(_ elements: [Element], from first: Int, at start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var position = start
        var index = first
        let count = text.count
        while index < elements.count {
            switch elements[index] {
            case .literal(let bytes):
                guard count - position >= bytes.count else { return nil }
                for (offset, expected) in bytes.enumerated() {
                    let byte = text[position + offset]
                    guard (caseless ? WordListMatcher.lower(byte) : byte) == expected else { return nil }
                }
                position += bytes.count
            case .apostrophe:
                guard let length = WordListMatcher.apostropheLength(text, at: position) else { return nil }
                position += length
            case .restOfWord:
                while position < count && WordListMatcher.isWordByte(text[position]) { position += 1 }
            case .fuzzy(let word):
                var end = position
                while end < count && WordListMatcher.isLetter(text[end]) { end += 1 }
                // Every form of the word is letters, and what follows (whitespace or the end's
                // `(?!\w)`) is not a letter, so the whole letter run is the only candidate.
                guard end > position, accepts(fuzzyWords[word], text, position, end) else { return nil }
                position = end
            case .separator:
                guard position < count, WordListMatcher.isSpace(text[position]) else { return nil }
                position = skipSpaces(text, from: position)
                guard gap > 0 else { break }
                // `(?:\w[\w'’-]*\s+){0,gap}` is greedy: the most gap words first, then fewer.
                return withUnsafeTemporaryAllocation(of: Int.self, capacity: gap + 1) { stops in
                    stops[0] = position
                    var taken = 0
                    var cursor = position
                    while taken < gap, let next = gapWord(text, at: cursor) {
                        taken += 1
                        stops[taken] = next
                        cursor = next
                    }
                    for stop in stride(from: taken, through: 0, by: -1) {
                        if let end = match(elements, from: index + 1, at: stops[stop], in: text) { return end }
                    }
                    return nil
                }
            }
            index += 1
        }
        // `(?!\w)`.
        return position < count && WordListMatcher.isWordByte(text[position]) ? nil : position
    }

    /// After one gap word (`\w[\w'’-]*\s+`) at `start`: where the next one may begin, or nil.
    private func gapWord(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        guard start < text.count, WordListMatcher.isWordByte(text[start]) else { return nil }
        var position = start + 1
        while position < text.count {
            let byte = text[position]
            if WordListMatcher.isWordByte(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") {
                position += 1
            } else if let length = WordListMatcher.apostropheLength(text, at: position) {
                position += length
            } else {
                break
            }
        }
        guard position < text.count, WordListMatcher.isSpace(text[position]) else { return nil }
        return skipSpaces(text, from: position)
    }

    private func skipSpaces(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var position = start
        while position < text.count && WordListMatcher.isSpace(text[position]) { position += 1 }
        return position
    }

    /// Whether the letters `text[start..<end]` are the fuzzy word with at most one edit of the
    /// kinds its regex allows (a letter changed or dropped anywhere, added after the first
    /// letter, two neighbours swapped) and not a real word.
    private func accepts(_ word: FuzzyWord, _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let letters = word.letters
        let length = end - start
        let expected = letters.count
        func same(_ offset: Int, _ letter: Int) -> Bool {
            let byte = text[start + offset]
            return (caseless ? WordListMatcher.lower(byte) : byte) == letters[letter]
        }
        var isVariant = false
        if length == expected {
            var mismatches = 0
            var first = -1
            for offset in 0..<length where !same(offset, offset) {
                if mismatches == 0 { first = offset }
                mismatches += 1
                if mismatches > 2 { break }
            }
            isVariant = mismatches <= 1
                || (mismatches == 2 && first + 1 < length && same(first, first + 1) && same(first + 1, first)
                    && !same(first + 1, first + 1))
        } else if length == expected - 1 {
            // Dropped letter: skip it at the first difference.
            var offset = 0
            while offset < length && same(offset, offset) { offset += 1 }
            isVariant = (offset..<length).allSatisfy { same($0, $0 + 1) }
        } else if length == expected + 1 {
            // Added letter: never before the first one.
            var offset = 0
            while offset < expected && same(offset, offset) { offset += 1 }
            isVariant = offset > 0 && (offset..<expected).allSatisfy { same($0 + 1, $0) }
        }
        guard isVariant else { return false }
        guard !word.guards.isEmpty else { return true }
        // The guard look-ahead reads the text as written: folded for caseless lists.
        var written = [UInt8](UnsafeBufferPointer(rebasing: text[start..<end]))
        if caseless { written = written.map(WordListMatcher.lower) }
        return !word.guards.contains(written)
    }

    // MARK: Text classes, exact on direct texts

    static func isWordByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        let folded = byte | 0x20
        return folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")
    }

    /// `\s` on ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// `'` (1 byte) or `’` (E2 80 99, 3 bytes) at `position`, or nil.
    static func apostropheLength(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
        guard position < text.count else { return nil }
        if text[position] == UInt8(ascii: "'") { return 1 }
        if text[position] == 0xE2, position + 2 < text.count, text[position + 1] == 0x80, text[position + 2] == 0x99 { return 3 }
        return nil
    }

    /// Whether the direct matcher is exact on this text: ASCII, plus the punctuation customers
    /// type most (curly quotes, dashes, the ellipsis), which are neither word characters nor
    /// whitespace nor letters for PCRE2 and fold to nothing. Any other non-ASCII character
    /// (accented letters, no-break spaces, the Kelvin sign that folds to `k`) leaves the text
    /// to PCRE2.
    static func isDirectText(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        let count = text.count
        while position < count {
            let byte = text[position]
            if byte < 0x80 {
                position += 1
                continue
            }
            // U+2013 – U+2014 — U+2018 ‘ U+2019 ’ U+201C “ U+201D ” U+2026 …
            guard byte == 0xE2, position + 2 < count, text[position + 1] == 0x80 else { return false }
            switch text[position + 2] {
            case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6: position += 3
            default: return false
            }
        }
        return true
    }
}
