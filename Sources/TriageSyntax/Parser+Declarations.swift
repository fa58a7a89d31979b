extension Parser {
    mutating func parseDeclarations() -> [Declaration] {
        var declarations: [Declaration] = []
        while !atEnd {
            let before = index
            if let declaration = parseDeclaration() {
                declarations.append(declaration)
            }
            // Loop progress guard: a declaration parser that consumed nothing must not spin.
            if index == before {
                advance()
                synchronizeToDeclaration()
            }
        }
        return declarations
    }

    private mutating func parseDeclaration() -> Declaration? {
        let keyword = current
        guard keyword.kind == .word, Parser.declarationKeywords.contains(keyword.text) else {
            if keyword.kind != .invalid {
                let suggestion = Parser.closest(keyword.text, among: Parser.declarationKeywords.sorted())
                error(.expectedDeclaration, "expected a declaration, found \(keyword.displayName)", at: keyword.span,
                      hint: suggestion.map { "did you mean '\($0)'?" } ?? "a rule file holds import, define, category, signal, entity, rule, playbook, settings, spelling, override and lint declarations")
            }
            advance()
            synchronizeToDeclaration()
            return nil
        }
        advance()
        let start = keyword.span.start
        let errorsBefore = diagnostics.count
        let declaration: Declaration?
        switch keyword.text {
        case "import": declaration = parseImport(start: start)
        case "define": declaration = parseDefine(start: start)
        case "category": declaration = parseCategory(start: start)
        case "signal": declaration = parseSignal(start: start)
        case "entity": declaration = parseEntity(start: start)
        case "rule": declaration = parseRule(start: start)
        case "playbook": declaration = parsePlaybook(start: start)
        case "spelling": declaration = parseSpelling(start: start)
        case "override": declaration = parseOverride(start: start)
        case "lint": declaration = parseLintConfig(start: start)
        default: declaration = parseSettings(start: start)
        }
        if declaration == nil && diagnostics.count > errorsBefore {
            synchronizeToDeclaration()
        }
        return declaration
    }

    private mutating func parseImport(start: Int) -> Declaration? {
        guard let path = expectString("a quoted file path after 'import'", hint: "import \"shared/entities.rules\"") else { return nil }
        return .importFile(ImportDeclaration(path: path, span: SourceSpan(start: start, end: path.span.end)))
    }

    private mutating func parseDefine(start: Int) -> Declaration? {
        guard let name = expectDeclaredName("a name after 'define'") else { return nil }
        guard consume(.equals) != nil else {
            expected("'=' after 'define \(name.name)'", hint: "define \(name.name) = words { … }")
            return nil
        }
        let value = parseExpression()
        return .define(DefineDeclaration(name: name, value: value, span: SourceSpan(start: start, end: previousEnd)))
    }

    private mutating func parseCategory(start: Int) -> Declaration? {
        guard let id = expectCategoryID("a category id after 'category'") else { return nil }
        let title = optionalString()
        var playbook: Identifier?
        var priority: NumberLiteral?
        var outranks: [Identifier]?
        var description: StringLiteral?
        var end = previousEnd
        if current.kind == .leftBrace {
            end = parseBlock("category", keywords: ["playbook", "priority", "outranks", "description"]) { parser in
                let keyword = parser.current
                if parser.consumeWord("playbook") {
                    parser.noteDuplicate(playbook?.span, keyword: keyword)
                    playbook = parser.expectName("a playbook name after 'playbook'")
                } else if parser.consumeWord("priority") {
                    parser.noteDuplicate(priority?.span, keyword: keyword)
                    priority = parser.expectNumber("a number after 'priority'")
                } else if parser.consumeWord("outranks") {
                    parser.noteDuplicate(outranks?.first?.span, keyword: keyword)
                    var ids: [Identifier] = []
                    while parser.current.kind == .word, !parser.current.startsLine {
                        if let id = parser.expectCategoryID("a category id after 'outranks'") { ids.append(id) }
                    }
                    if ids.isEmpty { parser.expected("a category id after 'outranks'", hint: "outranks delivery.late") }
                    outranks = (outranks ?? []) + ids
                } else if parser.consumeWord("description") {
                    parser.noteDuplicate(description?.span, keyword: keyword)
                    description = parser.expectString("a quoted description")
                } else {
                    return false
                }
                return true
            }
        }
        return .category(CategoryDeclaration(id: id, title: title, playbook: playbook, priority: priority, outranks: outranks ?? [], description: description, span: SourceSpan(start: start, end: end)))
    }

    private mutating func parseSignal(start: Int) -> Declaration? {
        guard let name = expectDeclaredName("a signal name after 'signal'") else { return nil }
        let title = optionalString()
        return .signal(SignalDeclaration(name: name, title: title, span: SourceSpan(start: start, end: previousEnd)))
    }

    private mutating func parseEntity(start: Int) -> Declaration? {
        guard let name = expectDeclaredName("an entity name after 'entity'") else { return nil }
        let title = optionalString()
        guard consume(.equals) != nil else {
            expected("'=' and a pattern after the entity name", hint: "entity \(name.name) \"…\" = /pattern/")
            return nil
        }
        let pattern = parseExpression()
        var normalizer: Identifier?
        if consumeWord("as") {
            normalizer = expectName("a normaliser after 'as'", hint: "one of: order_id, amount, date, tracking_number, digits, upper, lower, text")
        }
        return .entity(EntityDeclaration(name: name, title: title, pattern: pattern, normalizer: normalizer, span: SourceSpan(start: start, end: previousEnd)))
    }

    private mutating func parseRule(start: Int) -> Declaration? {
        guard let name = expectDeclaredName("a rule name after 'rule'") else { return nil }
        guard consume(.arrow) != nil else {
            expected("'->' and a category or signal after the rule name", hint: "rule \(name.name) -> delivery.late { … }")
            return nil
        }
        let target: RuleTarget
        if isWord("signal") && peek().kind == .word {
            advance()
            guard let signal = expectName("a signal name") else { return nil }
            target = .signal(signal)
        } else if let category = expectCategoryID("a category id or 'signal NAME' after '->'") {
            target = .category(category)
        } else {
            return nil
        }
        var condition: Expression?
        var exceptions: [Expression] = []
        var weight: NumberLiteral?
        var speaker: Identifier?
        var description: StringLiteral?
        var examples: [RuleExample] = []
        let end = parseBlock("rule", keywords: ["when", "unless", "weight", "speaker", "description", "example"]) { parser in
            let keyword = parser.current
            if parser.consumeWord("when") {
                parser.noteDuplicate(condition?.span, keyword: keyword, hint: "combine conditions with 'and' / 'or', or use 'unless'")
                condition = parser.parseExpression()
            } else if parser.consumeWord("unless") {
                exceptions.append(parser.parseExpression())
            } else if parser.consumeWord("weight") {
                parser.noteDuplicate(weight?.span, keyword: keyword)
                weight = parser.expectNumber("a number after 'weight'")
            } else if parser.consumeWord("speaker") {
                parser.noteDuplicate(speaker?.span, keyword: keyword)
                speaker = parser.expectName("'customer', 'agent' or 'any' after 'speaker'")
            } else if parser.consumeWord("description") {
                parser.noteDuplicate(description?.span, keyword: keyword)
                description = parser.expectString("a quoted description")
            } else if parser.consumeWord("example") {
                if let example = parser.parseExample(start: keyword.span.start) { examples.append(example) }
            } else {
                return false
            }
            return true
        }
        if condition == nil {
            error(.missingCondition, "rule '\(name.name)' has no 'when' condition", at: name.span, hint: "add a line such as: when words { late delayed }")
        }
        return .rule(RuleDeclaration(name: name, target: target, condition: condition, exceptions: exceptions, weight: weight, speaker: speaker, description: description, examples: examples, span: SourceSpan(start: start, end: end)))
    }

    /// example = "example" string "->" [ "not" ] category-id ; after the keyword.
    private mutating func parseExample(start: Int) -> RuleExample? {
        guard let text = expectString("a quoted message after 'example'") else { return nil }
        if text.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            error(.emptyExample, "example message is empty", at: text.span, hint: "write the message a customer would send")
        }
        guard consume(.arrow) != nil else {
            expected("'->' and the category the example must get", hint: "example \"my parcel is late\" -> delivery.late")
            return nil
        }
        let negated = consumeWord("not")
        guard let category = expectCategoryID(negated ? "a category id after 'not'" : "a category id (or 'not' and one) after '->'") else { return nil }
        return RuleExample(text: text, negated: negated, category: category, span: SourceSpan(start: start, end: previousEnd))
    }

    private mutating func parseSettings(start: Int) -> Declaration? {
        var settings: [SettingsDeclaration.Setting] = []
        let known = ["threshold", "secondary_ratio", "fallback", "negation_window", "normalize", "date_order"]
        let end = parseBlock("settings block", keywords: known) { parser in
            guard parser.current.kind == .word else { return false }
            let name = parser.advance()
            guard parser.current.kind == .word || parser.current.kind == .number else {
                parser.expected("a value after '\(name.text)'")
                return true
            }
            let value = parser.advance()
            settings.append(.init(name: Identifier(name: name.text, span: name.span), value: value, span: SourceSpan(start: name.span.start, end: value.span.end)))
            return true
        }
        return .settings(SettingsDeclaration(settings: settings, span: SourceSpan(start: start, end: end)))
    }

    /// lint = "lint" "{" { ( "disable" | "enable" ) id { id } | "severity" id ( "error" | "warning" | "note" ) } "}" ; a clause per line.
    private mutating func parseLintConfig(start: Int) -> Declaration? {
        var clauses: [LintConfigDeclaration.Clause] = []
        let end = parseBlock("lint block", keywords: ["disable", "enable", "severity"]) { parser in
            let keyword = parser.current
            if parser.isWord("disable") || parser.isWord("enable") {
                let enabling = parser.advance().text == "enable"
                var ids: [Identifier] = []
                while parser.current.kind == .word, !parser.current.startsLine {
                    let token = parser.advance()
                    ids.append(Identifier(name: token.text, span: token.span))
                }
                if ids.isEmpty {
                    parser.expected("a lint check id after '\(keyword.text)'", hint: enabling ? "enable rule-without-example" : "disable no-prefilter-literal")
                }
                let span = SourceSpan(start: keyword.span.start, end: parser.previousEnd)
                clauses.append(enabling ? .enable(ids, span: span) : .disable(ids, span: span))
            } else if parser.consumeWord("severity") {
                guard parser.current.kind == .word, !parser.current.startsLine else {
                    parser.expected("a lint check id after 'severity'", hint: "severity conflicting-pattern error")
                    return true
                }
                let id = parser.advance()
                guard parser.current.kind == .word, !parser.current.startsLine else {
                    parser.expected("'error', 'warning' or 'note' after '\(id.text)'", hint: "severity \(id.text) error")
                    return true
                }
                let level = parser.advance()
                if !["error", "warning", "note"].contains(level.text) {
                    parser.error(.invalidSetting, "a severity is 'error', 'warning' or 'note', not '\(level.text)'", at: level.span)
                    return true
                }
                clauses.append(.severity(Identifier(name: id.text, span: id.span), level: Identifier(name: level.text, span: level.span),
                                         span: SourceSpan(start: keyword.span.start, end: level.span.end)))
            } else {
                return false
            }
            return true
        }
        return .lint(LintConfigDeclaration(clauses: clauses, span: SourceSpan(start: start, end: end)))
    }

    /// override = "override" ( playbook | category | "rule" name "{" "weight" number "}" )
    private mutating func parseOverride(start: Int) -> Declaration? {
        let keyword = current
        if consumeWord("playbook") {
            guard case .playbook(let d)? = parsePlaybook(start: keyword.span.start) else { return nil }
            return .override(OverrideDeclaration(target: .playbook(d), span: SourceSpan(start: start, end: d.span.end)))
        }
        if consumeWord("category") {
            guard case .category(let d)? = parseCategory(start: keyword.span.start) else { return nil }
            return .override(OverrideDeclaration(target: .category(d), span: SourceSpan(start: start, end: d.span.end)))
        }
        if consumeWord("rule") {
            guard let name = expectName("the name of the rule to override") else { return nil }
            var weight: NumberLiteral?
            let end = parseBlock("rule override", keywords: ["weight"]) { parser in
                let clause = parser.current
                guard parser.consumeWord("weight") else { return false }
                parser.noteDuplicate(weight?.span, keyword: clause)
                weight = parser.expectNumber("a number after 'weight'")
                return true
            }
            if weight == nil {
                error(.emptyOverride, "override of rule '\(name.name)' changes nothing", at: name.span, hint: "override rule \(name.name) { weight 5 }")
            }
            return .override(OverrideDeclaration(target: .rule(name: name, weight: weight), span: SourceSpan(start: start, end: end)))
        }
        expected("'playbook', 'category' or 'rule' after 'override'", hint: "override playbook late_delivery \"…\" { … }")
        return nil
    }

    /// spelling = "spelling" "{" { variant { variant } "->" ( word | string ) } "}" ; one correction per line.
    private mutating func parseSpelling(start: Int) -> Declaration? {
        var corrections: [SpellingDeclaration.Correction] = []
        let end = parseBlock("spelling block", keywords: []) { parser in
            guard parser.current.kind == .word || parser.current.kind == .number || parser.current.kind == .string else {
                if parser.current.kind != .invalid {
                    parser.error(.unexpectedToken, "unexpected \(parser.current.displayName) in spelling block", at: parser.current.span,
                                 hint: "a spelling block holds lines such as 'rcvd recvd -> received'")
                }
                return true
            }
            var variants: [WordList.Entry] = []
            let first = parser.current
            while parser.current.kind == .word || parser.current.kind == .number || parser.current.kind == .string,
                  parser.current.span.start == first.span.start || !parser.current.startsLine {
                let token = parser.advance()
                let text = token.kind == .string ? token.value : token.text
                if text.contains(where: { $0 == " " || $0 == "\t" }) || text.isEmpty {
                    parser.error(.invalidSpelling, "a spelling variant is one word, not '\(text)'", at: token.span,
                                 hint: "write each variant on its own: 'dont donot -> \"don't\"'; the spelling it stands for may be a phrase")
                    continue
                }
                variants.append(.init(text: text, span: token.span, isQuoted: token.kind == .string))
            }
            guard !parser.current.startsLine || parser.current.kind == .endOfFile, parser.consume(.arrow) != nil else {
                parser.expected("'->' and the spelling after '\(first.text)'", hint: "rcvd recvd -> received")
                return true
            }
            guard !parser.current.startsLine, parser.current.kind == .word || parser.current.kind == .number || parser.current.kind == .string else {
                parser.expected("the spelling after '->'", hint: "rcvd recvd -> received")
                return true
            }
            let canonical = parser.advance()
            let text = canonical.kind == .string ? canonical.value : canonical.text
            if text.trimmingASCII(" \t").isEmpty {
                parser.error(.invalidSpelling, "empty spelling after '->'", at: canonical.span, hint: "rcvd recvd -> received")
                return true
            }
            // Every variant was refused (and reported): nothing to keep.
            guard !variants.isEmpty else { return true }
            corrections.append(.init(variants: variants, canonical: .init(text: text, span: canonical.span, isQuoted: canonical.kind == .string),
                                     span: SourceSpan(start: first.span.start, end: canonical.span.end)))
            return true
        }
        return .spelling(SpellingDeclaration(corrections: corrections, span: SourceSpan(start: start, end: end)))
    }

    // MARK: Names

    /// A name for a definition, rule, signal or entity: letters, digits and '_', not a keyword.
    mutating func expectDeclaredName(_ what: String) -> Identifier? {
        guard let name = expectName(what) else { return nil }
        if !Parser.isPlainName(name.name) {
            error(.invalidName, "invalid name '\(name.name)'", at: name.span, hint: "names use letters, digits and '_', and start with a letter or '_'")
        } else if Parser.reservedWords.contains(name.name) || Parser.declarationKeywords.contains(name.name) {
            error(.invalidName, "'\(name.name)' is a keyword and cannot be used as a name", at: name.span, hint: "pick another name, e.g. '\(name.name)_words'")
        }
        return name
    }

    mutating func expectCategoryID(_ what: String) -> Identifier? {
        guard let id = expectName(what) else { return nil }
        let parts = id.name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.contains(where: { $0.isEmpty || !Parser.isPlainName(String($0)) }) {
            error(.invalidName, "invalid category id '\(id.name)'", at: id.span, hint: "category ids are names joined by dots, e.g. 'delivery.late'")
        }
        return id
    }

    static func isPlainName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    mutating func noteDuplicate(_ previous: SourceSpan?, keyword: Token, hint: String? = nil) {
        guard let previous else { return }
        error(.duplicateClause, "'\(keyword.text)' is given twice", at: keyword.span, hint: hint,
              notes: [Diagnostic.Note("first given here", file: file, span: previous)])
    }

    /// The candidate within a small edit distance, for "did you mean" hints.
    static func closest(_ word: String, among candidates: [String]) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate)
            if distance <= max(1, candidate.count / 3), best == nil || distance < best!.1 {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}

extension Parser {
    /// The candidate within a small edit distance of `name`, for "did you mean" hints.
    public static func closestName(_ name: String, among candidates: [String]) -> String? {
        closest(name, among: candidates.sorted())
    }
}
