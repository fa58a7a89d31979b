import TriageSyntax

extension RulePackCompiler {
    mutating func compilePlaybook(_ declaration: PlaybookDeclaration, index: Int, in file: SourceFile,
                                  signals: [String: Int], entities: Set<String>) -> CompiledPlaybook {
        var needs: [CompiledPlaybook.Need] = []
        var steps: [CompiledPlaybook.Step] = []
        var records: [Template] = []
        var escalations: [CompiledPlaybook.Step] = []
        for item in declaration.items {
            switch item {
            case .needs(let entity, let description, _):
                if let entity, !entities.contains(entity.name) {
                    undefined("entity", entity, file, candidates: Array(entities),
                              hint: "declare it (entity \(entity.name) \"…\" = /…/) or capture it in a pattern with (?<\(entity.name)>…)")
                }
                needs.append(.init(entity: entity?.name, description: description.value))
            case .step(let step):
                if let compiled = compileStep(step, in: file, signals: signals, entities: entities) { steps.append(compiled) }
            case .escalate(let step):
                if let compiled = compileStep(step, in: file, signals: signals, entities: entities) { escalations.append(compiled) }
            case .record(let text, _):
                if let template = compileTemplate(text, in: file, entities: entities) { records.append(template) }
            }
        }
        if steps.isEmpty && !declaration.items.contains(where: { if case .step = $0 { return true } else { return false } }) {
            error(.emptyPlaybook, "playbook '\(declaration.name.name)' has no steps", file, declaration.name.span,
                  hint: "add at least one line such as: step chat \"Start a chat from the order page.\"")
        }
        return CompiledPlaybook(index: index, name: declaration.name.name, title: declaration.title?.value, needs: needs,
                                steps: steps, records: records, escalations: escalations)
    }

    private mutating func compileStep(_ step: PlaybookStep, in file: SourceFile, signals: [String: Int], entities: Set<String>) -> CompiledPlaybook.Step? {
        let requirement = step.condition.flatMap { compileRequirement($0, in: file, signals: signals, entities: entities) }
        let text = compileTemplate(step.text, in: file, entities: entities)
        guard let channel = CompiledPlaybook.Channel(rawValue: step.channel.name), let text else { return nil }
        return .init(channel: channel, text: text, requirement: requirement)
    }

    private mutating func compileRequirement(_ condition: StepCondition, in file: SourceFile, signals: [String: Int], entities: Set<String>) -> CompiledPlaybook.Requirement? {
        switch condition {
        case .signal(let name):
            guard let index = signals[name.name] else {
                undefined("signal", name, file, candidates: Array(signals.keys),
                          hint: entities.contains(name.name) ? "'\(name.name)' is an entity: write 'has \(name.name)'" : "declare it: signal \(name.name) \"…\"")
                return nil
            }
            return .signal(index)
        case .has(let name), .missing(let name):
            guard entities.contains(name.name) else {
                undefined("entity", name, file, candidates: Array(entities))
                return nil
            }
            if case .missing = condition { return .not(.has(name.name)) }
            return .has(name.name)
        case .not(let inner, _):
            return compileRequirement(inner, in: file, signals: signals, entities: entities).map { .not($0) }
        case .and(let items, _):
            let compiled = items.compactMap { compileRequirement($0, in: file, signals: signals, entities: entities) }
            return compiled.count == items.count ? .and(compiled) : nil
        case .or(let items, _):
            let compiled = items.compactMap { compileRequirement($0, in: file, signals: signals, entities: entities) }
            return compiled.count == items.count ? .or(compiled) : nil
        case .error:
            return nil
        }
    }

    /// Parses `{entity}` placeholders and checks each names an entity a message can yield.
    private mutating func compileTemplate(_ literal: StringLiteral, in file: SourceFile, entities: Set<String>) -> Template? {
        let raw = file.text(of: literal.span)
        do {
            let template = try Template(parsing: literal.value)
            var ok = true
            for name in Set(template.placeholderNames) where !entities.contains(name) {
                ok = false
                let span = RulePackCompiler.placeholderSpan(name, in: raw, literal: literal)
                let suggestion = Parser.closestName(name, among: Array(entities))
                error(.unknownTemplateEntity, "template names entity '\(name)', which no rule or entity captures", file, span,
                      hint: suggestion.map { "did you mean '{\($0)}'?" } ?? "declare it (entity \(name) \"…\" = /…/) or capture it with (?<\(name)>…); write a literal brace as '{{'")
            }
            return ok ? template : nil
        } catch {
            self.error(.invalidTemplate, error.message, file, literal.span, hint: error.message.hasPrefix("empty fallback") ? "write what to say without the value, e.g. {booking_ref|your booking reference}, or drop the '|'" : "placeholders look like {order_id} or {order_id|your order}; write a literal brace as '{{' or '}}'")
            return nil
        }
    }

    static func placeholderSpan(_ name: String, in raw: String, literal: StringLiteral) -> SourceSpan {
        guard let range = raw.range(of: "{" + name) else { return literal.span }
        let start = literal.span.start + raw.utf8.distance(from: raw.startIndex, to: range.lowerBound)
        let closing = raw[range.upperBound...].firstIndex(of: "}").map { raw.utf8.distance(from: raw.startIndex, to: $0) + 1 }
        return SourceSpan(start: start, end: literal.span.start + (closing ?? raw.utf8.distance(from: raw.startIndex, to: range.upperBound)))
    }
}
