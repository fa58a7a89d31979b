extension Parser {
    static let channels = ["self_service", "chat", "phone", "email"]

    mutating func parsePlaybook(start: Int) -> Declaration? {
        guard let name = expectDeclaredName("a playbook name after 'playbook'") else { return nil }
        let title = optionalString()
        var items: [PlaybookItem] = []
        let end = parseBlock("playbook", keywords: ["needs", "step", "record", "escalate"]) { parser in
            let keyword = parser.current
            if parser.consumeWord("needs") {
                var entity: Identifier?
                if parser.current.kind == .word && !parser.current.startsLine {
                    entity = parser.expectName("an entity name")
                }
                guard let description = parser.expectString("a quoted description of what is needed", hint: "needs order_id \"your order number\"") else { return true }
                items.append(.needs(entity: entity, description: description, span: SourceSpan(start: keyword.span.start, end: parser.previousEnd)))
            } else if parser.consumeWord("step") {
                if let step = parser.parseStep(start: keyword.span.start) { items.append(.step(step)) }
            } else if parser.consumeWord("escalate") {
                if let step = parser.parseStep(start: keyword.span.start) { items.append(.escalate(step)) }
            } else if parser.consumeWord("record") {
                guard let text = parser.expectString("a quoted description of what to record") else { return true }
                items.append(.record(text, span: SourceSpan(start: keyword.span.start, end: parser.previousEnd)))
            } else {
                return false
            }
            return true
        }
        return .playbook(PlaybookDeclaration(name: name, title: title, items: items, span: SourceSpan(start: start, end: end)))
    }

    /// step = CHANNEL STRING [ "when" condition ]
    private mutating func parseStep(start: Int) -> PlaybookStep? {
        guard current.kind == .word, !current.startsLine else {
            expected("a channel (\(Parser.list(Parser.channels.map { "'\($0)'" }, conjunction: "or")))")
            return nil
        }
        let channelToken = advance()
        let channel = Identifier(name: channelToken.text, span: channelToken.span)
        if !Parser.channels.contains(channel.name) {
            let suggestion = Parser.closest(channel.name.replacingDashes, among: Parser.channels)
            error(.unknownChannel, "unknown channel '\(channel.name)'", at: channel.span,
                  hint: suggestion.map { "did you mean '\($0)'?" } ?? "channels are self_service, chat, phone and email")
        }
        guard let text = expectString("the step's text in quotes", hint: "step \(channel.name) \"Start a chat from the order page.\"") else { return nil }
        var condition: StepCondition?
        if consumeWord("when") {
            condition = parseStepCondition()
        }
        return PlaybookStep(channel: channel, text: text, condition: condition, span: SourceSpan(start: start, end: previousEnd))
    }

    /// condition = and-cond { "or" and-cond }
    mutating func parseStepCondition() -> StepCondition {
        guard enterNesting() else { return .error(current.span) }
        defer { depth -= 1 }
        var terms = [parseStepAnd()]
        while consumeWord("or") { terms.append(parseStepAnd()) }
        return terms.count == 1 ? terms[0] : .or(terms, span: terms[0].span.union(terms[terms.count - 1].span))
    }

    private mutating func parseStepAnd() -> StepCondition {
        var terms = [parseStepUnary()]
        while consumeWord("and") { terms.append(parseStepUnary()) }
        return terms.count == 1 ? terms[0] : .and(terms, span: terms[0].span.union(terms[terms.count - 1].span))
    }

    /// unary = "not" unary | "(" condition ")" | "has" NAME | "missing" NAME | SIGNAL
    private mutating func parseStepUnary() -> StepCondition {
        let token = current
        if token.startsLine {
            expected("a signal name, 'has ENTITY' or 'missing ENTITY'", hint: "step phone \"…\" when urgent and has order_id")
            return .error(SourceSpan(start: previousEnd, end: previousEnd))
        }
        if consumeWord("not") {
            guard enterNesting() else { return .error(token.span) }
            defer { depth -= 1 }
            let operand = parseStepUnary()
            return .not(operand, span: token.span.union(operand.span))
        }
        if consume(.leftParen) != nil {
            let inner = parseStepCondition()
            if consume(.rightParen) == nil { expected("')'") }
            return inner
        }
        if (token.isWord("has") || token.isWord("missing")) && peek().kind == .word && !peek().startsLine {
            advance()
            let name = advance()
            let identifier = Identifier(name: name.text, span: name.span)
            return token.text == "has" ? .has(identifier) : .missing(identifier)
        }
        if token.kind == .word && !Parser.reservedWords.contains(token.text) {
            advance()
            return .signal(Identifier(name: token.text, span: token.span))
        }
        expected("a signal name, 'has ENTITY' or 'missing ENTITY'", hint: "step phone \"…\" when urgent and has order_id")
        return .error(token.span)
    }
}

extension String {
    var replacingDashes: String { String(map { $0 == "-" ? "_" : $0 }) }
}
