import TriageEngine
import TriageSupport

/// `--explain`: the rules that fired and the closest misses (rules that matched in part),
/// each with where it is defined, then the scores and why the winner won. With `all`, every
/// rule considered too, with what each of its patterns matched and where (with negation).
/// A span is quoted once per rule, however many of its patterns matched it.
struct ExplainReport {
    let classification: Classification
    let ruleSet: CompiledRuleSet
    let style: TerminalStyle
    /// `--explain=all`.
    var all = false

    /// How many closest misses are listed.
    static let missesShown = 5
    /// How many patterns without a match a miss names before `(+N more)`.
    static let missingShown = 3
    /// How many spans one line quotes before `(+N more)`.
    static let spansShown = 6

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
        let fired = c.traces.filter(\.fired)
        lines.append(style.bold("rules that fired") + " (\(fired.count) of \(c.traces.count))" + (fired.isEmpty ? "  none" : ""))
        for trace in fired {
            lines.append("  " + style.green("✓") + " " + heading(trace))
            let matched = matchedPatterns(trace, quoter: quoter, among: ruleSet.rules[trace.rule].patterns)
            if !matched.isEmpty { lines.append("      " + matched) }
        }
        let partial = c.traces.filter { !$0.fired && !$0.undecided && matchedConditionPatterns($0) > 0 }
        let misses = partial.sorted(by: closer).prefix(ExplainReport.missesShown)
        lines.append("")
        lines.append(style.bold("closest misses") + (partial.isEmpty ? "  none: no other rule matched in part"
                                                      : " (\(misses.count) of \(partial.count) rules that matched in part)"))
        for trace in misses {
            let rule = ruleSet.rules[trace.rule]
            lines.append("  " + style.dim("·") + " " + heading(trace))
            if trace.conditionHeld {
                lines.append("      " + style.dim("condition held, but unless clause \((trace.blockedByException ?? 0) + 1) held too"))
            } else {
                let total = Set(rule.conditionPatterns).count
                lines.append("      " + style.dim("condition false: \(matchedConditionPatterns(trace)) of \(total) pattern\(total == 1 ? "" : "s") matched"))
            }
            let matched = matchedPatterns(trace, quoter: quoter, among: rule.conditionPatterns)
            if !matched.isEmpty { lines.append("      matched  " + matched) }
            let names = rule.patternNames
            let missing = trace.patterns.filter { $0.spans.isEmpty && rule.conditionPatterns.contains($0.pattern) }.map { label($0.pattern, names: names) }
            if !missing.isEmpty {
                let more = missing.count > ExplainReport.missingShown ? " (+\(missing.count - ExplainReport.missingShown) more)" : ""
                lines.append("      " + style.dim("no match ") + missing.prefix(ExplainReport.missingShown).joined(separator: ", ") + more)
            }
        }
        if all {
            lines.append("")
            lines.append(style.bold("every rule considered") + " (\(c.traces.count))")
            for trace in c.traces { lines += traceLines(trace, quoter: quoter) }
        }
        lines.append("")
        lines.append(style.bold("scores") + (c.scores.isEmpty ? "  none" : ""))
        for score in c.scores {
            lines.append("  \(score.category.id.padded(to: 18))\(score.score.compact.padded(to: 6))" + style.dim("from " + score.rules.map { ruleSet.rules[$0].name }.joined(separator: ", ")))
        }
        lines.append("")
        lines.append(style.bold("decision") + "  " + decisionText(c))
        if !all {
            lines.append(style.dim("every rule considered, pattern by pattern: --explain=all"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `name -> target +weight [speaker]  file:line`.
    private func heading(_ trace: RuleTrace) -> String {
        let rule = ruleSet.rules[trace.rule]
        let weight = rule.weight >= 0 ? "+" + rule.weight.compact : rule.weight.compact
        return "\(style.bold(rule.name)) -> \(ruleSet.targetName(of: rule)) \(weight) [\(rule.speaker.rawValue)]  " + style.dim(TerminalText.escaped(rule.definedAt))
    }

    /// How many of the patterns of the rule's `when` matched something.
    private func matchedConditionPatterns(_ trace: RuleTrace) -> Int {
        let condition = Set(ruleSet.rules[trace.rule].conditionPatterns)
        return trace.patterns.filter { !$0.spans.isEmpty && condition.contains($0.pattern) }.count
    }

    /// Closest first: stopped only by an `unless`, then the larger share of the condition's
    /// patterns matched, then more of them, then the order of the pack.
    private func closer(_ a: RuleTrace, _ b: RuleTrace) -> Bool {
        func key(_ trace: RuleTrace) -> (Int, Double, Int) {
            let total = max(1, Set(ruleSet.rules[trace.rule].conditionPatterns).count)
            let matched = matchedConditionPatterns(trace)
            return (trace.conditionHeld ? 1 : 0, Double(matched) / Double(total), matched)
        }
        let (ka, kb) = (key(a), key(b))
        if ka != kb { return ka > kb }
        return a.rule < b.rule
    }

    /// `label 'span' at 1:5, …; label 'span' at 1:9` for the patterns in `among` that matched,
    /// each span once: a pattern whose spans were all quoted for an earlier one is left out.
    private func matchedPatterns(_ trace: RuleTrace, quoter: EvidenceQuoter, among: [Int]) -> String {
        let names = ruleSet.rules[trace.rule].patternNames
        let wanted = Set(among)
        var seen: Set<MatchSpan.Place> = []
        var parts: [String] = []
        for pattern in trace.patterns where wanted.contains(pattern.pattern) {
            let fresh = ExplainReport.unique(pattern).filter { seen.insert($0.span.place).inserted }
            guard !fresh.isEmpty else { continue }
            parts.append(label(pattern.pattern, names: names) + " " + quotes(fresh, quoter: quoter))
        }
        return parts.joined(separator: "; ")
    }

    /// The full trace of one rule: fired or skipped and why, and every pattern it uses.
    private func traceLines(_ trace: RuleTrace, quoter: EvidenceQuoter) -> [String] {
        let mark = trace.fired ? style.green("✓ fired  ") : style.dim("· skipped")
        var reason = ""
        if trace.undecided {
            reason = "not decided: the time budget ran out"
        } else if !trace.fired {
            reason = trace.conditionHeld ? "unless clause \(trace.blockedByException.map { $0 + 1 } ?? 0) held" : "condition false"
        }
        var lines = ["  \(mark) " + heading(trace) + (reason.isEmpty ? "" : "  " + style.dim(reason))]
        let names = ruleSet.rules[trace.rule].patternNames
        var seen: Set<MatchSpan.Place> = []
        var shownBy: [MatchSpan.Place: String] = [:]
        for pattern in trace.patterns {
            let name = label(pattern.pattern, names: names)
            let matches = ExplainReport.unique(pattern)
            if matches.isEmpty {
                lines.append("      \(name): " + style.dim("no match"))
                continue
            }
            let fresh = matches.filter { seen.insert($0.span.place).inserted }
            for match in fresh { shownBy[match.span.place] = name }
            if fresh.isEmpty {
                // Every span was quoted above: name where, rather than quote it again.
                let earlier = Set(matches.compactMap { shownBy[$0.span.place] }).sorted().joined(separator: ", ")
                lines.append("      \(name): " + style.dim("the same text as \(earlier)"))
            } else {
                let more = matches.count > fresh.count ? style.dim(" (and the same text as above)") : ""
                lines.append("      \(name): " + quotes(fresh, quoter: quoter) + more)
            }
        }
        return lines
    }

    private func label(_ pattern: Int, names: [Int: String]) -> String {
        names[pattern] ?? TerminalText.escaped(ExplainReport.shorten(ruleSet.patterns[pattern].source))
    }

    private func quotes(_ matches: [(span: MatchSpan, negated: Bool)], quoter: EvidenceQuoter) -> String {
        let shown = matches.prefix(ExplainReport.spansShown).map { match in
            quoter.quote(match.span, style: style) + (match.negated ? style.yellow(" negated") : "")
        }
        let more = matches.count > ExplainReport.spansShown ? " (+\(matches.count - ExplainReport.spansShown) more)" : ""
        return shown.joined(separator: ", ") + more
    }

    /// A pattern's spans in order, each once (two places in the normalised text can map to one
    /// in the input).
    static func unique(_ pattern: PatternTrace) -> [(span: MatchSpan, negated: Bool)] {
        var seen: Set<MatchSpan.Place> = []
        return zip(pattern.spans, pattern.negated).filter { seen.insert($0.0.place).inserted }.map { (span: $0.0, negated: $0.1) }
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
