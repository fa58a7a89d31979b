import TriageEngine
import TriageSupport

/// `--explain`: every rule considered, what each of its patterns matched and where (with
/// negation), then the scores and why the winner won.
struct ExplainReport {
    let classification: Classification
    let ruleSet: CompiledRuleSet
    let style: TerminalStyle

    func render() -> String {
        let c = classification
        let quoter = EvidenceQuoter(message: c.message)
        var lines: [String] = []
        if c.normalizedTurns.contains(where: { $0 != nil }) {
            // What the patterns read, when normalisation changed the text (docs/language.md).
            lines.append(style.bold("read as") + style.dim(" (normalised: handles, links, entities, emoji, spellings)"))
            for (index, text) in c.normalizedTurns.enumerated() {
                guard let text else { continue }
                let speaker = c.message.isTranscript ? c.message.turns[index].speaker.rawValue + ": " : ""
                lines.append("  " + speaker + ExplainReport.visible(text))
            }
            lines.append("")
        }
        lines.append(style.bold("rules considered") + " (\(c.traces.count))")
        for trace in c.traces {
            let rule = ruleSet.rules[trace.rule]
            let mark = trace.fired ? style.green("✓ fired  ") : style.dim("· skipped")
            var reason = ""
            if trace.undecided {
                reason = "not decided: the time budget ran out"
            } else if !trace.fired {
                reason = trace.conditionHeld ? "unless clause \(trace.blockedByException.map { $0 + 1 } ?? 0) held" : "condition false"
            }
            let weight = rule.weight >= 0 ? "+" + rule.weight.compact : rule.weight.compact
            lines.append("  \(mark) \(style.bold(rule.name)) -> \(ruleSet.targetName(of: rule)) \(weight) [\(rule.speaker.rawValue)] \(style.dim(reason))")
            let names = rule.patternNames
            for pattern in trace.patterns {
                let label = names[pattern.pattern] ?? TerminalText.escaped(ExplainReport.shorten(ruleSet.patterns[pattern.pattern].source))
                if pattern.spans.isEmpty {
                    lines.append("      \(label): " + style.dim("no match"))
                } else {
                    let matches = zip(pattern.spans, pattern.negated).prefix(6).map { span, negated in
                        quoter.quote(span, style: style) + (negated ? style.yellow(" negated") : "")
                    }
                    let more = pattern.spans.count > 6 ? " (+\(pattern.spans.count - 6) more)" : ""
                    lines.append("      \(label): " + matches.joined(separator: ", ") + more)
                }
            }
        }
        lines.append("")
        lines.append(style.bold("scores") + (c.scores.isEmpty ? "  none" : ""))
        for score in c.scores {
            lines.append("  \(score.category.id.padded(to: 18))\(score.score.compact.padded(to: 6))" + style.dim("from " + score.rules.map { ruleSet.rules[$0].name }.joined(separator: ", ")))
        }
        lines.append("")
        lines.append(style.bold("decision") + "  " + decisionText(c))
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line: line breaks shown as `⏎`, tabs as spaces, every other control character as
    /// an escape (``TerminalText``) so none reaches the terminal.
    static func visible(_ text: String) -> String {
        var flat = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": flat += "⏎ "
            case "\t": flat += " "
            default: flat.unicodeScalars.append(scalar)
            }
        }
        return TerminalText.escaped(flat)
    }

    private func decisionText(_ c: Classification) -> String {
        let threshold = ruleSet.settings.threshold.compact
        switch c.decision {
        case .highestScore(let runnerUp):
            let over = runnerUp.flatMap { id in c.scores.first { $0.category.id == id } }.map { " over \($0.category.id) (\($0.score.compact))" } ?? " with no other category scoring"
            return "\(c.category.id) has the highest score, \(c.score.compact)\(over); the threshold is \(threshold)" + secondaryText(c)
        case .tieBroken(let against, let reason):
            return "\(c.category.id) tied at \(c.score.compact) with \(against.joined(separator: ", ")) and wins by \(reason.rawValue)" + secondaryText(c)
        case .precedence(let over):
            let overScore = c.scores.first { $0.category.id == over }?.score.compact ?? "?"
            return "\(c.category.id) reaches the threshold \(threshold) with \(c.score.compact) and outranks \(over) (score \(overScore)), which is secondary"
        case .belowThreshold(let best, let score, _):
            if let best { return "best score \(score.compact) (\(best)) is under the threshold \(threshold), so the answer is the fallback \(c.category.id)" }
            return "no category rule fired, so the answer is the fallback \(c.category.id)"
        }
    }

    private func secondaryText(_ c: Classification) -> String {
        guard let secondary = c.secondary else { return "" }
        return "; secondary \(secondary.id) reaches the threshold and \(ruleSet.settings.secondaryRatio.compact) of the winner's score"
    }

    static func shorten(_ source: String) -> String {
        let flat = source.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" }).joined(separator: " ")
        return flat.count > 48 ? String(flat.prefix(47)) + "…" : flat
    }
}
