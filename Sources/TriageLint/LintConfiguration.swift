import TriageSyntax

/// What the pack's `lint { … }` blocks say: checks turned off or on and severities changed.
/// Applies to lint findings only; compile errors cannot be turned off.
struct LintConfiguration {
    private enum Setting {
        case disable, enable
        case severity(Diagnostic.Severity)
    }

    private var disabled: Set<DiagnosticID> = []
    /// Checks that are off by default (`rule-without-example`) and not turned on.
    private var dormant: Set<DiagnosticID>
    private var severities: [DiagnosticID: Diagnostic.Severity] = [:]
    /// Mistakes in the blocks themselves: unknown ids, an id configured twice.
    private(set) var problems: [Diagnostic] = []

    init(context: LintContext, known: [DiagnosticID], offByDefault: Set<DiagnosticID> = []) {
        dormant = offByDefault
        var firstSeen: [DiagnosticID: (file: SourceFile, span: SourceSpan)] = [:]
        for config in context.lintConfigs {
            for clause in config.node.clauses {
                let entries: [(Identifier, Setting)]
                switch clause {
                case .disable(let ids, _): entries = ids.map { ($0, .disable) }
                case .enable(let ids, _): entries = ids.map { ($0, .enable) }
                case .severity(let id, let level, _): entries = [(id, Diagnostic.Severity(rawValue: level.name).map(Setting.severity) ?? .enable)]
                }
                for (id, setting) in entries {
                    guard let check = DiagnosticID.named(id.name), known.contains(check) else {
                        let suggestion = Parser.closestName(id.name, among: known.map(\.rawValue))
                        problems.append(.error(.unknownLintCheck, "'\(id.name)' is not a lint check", file: config.file, span: id.span,
                                               hint: suggestion.map { "did you mean '\($0)'?" } ?? "lint checks are listed by 'triage lint --list'"))
                        continue
                    }
                    if let first = firstSeen[check] {
                        problems.append(.error(.duplicateDefinition, "lint check '\(id.name)' is configured twice", file: config.file, span: id.span,
                                               hint: "keep one clause for it", notes: [Diagnostic.Note("first configured here", file: first.file, span: first.span)]))
                        continue
                    }
                    firstSeen[check] = (config.file, id.span)
                    switch setting {
                    case .disable: disabled.insert(check)
                    case .enable: dormant.remove(check)
                    case .severity(let severity):
                        // Giving an off-by-default check a severity turns it on.
                        severities[check] = severity
                        dormant.remove(check)
                    }
                }
            }
        }
    }

    /// The finding as configured: nil when its check is disabled or off by default.
    func apply(_ finding: Diagnostic) -> Diagnostic? {
        if disabled.contains(finding.id) || dormant.contains(finding.id) { return nil }
        guard let severity = severities[finding.id], severity != finding.severity else { return finding }
        return finding.with(severity: severity)
    }

    func isDisabled(_ id: DiagnosticID) -> Bool { disabled.contains(id) || dormant.contains(id) }

    /// An off-by-default check the pack has not turned on: it is not run at all.
    func isDormant(_ id: DiagnosticID) -> Bool { dormant.contains(id) }
}
