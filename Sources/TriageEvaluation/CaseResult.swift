import TriageEngine

/// The outcome of one case: what the engine answered, and why it passed or failed.
public struct CaseResult: Sendable {
    public enum Status: String, Sendable {
        case passed, failed
        /// A `todo` case that still fails: a known failure, not counted against the run.
        case knownFailure = "todo"
        /// A `todo` case that now passes: its `todo` line can go.
        case fixedTodo = "todo-passes"
    }

    /// Words a rule matched, with where they are in the case's text.
    public struct MatchedWords: Sendable, Hashable {
        public let text: String
        /// Code-point offsets in the case text, end exclusive.
        public let start: Int
        public let end: Int
        /// Line and column in the case's file.
        public let line: Int
        public let column: Int
    }

    public struct Evidence: Sendable, Hashable {
        public let rule: String
        public let target: String
        public let weight: Double
        public let matches: [MatchedWords]
    }

    public let testCase: TestCase
    public let status: Status
    public let category: String
    public let secondary: String?
    public let confidence: Double
    public let signals: [String]
    public let entities: [EntityExpectation]
    public let playbook: String?
    public let evidence: [Evidence]
    /// Indices of the rules that fired, for rule statistics.
    public let firedRules: [Int]
    /// Why the case failed, one line each; empty when it passed.
    public let failures: [String]
    /// Patterns stopped by a PCRE2 limit, as "rule (limit)".
    public let limitHits: [String]
    /// What matched, for `--coverage`; nil when the run does not collect it.
    public var coverage: CaseCoverage?

    public var isFailure: Bool { status == .failed }
}
