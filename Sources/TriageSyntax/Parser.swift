/// A hand-written recursive-descent parser for rule files. It never throws and never stops
/// at the first error: every problem becomes a diagnostic, and parsing resumes at the next
/// clause or declaration. Grammar areas live in the `Parser+…` extensions.
public struct Parser {
    let file: SourceFile
    let tokens: [Token]
    var index = 0
    var diagnostics: [Diagnostic] = []
    /// Nesting of parentheses and lists, bounded so hostile input cannot exhaust the stack.
    var depth = 0
    static let maximumDepth = 64

    static let declarationKeywords: Set<String> = ["import", "define", "category", "signal", "entity", "rule", "playbook", "settings", "spelling", "override", "lint"]
    static let reservedWords: Set<String> = [
        "and", "or", "not", "within", "words", "word", "of", "before", "after", "any", "all", "at", "least",
        "negated", "affirmed", "customer", "agent", "anyone", "unless", "when",
    ]

    /// Parses one file: the tree plus every lexical and syntax diagnostic, in source order.
    public static func parse(_ file: SourceFile) -> (RuleFile, [Diagnostic]) {
        var lexer = Lexer(file: file)
        let tokens = lexer.tokenize()
        var parser = Parser(file: file, tokens: tokens)
        let declarations = parser.parseDeclarations()
        let diagnostics = (lexer.diagnostics + parser.diagnostics).sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }
        return (RuleFile(source: file, declarations: declarations, comments: lexer.comments), diagnostics)
    }

    init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens
    }

    // MARK: Token stream

    var current: Token { tokens[index] }

    func peek(_ distance: Int = 1) -> Token {
        tokens[min(index + distance, tokens.count - 1)]
    }

    var atEnd: Bool { current.kind == .endOfFile }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// The end of the last consumed token, for spans that close a construct.
    var previousEnd: Int { index > 0 ? tokens[index - 1].span.end : 0 }

    func isWord(_ word: String) -> Bool { current.isWord(word) }

    mutating func consumeWord(_ word: String) -> Bool {
        guard isWord(word) else { return false }
        advance()
        return true
    }

    mutating func consume(_ kind: Token.Kind) -> Token? {
        guard current.kind == kind else { return nil }
        return advance()
    }

    /// True when the current token begins a new top-level declaration on its own line,
    /// the surest place to resume after a missing '}'.
    var atDeclarationStart: Bool {
        current.kind == .word && current.startsLine && Parser.declarationKeywords.contains(current.text)
    }

    // MARK: Diagnostics

    mutating func error(_ id: DiagnosticID, _ message: String, at span: SourceSpan, hint: String? = nil, notes: [Diagnostic.Note] = []) {
        // Invalid tokens were reported by the lexer; a second message would only be noise.
        if let token = tokens.first(where: { $0.span == span }), token.kind == .invalid { return }
        // One message per place: a second complaint about the same token is a consequence.
        if diagnostics.contains(where: { $0.span?.start == span.start }) { return }
        diagnostics.append(.error(id, message, file: file, span: span, hint: hint, notes: notes))
    }

    mutating func expected(_ what: String, hint: String? = nil) {
        let token = current
        if token.kind == .invalid { return }
        // Arguments belong on their clause's line: at a line break, point at the end of the line.
        if token.kind == .endOfFile || (token.startsLine && index > 0) {
            let end = previousEnd
            error(.expectedToken, "expected \(what) before the end of the line", at: SourceSpan(start: end, end: end), hint: hint)
            return
        }
        error(.expectedToken, "expected \(what), found \(token.displayName)", at: token.span, hint: hint)
    }

    mutating func expectName(_ what: String, hint: String? = nil) -> Identifier? {
        guard current.kind == .word, !current.startsLine else {
            expected(what, hint: hint)
            return nil
        }
        let token = advance()
        return Identifier(name: token.text, span: token.span)
    }

    mutating func expectString(_ what: String, hint: String? = nil) -> StringLiteral? {
        guard current.kind == .string, !current.startsLine else {
            expected(what, hint: hint)
            if current.kind == .invalid || (!current.startsLine && current.kind != .rightBrace && current.kind != .endOfFile) { advance() }
            return nil
        }
        let token = advance()
        return StringLiteral(value: token.value, span: token.span)
    }

    mutating func optionalString() -> StringLiteral? {
        guard current.kind == .string else { return nil }
        let token = advance()
        return StringLiteral(value: token.value, span: token.span)
    }

    mutating func expectNumber(_ what: String) -> NumberLiteral? {
        guard current.kind == .number, !current.startsLine, let value = Double(current.text) else {
            expected(what)
            // Consume the wrong value on the same line so it is not reported a second time.
            if !current.startsLine && current.kind != .rightBrace && current.kind != .endOfFile { advance() }
            return nil
        }
        let token = advance()
        return NumberLiteral(value: value, text: token.text, span: token.span)
    }

    // MARK: Recovery

    /// Skips to the next declaration keyword at the start of a line, stepping over whole
    /// `{ … }` blocks so keywords inside a broken block do not restart parsing there.
    mutating func synchronizeToDeclaration() {
        var braces = 0
        while !atEnd {
            // Any line that starts outside a block is worth trying as a declaration: a
            // misspelt keyword there gets its own message instead of being skipped.
            if braces == 0 && current.startsLine && current.kind != .rightBrace { return }
            switch current.kind {
            case .leftBrace: braces += 1
            case .rightBrace: braces = max(0, braces - 1)
            default: break
            }
            advance()
        }
    }

    /// Inside a block: skips to the next token that starts a line, or to the block's '}'.
    mutating func synchronizeToNextLine() {
        var nesting = 0
        advance()
        while !atEnd {
            if nesting == 0 && (current.startsLine || current.kind == .rightBrace) { return }
            switch current.kind {
            case .leftBrace, .leftParen: nesting += 1
            case .rightBrace, .rightParen: nesting = max(0, nesting - 1)
            default: break
            }
            advance()
        }
    }

    /// Parses `{ item* }` with `parseItem` for each item. Returns the closing offset.
    /// Guarantees progress: an item parser that consumes nothing is followed by a skip.
    mutating func parseBlock(_ what: String, keywords: [String], parseItem: (inout Parser) -> Bool) -> Int {
        let items = Parser.list(keywords.map { "'\($0)'" }, conjunction: "and")
        guard let open = consume(.leftBrace) else {
            expected("'{' to open the \(what)")
            return previousEnd
        }
        while true {
            if let close = consume(.rightBrace) { return close.span.end }
            if atEnd {
                error(.unclosedBlock, "missing '}' to close the \(what)", at: open.span, hint: "the block opened here never closes")
                return previousEnd
            }
            if atDeclarationStart && !keywords.contains(current.text) {
                error(.unclosedBlock, "missing '}' to close the \(what)", at: open.span, hint: "add '}' before '\(current.text)' on line \(file.location(of: current.span.start).line)")
                return previousEnd
            }
            let before = index
            if !parseItem(&self) {
                if current.kind != .invalid {
                    error(.unexpectedToken, "unexpected \(current.displayName) in \(what)", at: current.span, hint: "a \(what) holds \(items)")
                }
                synchronizeToNextLine()
            } else if index == before {
                synchronizeToNextLine()
            }
        }
    }
}

extension Parser {
    /// "a, b or c"
    static func list(_ items: [String], conjunction: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
    }
}
