extension Parser {
    /// expression = and-expr { "or" and-expr }
    mutating func parseExpression() -> Expression {
        guard enterNesting() else { return .error(current.span) }
        defer { depth -= 1 }
        var terms = [parseAnd()]
        while consumeWord("or") {
            terms.append(parseAnd())
        }
        return terms.count == 1 ? terms[0] : .or(terms, span: terms[0].span.union(terms[terms.count - 1].span))
    }

    /// and-expr = unary { "and" unary }
    private mutating func parseAnd() -> Expression {
        var terms = [parseUnary()]
        while consumeWord("and") {
            terms.append(parseUnary())
        }
        return terms.count == 1 ? terms[0] : .and(terms, span: terms[0].span.union(terms[terms.count - 1].span))
    }

    /// unary = "not" unary | proximity
    private mutating func parseUnary() -> Expression {
        if isWord("not") {
            let keyword = advance()
            guard enterNesting() else { return .error(keyword.span) }
            defer { depth -= 1 }
            let operand = parseUnary()
            return .not(operand, span: keyword.span.union(operand.span))
        }
        return parseProximity()
    }

    /// proximity = primary { "within" NUMBER ("words" | "word") ("of" | "before" | "after") primary }
    private mutating func parseProximity() -> Expression {
        var left = parsePrimary()
        while isWord("within") {
            advance()
            guard current.kind == .number, let distance = Int(current.text), distance >= 0 else {
                expected("a whole number of words after 'within'", hint: "late within 6 words of parcel")
                return .error(left.span)
            }
            advance()
            guard consumeWord("words") || consumeWord("word") else {
                expected("'words' after 'within \(distance)'")
                return .error(left.span)
            }
            let order: Expression.Order
            if consumeWord("of") { order = .either }
            else if consumeWord("before") { order = .before }
            else if consumeWord("after") { order = .after }
            else {
                expected("'of', 'before' or 'after'", hint: "'of' accepts either order; 'before' and 'after' fix it")
                return .error(left.span)
            }
            let right = parsePrimary()
            left = .proximity(left, right, distance: distance, order: order, span: left.span.union(right.span))
        }
        return left
    }

    /// primary = "(" expression ")" | regex | string | word-list | quantified | call | name
    private mutating func parsePrimary() -> Expression {
        let token = current
        switch token.kind {
        case .leftParen:
            advance()
            guard enterNesting() else { return .error(token.span) }
            defer { depth -= 1 }
            let inner = parseExpression()
            guard consume(.rightParen) != nil else {
                expected("')' to close the '(' at \(file.location(of: token.span.start))")
                return .error(token.span.union(inner.span))
            }
            return inner
        case .regex:
            advance()
            return .regex(RegexLiteral(pattern: token.value, flags: token.flags, span: token.span))
        case .string:
            advance()
            if token.value.trimmingASCII(" \t").isEmpty {
                error(.emptyPhrase, "empty phrase \(token.text) matches nothing", at: token.span)
            }
            return .phrase(StringLiteral(value: token.value, span: token.span))
        case .word:
            return parseWordStartedPrimary()
        case .invalid:
            advance()
            return .error(token.span)
        default:
            expected("a pattern or condition", hint: "for example: words { late delayed }, \"still waiting\", /refund(ed)?/i, or a defined name")
            if token.kind != .endOfFile && token.kind != .rightBrace && token.kind != .rightParen && !token.startsLine {
                advance()
            }
            return .error(token.span)
        }
    }

    private mutating func parseWordStartedPrimary() -> Expression {
        let token = current
        switch token.text {
        case "words":
            return parseWordList()
        case "any" where peek().isWord("of"), "all" where peek().isWord("of"):
            advance()
            advance()
            return parseQuantifiedList(token.text == "any" ? .any : .all, start: token.span.start)
        case "at" where peek().isWord("least"):
            advance()
            advance()
            guard current.kind == .number, let count = Int(current.text), count >= 1 else {
                expected("a whole number after 'at least'", hint: "at least 2 of (late, delayed, \"still waiting\")")
                return .error(token.span)
            }
            advance()
            guard consumeWord("of") else {
                expected("'of' after 'at least \(count)'")
                return .error(token.span)
            }
            return parseQuantifiedList(.atLeast(count), start: token.span.start)
        default:
            if let function = Expression.Function(rawValue: token.text), peek().kind == .leftParen {
                advance()
                let open = advance()
                guard enterNesting() else { return .error(token.span) }
                defer { depth -= 1 }
                let argument = parseExpression()
                guard consume(.rightParen) != nil else {
                    expected("')' to close '\(token.text)(' at \(file.location(of: open.span.start))")
                    return .error(token.span.union(argument.span))
                }
                return .call(function, argument, span: SourceSpan(start: token.span.start, end: previousEnd))
            }
            if Parser.reservedWords.contains(token.text) || Parser.declarationKeywords.contains(token.text) {
                let hint: String?
                if Expression.Function(rawValue: token.text) != nil {
                    hint = "'\(token.text)' takes a pattern in parentheses: \(token.text)(late)"
                } else if token.text == "when" || token.text == "unless" {
                    hint = "each 'when' or 'unless' starts its own line"
                } else {
                    hint = nil
                }
                error(.expectedToken, "expected a pattern or condition, found keyword '\(token.text)'", at: token.span, hint: hint)
                if !token.startsLine { advance() }
                return .error(token.span)
            }
            advance()
            if !Parser.isPlainName(token.text) {
                error(.invalidName, "'\(token.text)' is not a defined name", at: token.span, hint: "to match this text, write it as a phrase: \"\(token.text)\" or inside words { … }")
            }
            return .reference(Identifier(name: token.text, span: token.span))
        }
    }

    private mutating func parseQuantifiedList(_ quantifier: Expression.Quantifier, start: Int) -> Expression {
        guard let open = consume(.leftParen) else {
            expected("'(' and a comma-separated list", hint: "any of (late, delayed, \"still waiting\")")
            return .error(SourceSpan(start: start, end: previousEnd))
        }
        guard enterNesting() else { return .error(open.span) }
        defer { depth -= 1 }
        var items: [Expression] = []
        while true {
            let before = index
            items.append(parseExpression())
            if consume(.comma) != nil { continue }
            if consume(.rightParen) != nil { break }
            expected("',' or ')' in the list opened at \(file.location(of: open.span.start))")
            if index == before || atEnd || current.kind == .rightBrace || current.startsLine { break }
        }
        return .quantified(quantifier, items, span: SourceSpan(start: start, end: previousEnd))
    }

    /// word-list = "words" { "case-sensitive" | "fuzzy" | "gap" integer } "{" { word | string | "," } "}"
    private mutating func parseWordList() -> Expression {
        let keyword = advance()
        var caseSensitive = false
        var fuzzy = false
        var gap: Int?
        // Modifiers in any order, each at most once.
        while current.kind == .word {
            if current.text == "case-sensitive" || current.text == "fuzzy" {
                let modifier = advance()
                let isCase = modifier.text == "case-sensitive"
                if isCase ? caseSensitive : fuzzy {
                    error(.duplicateModifier, "word-list modifier '\(modifier.text)' is written twice", at: modifier.span, hint: "remove one")
                }
                if isCase { caseSensitive = true } else { fuzzy = true }
            } else if current.text == "gap" {
                let modifier = advance()
                if gap != nil {
                    error(.duplicateModifier, "word-list modifier 'gap' is written twice", at: modifier.span, hint: "remove one")
                }
                guard current.kind == .number, !current.startsLine else {
                    error(.invalidGap, "'gap' needs the number of words a phrase may skip", at: modifier.span,
                          hint: "words gap 1 { \"didn't make it\" } also matches \"didn't even make it\"")
                    gap = gap ?? 0
                    continue
                }
                let number = advance()
                if let value = Int(number.text), (1...WordList.maximumGap).contains(value) {
                    gap = value
                } else {
                    error(.invalidGap, "'gap' must be a whole number from 1 to \(WordList.maximumGap), not '\(number.text)'", at: number.span,
                          hint: "a wider gap joins words from different sentences; use 'within N words' for that")
                    gap = gap ?? 0
                }
            } else if current.text.hasPrefix("case") || Parser.closest(current.text, among: ["fuzzy"]) != nil {
                let suggestion = current.text.hasPrefix("case") ? "case-sensitive" : "fuzzy"
                error(.unknownModifier, "unknown word-list modifier '\(current.text)'", at: current.span, hint: "did you mean '\(suggestion)'?")
                advance()
            } else {
                break
            }
        }
        guard let open = consume(.leftBrace) else {
            expected("'{' after 'words'", hint: "words { late delayed \"still waiting\" }")
            return .error(keyword.span)
        }
        var entries: [WordList.Entry] = []
        while true {
            let token = current
            switch token.kind {
            case .rightBrace:
                advance()
                if entries.isEmpty {
                    error(.emptyWordList, "empty word list matches nothing", at: SourceSpan(start: keyword.span.start, end: token.span.end))
                }
                return .words(WordList(entries: entries, isCaseSensitive: caseSensitive, isFuzzy: fuzzy, gap: gap ?? 0, span: SourceSpan(start: keyword.span.start, end: token.span.end)))
            case .word, .number:
                advance()
                entries.append(.init(text: token.text, span: token.span, isQuoted: false))
            case .string:
                advance()
                if token.value.trimmingASCII(" \t").isEmpty {
                    error(.emptyPhrase, "empty phrase \(token.text) matches nothing", at: token.span)
                } else {
                    entries.append(.init(text: token.value, span: token.span, isQuoted: true))
                }
            case .comma:
                advance()
            case .invalid:
                advance()
            case .endOfFile:
                error(.unclosedBlock, "missing '}' to close the word list", at: open.span)
                return .words(WordList(entries: entries, isCaseSensitive: caseSensitive, isFuzzy: fuzzy, gap: gap ?? 0, span: SourceSpan(start: keyword.span.start, end: previousEnd)))
            default:
                // A '=' or '{' after a declaration keyword that began a line means the list was
                // never closed: resume at that declaration instead of reporting its every token.
                if let restart = unclosedListRestart(after: open) {
                    // An unterminated string that swallowed the '}' was already reported.
                    let swallowed = tokens[index(after: open)..<restart].contains { $0.kind == .invalid }
                    if !swallowed { error(.unclosedBlock, "missing '}' to close the word list", at: open.span, hint: "add '}' before line \(file.location(of: tokens[restart].span.start).line)") }
                    index = restart
                    return .words(WordList(entries: entries.filter { $0.span.start < tokens[restart].span.start }, isCaseSensitive: caseSensitive, isFuzzy: fuzzy, gap: gap ?? 0, span: SourceSpan(start: keyword.span.start, end: tokens[restart - 1].span.end)))
                }
                error(.unexpectedToken, "unexpected \(token.displayName) in word list", at: token.span, hint: "a word list holds words and \"quoted phrases\"; use a regex outside the list for patterns")
                advance()
            }
        }
    }

    private func index(after token: Token) -> Int {
        (tokens.firstIndex { $0.span.start >= token.span.end }) ?? tokens.count - 1
    }

    /// The index of a line-starting declaration keyword between `open` and the current token, if any.
    private func unclosedListRestart(after open: Token) -> Int? {
        var candidate = index
        while candidate > 0 && tokens[candidate].span.start > open.span.start {
            let token = tokens[candidate]
            if token.startsLine && token.kind == .word && Parser.declarationKeywords.contains(token.text) { return candidate }
            candidate -= 1
        }
        return nil
    }

    /// Bounds recursion; deeper input is reported once instead of overflowing the stack.
    mutating func enterNesting() -> Bool {
        depth += 1
        if depth > Parser.maximumDepth {
            if depth == Parser.maximumDepth + 1 {
                error(.nestingTooDeep, "expression nested more than \(Parser.maximumDepth) levels deep", at: current.span, hint: "split it into named definitions with 'define'")
            }
            // Skip the rest of the deep construct so parsing can continue after it.
            while !atEnd && !current.startsLine { advance() }
            depth -= 1
            return false
        }
        return true
    }
}
