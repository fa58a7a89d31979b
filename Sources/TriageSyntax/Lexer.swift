/// Turns rule-file text into tokens. It never fails: a problem becomes a diagnostic and,
/// where needed, an `.invalid` token, and lexing goes on.
public struct Lexer {
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var comments: [Comment] = []
    private let file: SourceFile
    private let bytes: [UInt8]
    private var position = 0
    private var sawLineBreak = true

    public init(file: SourceFile) {
        self.file = file
        self.bytes = Array(file.text.utf8)
    }

    /// All tokens, ending with `.endOfFile`.
    public mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = next()
            tokens.append(token)
            if token.kind == .endOfFile { return tokens }
        }
    }

    private static let regexFlags: Set<Character> = ["i", "s", "x", "m", "n"]

    private mutating func next() -> Token {
        skipTriviaAndComments()
        let start = position
        guard position < bytes.count else {
            return make(.endOfFile, from: start, value: "")
        }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "{"): position += 1; return make(.leftBrace, from: start)
        case UInt8(ascii: "}"): position += 1; return make(.rightBrace, from: start)
        case UInt8(ascii: "("): position += 1; return make(.leftParen, from: start)
        case UInt8(ascii: ")"): position += 1; return make(.rightParen, from: start)
        case UInt8(ascii: ","): position += 1; return make(.comma, from: start)
        case UInt8(ascii: "="): position += 1; return make(.equals, from: start)
        case UInt8(ascii: "-") where peek(1) == UInt8(ascii: ">"):
            position += 2
            return make(.arrow, from: start)
        case UInt8(ascii: "\""): return lexString()
        case UInt8(ascii: "/"): return lexRegex()
        default:
            if isWordByte(byte) || (byte == UInt8(ascii: "-") && peek(1).map(isDigit) == true) {
                return lexWord()
            }
            return lexUnexpected()
        }
    }

    private func peek(_ distance: Int) -> UInt8? {
        position + distance < bytes.count ? bytes[position + distance] : nil
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Letters (any non-ASCII byte counts, so Unicode words work), digits and the few
    /// punctuation marks that occur inside words and ids.
    private func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): return true
        case 0x80...0xFF: return !isCurlyQuote(at: position)
        default: return false
        }
    }

    private func isWordContinuation(_ byte: UInt8, at index: Int) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."),
             UInt8(ascii: "'"), UInt8(ascii: "*"): return true
        case UInt8(ascii: "-"): return index + 1 < bytes.count && bytes[index + 1] != UInt8(ascii: ">")
        case 0x80...0xFF: return !isCurlyDoubleQuote(at: index)
        default: return false
        }
    }

    /// “ and ” (E2 80 9C / E2 80 9D): pasted from a word processor, never valid syntax.
    private func isCurlyDoubleQuote(at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D)
    }

    private func isCurlyQuote(at index: Int) -> Bool { isCurlyDoubleQuote(at: index) }

    private mutating func skipTriviaAndComments() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                sawLineBreak = true
                position += 1
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                position += 1
            } else if byte == 0xEF, peek(1) == 0xBB, peek(2) == 0xBF {
                position += 3 // byte order mark
            } else if byte == UInt8(ascii: "#") {
                let start = position
                while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
                var end = position
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let text = file.slice(start + 1, end)
                comments.append(Comment(span: SourceSpan(start: start, end: end), text: text, isOwnLine: sawLineBreak))
            } else {
                return
            }
        }
    }

    private mutating func make(_ kind: Token.Kind, from start: Int, value: String? = nil, flags: String = "") -> Token {
        let text = file.slice(start, position)
        let token = Token(kind: kind, span: SourceSpan(start: start, end: position), text: text, value: value ?? text, flags: flags, startsLine: sawLineBreak)
        sawLineBreak = false
        return token
    }

    private mutating func lexWord() -> Token {
        let start = position
        position += 1
        while position < bytes.count && isWordContinuation(bytes[position], at: position) {
            position += 1
        }
        let text = file.slice(start, position)
        let isNumber = text.first.map { $0 == "-" || $0.isASCII && $0.isNumber } == true
            && Double(text) != nil && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }
        return make(isNumber ? .number : .word, from: start, value: text)
    }

    private mutating func lexString() -> Token {
        let start = position
        position += 1
        var value: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return make(.string, from: start, value: String(decoding: value, as: UTF8.self))
            }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\") {
                let escapeStart = position
                position += 1
                guard position < bytes.count, bytes[position] != UInt8(ascii: "\n") else { break }
                switch bytes[position] {
                case UInt8(ascii: "\""): value.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
                default:
                    let escapeEnd = scalarEnd(after: position)
                    diagnostics.append(.error(.invalidEscape, "invalid escape '\(file.slice(escapeStart, escapeEnd))' in string", file: file, span: SourceSpan(start: escapeStart, end: escapeEnd), hint: "strings know '\\\"', '\\\\', '\\n' and '\\t'; write a backslash as '\\\\'"))
                    value.append(contentsOf: bytes[position..<escapeEnd])
                    position = escapeEnd
                    continue
                }
                position += 1
                continue
            }
            value.append(byte)
            position += 1
        }
        var end = position
        if end > start, end <= bytes.count, end > 0, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        diagnostics.append(.error(.unterminatedString, "unterminated string", file: file, span: SourceSpan(start: start, end: end), hint: "close the string with '\"' before the end of the line"))
        return make(.invalid, from: start, value: String(decoding: value, as: UTF8.self))
    }

    private func scalarEnd(after index: Int) -> Int {
        var end = index + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    private mutating func lexRegex() -> Token {
        let start = position
        position += 1
        if position < bytes.count, bytes[position] == UInt8(ascii: "/") {
            position += 1
            diagnostics.append(.error(.emptyRegex, "empty regex literal '//'", file: file, span: SourceSpan(start: start, end: position), hint: "comments start with '#'; a regex needs a pattern between the slashes"))
            return make(.invalid, from: start, value: "")
        }
        var inClass = false
        var classStart = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\") {
                position = min(bytes.count, position + 2)
                continue
            }
            if inClass {
                // ']' right after '[' or '[^' is a literal member, as in PCRE2.
                if byte == UInt8(ascii: "]") && position > classStart { inClass = false }
            } else if byte == UInt8(ascii: "[") {
                inClass = true
                classStart = position + 1
                if classStart < bytes.count && bytes[classStart] == UInt8(ascii: "^") { classStart += 1 }
            } else if byte == UInt8(ascii: "/") {
                let pattern = file.slice(start + 1, position)
                position += 1
                let flagsStart = position
                while position < bytes.count, (bytes[position] >= UInt8(ascii: "a") && bytes[position] <= UInt8(ascii: "z")) || (bytes[position] >= UInt8(ascii: "A") && bytes[position] <= UInt8(ascii: "Z")) {
                    position += 1
                }
                let flags = file.slice(flagsStart, position)
                var offset = flagsStart
                for flag in flags {
                    if !Lexer.regexFlags.contains(flag) {
                        diagnostics.append(.error(.unknownRegexFlag, "unknown regex flag '\(flag)'", file: file, span: SourceSpan(start: offset, end: offset + 1), hint: "flags are i (ignore case), s (dot matches newline), x (extended), m (multiline), n (no auto capture)"))
                    }
                    offset += 1
                }
                return make(.regex, from: start, value: pattern, flags: flags)
            }
            position += 1
        }
        var end = position
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        diagnostics.append(.error(.unterminatedRegex, "unterminated regex literal", file: file, span: SourceSpan(start: start, end: end), hint: "close the pattern with '/' on the same line; write a slash inside it as '\\/'"))
        return make(.invalid, from: start, value: "")
    }

    static let strayHint = "words and names use letters, digits, '_', '-', '.' and apostrophes; put other text in a \"string\""

    /// Printable ASCII that cannot start any token.
    private func isStray(_ byte: UInt8) -> Bool {
        "!$%&+:;<>?@[]^`|~\\*.'".utf8.contains(byte)
    }

    private mutating func lexUnexpected() -> Token {
        let start = position
        position = scalarEnd(after: position)
        let character = file.slice(start, position)
        if isCurlyDoubleQuote(at: start) {
            diagnostics.append(.error(.curlyQuote, "curly quote '\(character)' cannot start or end a string", file: file, span: SourceSpan(start: start, end: position), hint: "use straight double quotes: \"like this\""))
        } else if bytes[start] < 0x20 || bytes[start] == 0x7F {
            diagnostics.append(.error(.invalidCharacter, "invalid control character U+\(String(bytes[start], radix: 16, uppercase: true).leftPadded(to: 4))", file: file, span: SourceSpan(start: start, end: position)))
        } else {
            // A run of stray characters is one problem, not one per character.
            while position < bytes.count, isStray(bytes[position]) { position = scalarEnd(after: position) }
            let run = file.slice(start, position)
            let noun = run.count == 1 ? "character" : "characters"
            diagnostics.append(.error(.invalidCharacter, "unexpected \(noun) '\(run)'", file: file, span: SourceSpan(start: start, end: position), hint: Lexer.strayHint))
        }
        return make(.invalid, from: start)
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
