import TriageEngine
import TriageSupport

/// The human-readable answer of `triage classify`: category, evidence, entities, signals,
/// and the playbook to follow. Text from the message (quotes, entity values, playbook text
/// filled with them) goes through ``TerminalText``.
struct ClassificationTextReport: Reporter {
    static let format = ReportFormat.text
    static let summary = "the category, evidence, entities, signals and playbook (with --explain, the rules that fired and the closest misses first)"

    let classification: Classification
    let ruleSet: CompiledRuleSet
    let style: TerminalStyle
    let explain: Bool
    let explainAll: Bool

    init(_ output: ClassifyOutput, options: ReportOptions) {
        classification = output.classification
        ruleSet = output.ruleSet
        style = options.style
        explain = output.explain
        explainAll = output.explainAll
    }

    func render() -> String {
        let answer = body()
        guard explain else { return answer }
        return ExplainReport(classification: classification, ruleSet: ruleSet, style: style, all: explainAll).render() + "\n" + answer
    }

    private func body() -> String {
        let c = classification
        let quoter = EvidenceQuoter(message: c.message)
        var lines: [String] = []
        lines.append(style.bold(c.category.id) + "  " + TerminalText.escaped(c.category.title))
        var facts = ["confidence \(format(c.confidence))", "score \(c.score.compact)"]
        if let secondary = c.secondary { facts.append("secondary " + style.bold(secondary.id)) }
        lines.append(style.dim(facts.joined(separator: " · ")))
        // A tie is thin evidence: say so, so a reader weighs the answer accordingly.
        if case .tieBroken(let others, let reason) = c.decision {
            lines.append(style.yellow("tie") + ": the same score as " + others.map { style.bold($0) }.joined(separator: ", ") + "; decided by " + reason.rawValue)
        }
        if !c.signals.isEmpty {
            lines.append("signals:  " + c.signals.map { style.yellow($0.signal.name) }.joined(separator: ", "))
        }
        if !c.entities.isEmpty {
            lines.append("entities: " + c.entities.map { "\($0.name) \(style.cyan(TerminalText.escaped($0.value)))" }.joined(separator: ", "))
        }
        if !c.limitHits.isEmpty {
            for hit in c.limitHits {
                lines.append(style.red("limit:") + "    \(hit.limit.rawValue) hit by \(hit.users.joined(separator: ", ")); the rest of the message was classified without it")
            }
        }
        if let budget = c.budgetExceeded {
            let rules = budget.undecidedRules.map { ruleSet.rules[$0].name }
            var line = style.red("budget:") + "   time budget of \(budget.budget.seconds) s used up; the rules decided before it classify the message"
            if !rules.isEmpty { line += "; not evaluated: " + rules.joined(separator: ", ") }
            if !budget.undecidedEntities.isEmpty { line += "; entities not looked for: " + budget.undecidedEntities.joined(separator: ", ") }
            lines.append(line)
        }
        lines.append("")
        if c.evidence.isEmpty {
            lines.append(style.bold("evidence") + "  no rule fired")
        } else {
            lines.append(style.bold("evidence"))
            for hit in c.evidence {
                let rule = ruleSet.rules[hit.rule]
                let words = hit.spans.prefix(4).map { quoter.quote($0, style: style) }.joined(separator: ", ")
                let more = hit.spans.count > 4 ? " (+\(hit.spans.count - 4) more)" : ""
                lines.append("  \(rule.name) \(style.dim("-> " + ruleSet.targetName(of: rule))) \(weightText(rule.weight))  \(words)\(more)")
            }
        }
        if case .belowThreshold(let best, let score, let threshold) = c.decision, best != nil {
            lines.append(style.dim("  best was \(best!) with \(score.compact), under the threshold \(threshold.compact)"))
        }
        if let playbook = c.playbook {
            lines.append("")
            lines.append(style.bold("playbook") + "  " + TerminalText.escaped(playbook.title ?? playbook.name))
            for (number, step) in playbook.steps.enumerated() {
                lines.append("  \(number + 1). " + style.cyan(step.channel.label.padded(to: 12)) + TerminalText.escaped(step.text))
            }
            let ready = playbook.needs.map { need -> String in
                if let value = need.value { return "\(need.description) (\(value))" }
                return need.description
            }
            if !ready.isEmpty { lines.append("  " + style.bold("have ready") + "  " + TerminalText.escaped(ready.joined(separator: "; "))) }
            if !playbook.missing.isEmpty {
                lines.append("  " + style.yellow("missing") + "     the message does not include " + TerminalText.escaped(playbook.missing.joined(separator: ", ")) + ": include it when you contact support")
            }
            for record in playbook.record { lines.append("  " + style.bold("record") + "      " + TerminalText.escaped(record)) }
            for step in playbook.escalation { lines.append("  " + style.bold("escalate") + "    " + style.cyan(step.channel.label) + ": " + TerminalText.escaped(step.text)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func weightText(_ weight: Double) -> String {
        weight >= 0 ? style.green("+" + weight.compact) : style.red(weight.compact)
    }

    private func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}


