import TriageSyntax

/// Turns word-list entries into one escaped, word-bounded PCRE2 alternation, so authors
/// never write regex syntax for plain words.
enum WordListPattern {
    private static let metacharacters: Set<Character> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "/", "#", "-"]

    /// `(?<!\w)(?:hasn['’]t\s+arrived|late|deliver\w*)(?!\w)`: spaces match any whitespace,
    /// an apostrophe matches straight or curly, a trailing `*` matches the rest of a word.
    static func regexSource(for entries: [String], gap: Int = 0) -> String {
        let alternatives = entries
            .sorted { $0.utf8.count > $1.utf8.count }
            .map { alternative(for: $0, gap: gap) }
        return "(?<!\\w)(?:" + alternatives.joined(separator: "|") + ")(?!\\w)"
    }

    /// Between a phrase's words: whitespace, and with a gap up to that many other words
    /// ("didn't even make it"), each a word that may carry an apostrophe or hyphen.
    static func separator(gap: Int) -> String {
        gap > 0 ? "\\s+(?:\\w[\\w'’-]*\\s+){0,\(gap)}" : "\\s+"
    }

    static func alternative(for entry: String, gap: Int = 0) -> String {
        // Scalar by scalar: a metacharacter followed by a combining mark is still escaped.
        var result = ""
        var previousWasSpace = false
        let scalars = Array(entry.trimmingASCII(" \t").unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if isSpace(scalar) {
                if !previousWasSpace { result += separator(gap: gap) }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            if scalar == "'" || scalar == "’" {
                result += "['’]"
            } else if scalar == "*" && index == scalars.count - 1 && index > 0 {
                result += "\\w*"
            } else if scalar.isASCII && metacharacters.contains(Character(scalar)) {
                result += "\\"
                result.unicodeScalars.append(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// What the prefilter needs, read from the entries (packs have thousands; parsing the
    /// regex built for them would cost more than compiling it): the longest ASCII run of
    /// each entry, the longest match (unbounded with a space or a trailing `*`, which become
    /// `\s+` and `\w*`), and for caseless lists the entries that are plain words.
    static func analysis(for entries: [String], caseless: Bool) -> LiteralExtractor.Analysis {
        var longestMatch: Int? = 0
        var exactWords: [String] = []
        for entry in entries {
            let scalars = Array(entry.trimmingASCII(" \t").unicodeScalars)
            var bytes: Int? = 0
            for (index, scalar) in scalars.enumerated() {
                if isSpace(scalar) || (scalar == "*" && index == scalars.count - 1 && index > 0) {
                    bytes = nil
                    break
                }
                // An apostrophe matches the curly one too; other characters at most 4 bytes.
                bytes! += scalar == "'" || scalar == "’" ? 3 : scalar.isASCII ? 1 : 4
            }
            if let bytes, let longest = longestMatch { longestMatch = max(longest, bytes) } else { longestMatch = nil }
            if caseless, !scalars.isEmpty, scalars.allSatisfy({ $0.isASCIILetterOrDigit }) {
                exactWords.append(String(String.UnicodeScalarView(scalars)).lowercased())
            }
        }
        let literals = requiredLiterals(for: entries)
        return LiteralExtractor.Analysis(requiredSets: literals.map { [$0] }, maximumLength: longestMatch, exactWords: exactWords,
                                         isExactWordList: !entries.isEmpty && exactWords.count == entries.count,
                                         setPositions: literals == nil ? [] : [-1])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}")
            : scalar.properties.isWhitespace
    }

    /// For each entry the longest run of ASCII letters and digits, lower-cased: one of them
    /// must occur in any match (ASCII only, because the prefilter folds only ASCII case).
    /// Nil when an entry has no such run.
    static func requiredLiterals(for entries: [String]) -> [String]? {
        var literals: [String] = []
        for entry in entries {
            // Byte by byte: runs of ASCII letters and digits, lower-cased.
            var longest: ArraySlice<UInt8> = []
            var bytes = Array(entry.utf8)
            for index in bytes.indices where bytes[index] >= UInt8(ascii: "A") && bytes[index] <= UInt8(ascii: "Z") { bytes[index] |= 0x20 }
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, Unicode.Scalar(bytes[end]).isASCIILetterOrDigit { end += 1 }
                if end - start > longest.count { longest = bytes[start..<end] }
                start = end + 1
            }
            guard !longest.isEmpty else { return nil }
            literals.append(String(decoding: longest, as: UTF8.self))
        }
        return literals
    }
}
