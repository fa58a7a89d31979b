import TriageSyntax

/// One lint check: an id, what it finds and why it matters, examples that must and must
/// not trigger it (the tests and docs/diagnostics.md are built from them), and the check.
public struct LintCheck: Sendable {
    public let id: DiagnosticID
    public let severity: Diagnostic.Severity
    /// One line: what the check finds (declared with its id).
    public var summary: String { id.summary }
    /// Why it matters.
    public let rationale: String
    /// Rule-file snippets that must trigger the check (after `LintCheck.examplePreamble`).
    public let triggering: [String]
    /// Snippets that must not.
    public let nonTriggering: [String]
    /// False for checks a pack turns on with `lint { enable ID }` (or a `severity` for it).
    public let onByDefault: Bool
    let run: @Sendable (LintCheck, LintContext) -> [Diagnostic]

    public init(id: DiagnosticID, severity: Diagnostic.Severity = .warning, rationale: String,
                triggering: [String], nonTriggering: [String], onByDefault: Bool = true, run: @escaping @Sendable (LintCheck, LintContext) -> [Diagnostic]) {
        self.id = id
        self.severity = severity
        self.rationale = rationale
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.onByDefault = onByDefault
        self.run = run
    }

    public func check(_ context: LintContext) -> [Diagnostic] { run(self, context) }

    /// What every example is appended to: a fallback category so the snippet compiles.
    public static let examplePreamble = """
    category other "Other" { playbook general }
    playbook general { step chat "Ask us." }

    """

    func finding(_ message: String, file: SourceFile, span: SourceSpan?, hint: String? = nil, notes: [Diagnostic.Note] = [],
                 fix: Diagnostic.Fix? = nil) -> Diagnostic {
        Diagnostic(id: id, severity: severity, message: message, file: file, span: span, hint: hint, notes: notes, fix: fix)
    }
}
