import Foundation
import TriageSyntax

// The ids of the checks below, with their one-line summaries.
extension DiagnosticID {
    public static let unusedDefinition = DiagnosticID("unused-definition", summary: "a definition that no rule, entity or used definition refers to")
    public static let unusedPlaybook = DiagnosticID("unused-playbook", summary: "a playbook that no category names")
    public static let unusedSignal = DiagnosticID("unused-signal", summary: "a signal that no rule raises")
    public static let categoryWithoutRule = DiagnosticID("category-without-rule", summary: "a category (other than the fallback) that no rule points at")
    public static let uncapturedEntity = DiagnosticID("uncaptured-entity", summary: "a playbook needs or fills in an entity that only unused patterns capture")
}

extension LintCheck {
    static let unusedDefinition = LintCheck(
        id: .unusedDefinition,
        rationale: "dead definitions mislead readers into thinking words are matched when they are not, and often point at a rule that was meant to use them",
        triggering: ["define late = words { late delayed }"],
        nonTriggering: ["category c \"C\" { playbook general }\ndefine late = words { late }\ndefine slow = late\nrule r -> c { when slow }"]
    ) { check, context in
        var used = Set<String>()
        var queue: [TriageSyntax.Expression] = context.rules.flatMap { ($0.node.condition.map { [$0] } ?? []) + $0.node.exceptions }
        queue += context.entities.map(\.node.pattern)
        while let expression = queue.popLast() {
            for name in LintContext.references(in: expression) where used.insert(name.name).inserted {
                if let define = context.defines[name.name] { queue.append(define.node.value) }
            }
        }
        return context.defineOrder.filter { !used.contains($0.node.name.name) }.map { define in
            check.finding("definition '\(define.node.name.name)' is never used", file: define.file, span: define.node.name.span,
                                     hint: "use it in a rule's 'when', or remove it")
        }
    }

    static let unusedPlaybook = LintCheck(
        id: .unusedPlaybook,
        rationale: "a playbook is only shown for the category that names it; an unnamed one is never shown",
        triggering: ["playbook orphan { step chat \"Hi.\" }"],
        nonTriggering: ["category c \"C\" { playbook used }\nplaybook used { step chat \"Hi.\" }\nrule r -> c { when \"x\" }"]
    ) { check, context in
        let named = Set(context.categories.compactMap { $0.node.playbook?.name })
        return context.playbooks.filter { !named.contains($0.node.name.name) }.map { playbook in
            check.finding("playbook '\(playbook.node.name.name)' is not used by any category", file: playbook.file, span: playbook.node.name.span,
                                   hint: "name it in a category: category … { playbook \(playbook.node.name.name) }")
        }
    }

    static let unusedSignal = LintCheck(
        id: .unusedSignal,
        rationale: "playbook steps that wait for the signal can never be shown",
        triggering: ["signal urgent \"Needs it now\""],
        nonTriggering: ["signal urgent \"Needs it now\"\nrule hurry -> signal urgent { when \"asap\" }"]
    ) { check, context in
        var raised = Set<String>()
        for rule in context.rules { if case .signal(let name) = rule.node.target { raised.insert(name.name) } }
        return context.signals.filter { !raised.contains($0.node.name.name) }.map { signal in
            check.finding("signal '\(signal.node.name.name)' is never raised by a rule", file: signal.file, span: signal.node.name.span,
                                 hint: "add a rule: rule … -> signal \(signal.node.name.name) { when … }")
        }
    }

    static let categoryWithoutRule = LintCheck(
        id: .categoryWithoutRule,
        rationale: "nothing can ever be classified into it",
        triggering: ["category lonely \"Lonely\" { playbook general }"],
        nonTriggering: ["category c \"C\" { playbook general }\nrule r -> c { when \"x\" }"]
    ) { check, context in
        var targeted = Set<String>()
        for rule in context.rules { if case .category(let id) = rule.node.target { targeted.insert(id.name) } }
        return context.categories.filter { $0.node.id.name != context.fallback && !targeted.contains($0.node.id.name) }.map { category in
            check.finding("no rule points at category '\(category.node.id.name)'", file: category.file, span: category.node.id.span,
                                        hint: "add a rule: rule … -> \(category.node.id.name) { when … }")
        }
    }

    static let uncapturedEntity = LintCheck(
        id: .uncapturedEntity,
        rationale: "the entity can never be found, so the playbook always reports it missing or shows its placeholder",
        triggering: ["define ref = /ref (?<ref_no>\\d+)/\ncategory c \"C\" { playbook p }\nrule r -> c { when \"x\" }\nplaybook p { needs ref_no \"the reference\" step chat \"Quote {ref_no|it}.\" }"],
        nonTriggering: ["define ref = /ref (?<ref_no>\\d+)/\ncategory c \"C\" { playbook p }\nrule r -> c { when ref }\nplaybook p { needs ref_no \"the reference\" step chat \"Quote {ref_no|it}.\" }"]
    ) { check, context in
        // Entities that can be produced: declared ones, and named groups in patterns rules use.
        var live = Set(context.entities.map(\.node.name.name))
        for rule in context.rules {
            let expressions = (rule.node.condition.map { [$0] } ?? []) + rule.node.exceptions
            for expression in expressions {
                for pattern in context.patterns(in: expression, file: rule.file) {
                    if case .regex(let literal) = pattern.expression { live.formUnion(LintCheck.namedGroups(in: literal.pattern)) }
                }
            }
        }
        var findings: [Diagnostic] = []
        for playbook in context.playbooks {
            for (name, span) in LintCheck.entityUses(in: playbook.node, file: playbook.file) where !live.contains(name) {
                findings.append(check.finding("entity '\(name)' is captured only by patterns that no rule uses", file: playbook.file, span: span,
                                                         hint: "use the pattern that captures (?<\(name)>…) in a rule, or declare: entity \(name) \"…\" = /…/"))
            }
        }
        return findings
    }

    static func namedGroups(in pattern: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: #"\(\?(?:P?<|')([A-Za-z_][A-Za-z0-9_]*)[>']"#)
        return Set(regex.matches(in: pattern, range: NSRange(pattern.startIndex..., in: pattern)).map {
            String(pattern[Range($0.range(at: 1), in: pattern)!])
        })
    }

    /// Entity names a playbook uses (needs, placeholders, has/missing), with where.
    static func entityUses(in playbook: PlaybookDeclaration, file: SourceFile) -> [(String, SourceSpan)] {
        var uses: [(String, SourceSpan)] = []
        let placeholder = try! NSRegularExpression(pattern: #"(?<!\{)\{([A-Za-z0-9_]+)(?:\|[^}]*)?\}"#)
        func scanText(_ literal: StringLiteral) {
            let raw = file.text(of: literal.span)
            for match in placeholder.matches(in: raw, range: NSRange(raw.startIndex..., in: raw)) {
                let range = Range(match.range, in: raw)!
                let start = literal.span.start + raw.utf8.distance(from: raw.startIndex, to: range.lowerBound)
                uses.append((String(raw[Range(match.range(at: 1), in: raw)!]), SourceSpan(start: start, end: start + raw[range].utf8.count)))
            }
        }
        func scanCondition(_ condition: StepCondition) {
            switch condition {
            case .has(let name), .missing(let name): uses.append((name.name, name.span))
            case .not(let inner, _): scanCondition(inner)
            case .and(let items, _), .or(let items, _): items.forEach(scanCondition)
            case .signal, .error: break
            }
        }
        for item in playbook.items {
            switch item {
            case .needs(let entity, _, _): if let entity { uses.append((entity.name, entity.span)) }
            case .step(let step), .escalate(let step):
                scanText(step.text)
                if let condition = step.condition { scanCondition(condition) }
            case .record(let text, _): scanText(text)
            }
        }
        return uses
    }
}
