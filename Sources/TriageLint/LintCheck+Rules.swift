import TriageEngine
import TriageSupport
import TriageSyntax

// The ids of the checks below, with their one-line summaries.
extension DiagnosticID {
    public static let ruleNeverFires = DiagnosticID("rule-never-fires", summary: "a rule that can never change a score: weight 0, a condition that contradicts itself, or an 'unless' that holds whenever its 'when' does")
    public static let shadowedRule = DiagnosticID("shadowed-rule", summary: "a rule whose condition implies another rule's, which adds more weight to a different category")
    public static let ruleWithoutExample = DiagnosticID("rule-without-example", summary: "a rule with no 'example' item (off by default: 'lint { enable rule-without-example }')")
    public static let conflictingPattern = DiagnosticID("conflicting-pattern", summary: "the same word or regex deciding, on its own, rules of two different categories")
}

extension LintCheck {
    static let ruleWithoutExample = LintCheck(
        id: .ruleWithoutExample,
        severity: .note,
        rationale: "an example next to a rule documents what it is for and is tested by 'triage test'; a pack that wants every rule to carry one turns this on",
        triggering: ["category c \"C\" { playbook general }\nlint { enable rule-without-example }\nrule r -> c { when \"late\" }"],
        nonTriggering: [
            "category c \"C\" { playbook general }\nlint { enable rule-without-example }\nrule r -> c {\n  when \"late\"\n  example \"it is late\" -> c\n}",
            "category c \"C\" { playbook general }\nrule r -> c { when \"late\" }",
        ],
        onByDefault: false
    ) { check, context in
        context.rules.filter { $0.node.examples.isEmpty }.map { rule in
            check.finding("rule '\(rule.node.name.name)' has no example", file: rule.file, span: rule.node.name.span,
                          hint: "add a line such as: example \"a message it must classify\" -> \(rule.node.target.text)")
        }
    }

    static let ruleNeverFires = LintCheck(
        id: .ruleNeverFires,
        rationale: "the rule looks like it does something and does nothing",
        triggering: [
            "category c \"C\" { playbook general }\nrule r -> c { when \"late\" and not \"late\" }",
            "category c \"C\" { playbook general }\nrule r -> c { when \"late\" unless \"late\" }",
            "category c \"C\" { playbook general }\nrule r -> c { when \"late\" weight 0 }",
        ],
        nonTriggering: ["category c \"C\" { playbook general }\nrule r -> c { when \"late\" and not \"on time\" unless \"joke\" }"]
    ) { check, context in
        var findings: [Diagnostic] = []
        for rule in context.rules {
            guard let compiled = context.compiled(rule) else { continue }
            let conjuncts = compiled.condition.conjuncts
            let keys = Set(conjuncts.map(\.canonicalKey))
            var reason: String?
            if compiled.weight == 0 {
                reason = "it has weight 0"
            } else if let contradiction = conjuncts.first(where: { conjunct in
                if case .not(let inner) = conjunct { return keys.contains(inner.canonicalKey) } else { return false }
            }) {
                _ = contradiction
                reason = "its condition requires a pattern and its absence at once"
            } else if compiled.exceptions.contains(where: { keys.contains($0.canonicalKey) || $0.canonicalKey == compiled.condition.canonicalKey }) {
                reason = "an 'unless' clause holds whenever its 'when' does"
            }
            if let reason {
                findings.append(check.finding("rule '\(rule.node.name.name)' can never fire: \(reason)", file: rule.file, span: rule.node.name.span,
                                                       hint: "fix the condition or remove the rule"))
            }
        }
        return findings
    }

    static let shadowedRule = LintCheck(
        id: .shadowedRule,
        rationale: "whenever the rule fires the other fires too and outweighs it, so on its own it can never make its category win",
        triggering: ["category a \"A\" { playbook general }\ncategory b \"B\" { playbook general }\nrule weak -> a { when \"late\" and \"parcel\" weight 1 }\nrule strong -> b { when \"late\" weight 3 }"],
        nonTriggering: [
            "category a \"A\" { playbook general }\ncategory b \"B\" { playbook general }\nrule weak -> a { when \"late\" and \"parcel\" weight 4 }\nrule strong -> b { when \"late\" weight 3 }",
            "category a \"A\" { playbook general }\ncategory b \"B\" { playbook general }\nrule damp -> a { when \"late\" and \"parcel\" weight -2 }\nrule strong -> b { when \"late\" weight 3 }",
            "category a \"A\" { playbook general outranks b }\ncategory b \"B\" { playbook general }\nrule weak -> a { when \"late\" and \"lost\" weight 3 }\nrule strong -> b { when \"late\" weight 5 }",
        ]
    ) { check, context in
        var findings: [Diagnostic] = []
        let compiled = context.rules.compactMap { rule in context.compiled(rule).map { (rule, $0) } }
        // Rules by the canonical key of their whole condition: a rule can only be shadowed by
        // one whose condition is its own or one of its conjuncts, so each rule looks up a few
        // keys instead of comparing itself with every rule (near-linear at 50,000 rules).
        var byCondition: [String: [Int]] = [:]
        for (position, entry) in compiled.enumerated() { byCondition[entry.1.condition.canonicalKey, default: []].append(position) }
        for (rule, a) in compiled {
            // A negative weight is meant to hold its category back, never to make it win.
            guard case .category(let categoryA) = a.target, a.weight > 0 else { continue }
            let keys = Set(a.condition.conjuncts.map(\.canonicalKey) + [a.condition.canonicalKey])
            // In pack order, like a walk over every rule would meet them.
            let candidates = keys.flatMap { byCondition[$0] ?? [] }.sorted()
            for (other, b) in candidates.lazy.map({ compiled[$0] }) where b.index != a.index {
                guard case .category(let categoryB) = b.target, categoryB != categoryA, b.weight > a.weight,
                      b.exceptions.isEmpty, b.speaker == a.speaker || b.speaker == .any else { continue }
                // Precedence: a's category wins over b's whatever the weights.
                if context.ruleSet?.categories[categoryA].outranks.contains(categoryB) == true { continue }
                findings.append(check.finding(
                    "rule '\(a.name)' is shadowed by '\(b.name)': whenever it fires, '\(b.name)' fires too with more weight (\(b.weight.compact) against \(a.weight.compact))",
                    file: rule.file, span: rule.node.name.span,
                    hint: "raise the weight of '\(a.name)', add 'unless' to '\(b.name)', or let its category outrank the other ('outranks')",
                    notes: [Diagnostic.Note("'\(b.name)' is here", file: other.file, span: other.node.name.span)]))
                break
            }
        }
        return findings
    }

    static let conflictingPattern = LintCheck(
        id: .conflictingPattern,
        rationale: "a message with that word scores for both categories; usually one of the lists is wrong, or the word needs context (within N words of …)",
        triggering: ["category a \"A\" { playbook general }\ncategory b \"B\" { playbook general }\nrule ra -> a { when words { refund late } }\nrule rb -> b { when words { return refund } }"],
        nonTriggering: [
            "category a \"A\" { playbook general }\ncategory b \"B\" { playbook general }\nrule ra -> a { when \"late\" within 3 words of words { parcel box } }\nrule rb -> b { when \"lost\" within 3 words of words { parcel } }",
            "category a \"A\" { playbook general }\ncategory b \"B\" { playbook general }\nrule ra -> a { when words { refund } }\nrule rb -> b { when words { return } and not words { refund } }",
            "category a \"A\" { playbook general }\ncategory b \"B\" { playbook general }\nrule ra -> a { when words { broken } }\nrule rb -> b { when words { late } and words { broken } weight -2 }",
        ]
    ) { check, context in
        // First place each word (or regex) is used for a category, by the list it is in.
        var first: [String: (category: String, listStart: Int, path: String, file: SourceFile, span: SourceSpan, nearby: Bool)] = [:]
        var findings: [Diagnostic] = []
        var reported = Set<String>()
        for rule in context.rules {
            // Rules with a negative weight use words as counter-evidence, which is no conflict.
            guard case .category(let category) = rule.node.target, let condition = rule.node.condition,
                  (rule.node.weight?.value ?? 1) > 0 else { continue }
            for pattern in context.patterns(in: condition, file: rule.file) where pattern.positive {
                var entries: [(key: String, text: String, span: SourceSpan)] = []
                switch pattern.expression {
                case .words(let list): entries = list.entries.map { (list.isCaseSensitive ? $0.text : $0.text.lowercased(), $0.text, $0.span) }
                case .phrase(let literal): entries = [(literal.value.lowercased(), literal.value, literal.span)]
                case .regex(let literal): entries = [("/" + literal.pattern + "/" + literal.flags, "/" + literal.pattern + "/", literal.span)]
                default: continue
                }
                let listStart = pattern.expression.span.start
                for entry in entries {
                    guard let previous = first[entry.key] else {
                        first[entry.key] = (category.name, listStart, pattern.file.path, pattern.file, entry.span, pattern.nearby)
                        continue
                    }
                    // A word that only counts next to another pattern on one side ("still waiting"
                    // near "refund") is already disambiguated by that context: flag only words
                    // that decide both categories on their own.
                    if previous.nearby || pattern.nearby { continue }
                    // A shared definition used by two categories is deliberate context, not a conflict.
                    let sameList = previous.listStart == listStart && previous.path == pattern.file.path
                    guard previous.category != category.name, !sameList, reported.insert(entry.key + "|" + category.name).inserted else { continue }
                    findings.append(check.finding(
                        "'\(entry.text)' counts for both '\(previous.category)' and '\(category.name)'", file: pattern.file, span: entry.span,
                        hint: "keep it in one category, or require context: … within N words of …",
                        notes: [Diagnostic.Note("also used for '\(previous.category)' here", file: previous.file, span: previous.span)]))
                }
            }
        }
        return findings
    }
}
