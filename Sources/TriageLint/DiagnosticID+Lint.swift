import TriageEngine
import TriageSyntax

// The ids TriageLint emits besides its checks' (declared next to each check), and the
// registry of every id: the one place user text (`# triage-ignore: ID`, `lint { disable ID }`)
// becomes an id.
extension DiagnosticID {
    public static let unknownLintCheck = DiagnosticID("unknown-lint-check", summary: "a lint block names an id that is no lint check")
    public static let unknownSuppression = DiagnosticID("unknown-suppression", summary: "a suppression comment names an id that is no lint check")

    /// Every id TriageLint declares: its own, then its checks' in `Linter.checks` order.
    public static let lintIDs: [DiagnosticID] = [.unknownLintCheck, .unknownSuppression] + Linter.checks.map(\.id)

    /// Every id Triage can emit, by module (syntax, compile, lint), each once.
    public static let all: [DiagnosticID] = syntaxIDs + compileIDs + lintIDs

    private static let byRawValue = Dictionary(all.map { ($0.rawValue, $0) }, uniquingKeysWith: { first, _ in first })

    /// The declared id written as `text`, or nil when no id is spelt so.
    public static func named(_ text: String) -> DiagnosticID? { byRawValue[text] }
}
