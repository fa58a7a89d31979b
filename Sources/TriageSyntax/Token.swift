/// One lexical token of a rule file.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A bare word: keywords, names, dotted category ids and list words (`hasn't`, `2-day`, `deliver*`).
        case word
        case number
        /// A double-quoted string; `value` holds the decoded text.
        case string
        /// A `/…/flags` literal; `value` holds the pattern exactly as written, `flags` the letters after it.
        case regex
        case leftBrace, rightBrace, leftParen, rightParen, comma, equals, arrow
        case endOfFile
        /// Something the lexer could not read; it has already reported why.
        case invalid
    }

    public let kind: Kind
    public let span: SourceSpan
    /// The source text of the token.
    public let text: String
    /// Decoded value: string contents, regex pattern, or the word/number text.
    public let value: String
    public let flags: String
    /// True when a line break separates this token from the previous one; declarations
    /// start on a new line, which makes recovery after an error reliable.
    public let startsLine: Bool

    public init(kind: Kind, span: SourceSpan, text: String, value: String, flags: String = "", startsLine: Bool) {
        self.kind = kind
        self.span = span
        self.text = text
        self.value = value
        self.flags = flags
        self.startsLine = startsLine
    }

    public func isWord(_ word: String) -> Bool { kind == .word && text == word }

    /// How the token is named in "expected …, found …" messages.
    public var displayName: String {
        switch kind {
        case .endOfFile: return "end of file"
        case .string: return "string \(text.count > 30 ? String(text.prefix(27)) + "…\"" : text)"
        case .regex: return "regex \(text.count > 30 ? String(text.prefix(29)) + "…" : text)"
        default: return "'\(text)'"
        }
    }
}

/// A `#` comment, kept so a formatter can put it back where it was.
public struct Comment: Sendable, Hashable {
    public let span: SourceSpan
    /// The text after `#`, without the line break.
    public let text: String
    /// True when nothing but whitespace precedes it on its line.
    public let isOwnLine: Bool
}
