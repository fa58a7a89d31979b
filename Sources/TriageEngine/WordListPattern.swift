/// Turns word-list entries into one escaped, word-bounded PCRE2 alternation, so authors
/// never write regex syntax for plain words.
enum WordListPattern {
    private static let metacharacters: Set<Character> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "/", "#", "-"]

    /// `(?<!\w)(?:hasn['’]t\s+arrived|late|deliver\w*)(?!\w)`: spaces match any whitespace,
    /// an apostrophe matches straight or curly, a trailing `*` matches the rest of a word.
    static func regexSource(for entries: [String]) -> String {
        let alternatives = entries
            .sorted { $0.count > $1.count }
            .map { alternative(for: $0) }
        return "(?<!\\w)(?:" + alternatives.joined(separator: "|") + ")(?!\\w)"
    }

    static func alternative(for entry: String) -> String {
        var result = ""
        var previousWasSpace = false
        let characters = Array(entry.trimming(" \t"))
        for (index, character) in characters.enumerated() {
            if character.isWhitespace {
                if !previousWasSpace { result += "\\s+" }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            if character == "'" || character == "’" {
                result += "['’]"
            } else if character == "*" && index == characters.count - 1 && index > 0 {
                result += "\\w*"
            } else if metacharacters.contains(character) {
                result += "\\" + String(character)
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// For each entry the longest run of ASCII letters and digits, lower-cased: one of them
    /// must occur in any match (ASCII only, because the prefilter folds only ASCII case).
    /// Nil when an entry has no such run.
    static func requiredLiterals(for entries: [String]) -> [String]? {
        var literals: [String] = []
        for entry in entries {
            let runs = entry.lowercased().split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
            guard let longest = runs.max(by: { $0.count < $1.count }), !longest.isEmpty else { return nil }
            literals.append(String(longest))
        }
        return literals
    }
}
