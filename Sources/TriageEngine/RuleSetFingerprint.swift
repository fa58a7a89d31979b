/// A canonical text dump of everything a compiled rule set does — settings, categories,
/// signals, entities, rules with their conditions, playbooks — and nothing of how it was
/// written: no source positions, no author text of patterns, only file names. Two packs with
/// equal fingerprints classify every message alike; `triage fmt` must keep it unchanged.
public enum RuleSetFingerprint {
    public static func of(_ ruleSet: CompiledRuleSet) -> String {
        var lines: [String] = []
        let settings = ruleSet.settings
        lines.append("settings threshold=\(settings.threshold) secondary_ratio=\(settings.secondaryRatio) fallback=\(settings.fallback) negation_window=\(settings.negationWindow)")
        lines.append("fallback \(ruleSet.categories[ruleSet.fallbackCategory].id)")
        for category in ruleSet.categories {
            let playbook = category.playbook.map { ruleSet.playbooks[$0].name } ?? "-"
            lines.append("category \(category.id) title=\(quoted(category.title)) priority=\(category.priority) playbook=\(playbook) description=\(quoted(category.description))"
                         + (category.outranks.isEmpty ? "" : " outranks=" + category.outranks.sorted().map { ruleSet.categories[$0].id }.joined(separator: ",")))
        }
        for signal in ruleSet.signals {
            lines.append("signal \(signal.name) title=\(quoted(signal.title))")
        }
        for entity in ruleSet.entities {
            lines.append("entity \(entity.name) title=\(quoted(entity.title)) as=\(entity.normalizer.rawValue) pattern=\(entity.patterns.map { pattern($0, in: ruleSet) }.joined(separator: " or "))")
        }
        for rule in ruleSet.rules {
            let target = ruleSet.targetName(of: rule)
            lines.append("rule \(rule.name) -> \(target) weight=\(rule.weight) speaker=\(rule.speaker.rawValue) file=\(fileName(rule.file.path)) description=\(quoted(rule.description))")
            lines.append("  when " + condition(rule.condition, in: ruleSet))
            for exception in rule.exceptions {
                lines.append("  unless " + condition(exception, in: ruleSet))
            }
        }
        for playbook in ruleSet.playbooks {
            lines.append("playbook \(playbook.name) title=\(quoted(playbook.title))")
            for need in playbook.needs {
                lines.append("  needs \(need.entity ?? "-") \(quoted(need.description))")
            }
            for step in playbook.steps {
                lines.append("  step " + describe(step, in: ruleSet))
            }
            for record in playbook.records {
                lines.append("  record \(quoted(record.source))")
            }
            for step in playbook.escalations {
                lines.append("  escalate " + describe(step, in: ruleSet))
            }
        }
        lines.append("entity names: " + ruleSet.entityNames.sorted().joined(separator: " "))
        lines.append("entity titles: " + ruleSet.entityTitles.sorted { $0.key < $1.key }.map { "\($0.key)=\(quoted($0.value))" }.joined(separator: " "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A pattern by what it matches: kind, PCRE2 source and options, named groups.
    private static func pattern(_ index: Int, in ruleSet: CompiledRuleSet) -> String {
        let pattern = ruleSet.patterns[index]
        let captures = pattern.captureNames.isEmpty ? "" : " captures=" + pattern.captureNames.joined(separator: ",")
        return "\(pattern.kind)/\(pattern.regex.pattern)/options=\(pattern.regex.options.rawValue)\(captures)"
    }

    private static func condition(_ condition: Condition, in ruleSet: CompiledRuleSet) -> String {
        switch condition {
        case .pattern(let index): return "[" + pattern(index, in: ruleSet) + "]"
        case .not(let inner): return "not(" + self.condition(inner, in: ruleSet) + ")"
        case .and(let items): return "and(" + items.map { self.condition($0, in: ruleSet) }.joined(separator: ", ") + ")"
        case .or(let items): return "or(" + items.map { self.condition($0, in: ruleSet) }.joined(separator: ", ") + ")"
        case .atLeast(let count, let items): return "atLeast\(count)(" + items.map { self.condition($0, in: ruleSet) }.joined(separator: ", ") + ")"
        case .proximity(let left, let right, let distance, let order):
            return "within\(distance)\(order.rawValue)(" + self.condition(left, in: ruleSet) + ", " + self.condition(right, in: ruleSet) + ")"
        case .polarity(let polarity, let inner): return "\(polarity.rawValue)(" + self.condition(inner, in: ruleSet) + ")"
        case .speaker(let scope, let inner): return "speaker-\(scope.rawValue)(" + self.condition(inner, in: ruleSet) + ")"
        case .labelled(let label, let inner): return "\(label):" + self.condition(inner, in: ruleSet)
        }
    }

    private static func describe(_ step: CompiledPlaybook.Step, in ruleSet: CompiledRuleSet) -> String {
        "\(step.channel.rawValue) \(quoted(step.text.source))" + (step.requirement.map { " when " + requirement($0, in: ruleSet) } ?? "")
    }

    private static func requirement(_ requirement: CompiledPlaybook.Requirement, in ruleSet: CompiledRuleSet) -> String {
        switch requirement {
        case .signal(let index): return "signal " + ruleSet.signals[index].name
        case .has(let name): return "has " + name
        case .not(let inner): return "not(" + self.requirement(inner, in: ruleSet) + ")"
        case .and(let items): return "and(" + items.map { self.requirement($0, in: ruleSet) }.joined(separator: ", ") + ")"
        case .or(let items): return "or(" + items.map { self.requirement($0, in: ruleSet) }.joined(separator: ", ") + ")"
        }
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func quoted(_ text: String?) -> String {
        guard let text else { return "-" }
        return "\"" + text.replacingOccurrences("\n", "¶") + "\""
    }
}
