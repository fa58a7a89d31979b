/// Fills a playbook in for one message: keeps the steps whose `when` holds and substitutes
/// entity values into the text.
struct PlaybookRenderer {
    let ruleSet: CompiledRuleSet

    func render(_ playbook: CompiledPlaybook, signals: Set<Int>, entities: [EntityValue]) -> RenderedPlaybook {
        var firstValue: [String: String] = [:]
        for entity in entities where firstValue[entity.name] == nil { firstValue[entity.name] = entity.value }
        let found = Set(firstValue.keys)

        func holds(_ requirement: CompiledPlaybook.Requirement?) -> Bool {
            guard let requirement else { return true }
            switch requirement {
            case .signal(let index): return signals.contains(index)
            case .has(let name): return found.contains(name)
            case .not(let inner): return !holds(inner)
            case .and(let items): return items.allSatisfy { holds($0) }
            case .or(let items): return items.contains { holds($0) }
            }
        }
        let needDescriptions = Dictionary(playbook.needs.compactMap { need in need.entity.map { ($0, need.description) } }, uniquingKeysWith: { a, _ in a })
        func fill(_ template: Template) -> String {
            template.render({ firstValue[$0] }, missing: { "[" + (needDescriptions[$0] ?? ruleSet.entityTitles[$0] ?? $0) + "]" })
        }
        let steps = playbook.steps.filter { holds($0.requirement) }.map { RenderedPlaybook.Step(channel: $0.channel, text: fill($0.text)) }
        let escalation = playbook.escalations.filter { holds($0.requirement) }.map { RenderedPlaybook.Step(channel: $0.channel, text: fill($0.text)) }
        let needs = playbook.needs.map { RenderedPlaybook.Need(description: $0.description, entity: $0.entity, value: $0.entity.flatMap { firstValue[$0] }) }
        return RenderedPlaybook(name: playbook.name, title: playbook.title, steps: steps, needs: needs, record: playbook.records.map(fill), escalation: escalation)
    }
}
