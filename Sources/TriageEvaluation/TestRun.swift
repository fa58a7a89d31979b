import TriageEngine

/// Everything one `triage test` run found: the cases, their results, metrics, rule
/// statistics, input problems and the verdict. Reporters render this value.
public struct TestRun: Sendable {
    public let results: [CaseResult]
    public let problems: [InputProblem]
    public let skippedFiles: [String]
    public let metrics: ClassificationMetrics
    public let rules: RuleStatistics
    public let gateFailures: [String]
    /// Whether any minimum was given (`--min-*`).
    public let hasGates: Bool
    public let baseline: Baseline.Comparison?
    public let fixtureCount: Int
    public let corpusCount: Int
    public let exampleCount: Int
    public let seconds: Double
    /// Cases read but left out by `--filter`; metrics cover only the cases that ran.
    public var filteredOut = 0
    /// `--coverage`: what the cases exercised in the rule files.
    public var coverage: RuleCoverage?

    public init(results: [CaseResult], problems: [InputProblem], skippedFiles: [String], ruleSet: CompiledRuleSet,
                gates: TestGates, baseline: Baseline?, seconds: Double) {
        self.results = results
        self.problems = problems
        self.skippedFiles = skippedFiles
        // Rule examples are checks, not samples of real traffic: they pass or fail, and stay out
        // of the metrics and the per-rule precision.
        let scored = results.filter { $0.testCase.kind != .example }
        self.metrics = ClassificationMetrics(expected: scored.map(\.testCase.expectation.category), got: scored.map(\.category),
                                             order: ruleSet.categories.map(\.id), fallback: ruleSet.categories[ruleSet.fallbackCategory].id)
        self.rules = RuleStatistics(results: scored, ruleSet: ruleSet)
        self.gateFailures = gates.check(metrics)
        self.hasGates = !gates.isEmpty
        self.baseline = baseline?.compare(results)
        self.fixtureCount = results.filter { $0.testCase.kind == .fixture }.count
        self.exampleCount = results.count - scored.count
        self.corpusCount = scored.count - fixtureCount
        self.seconds = seconds
    }

    /// The `input_repaired` warnings of the cases that ran: bytes that were not UTF-8 were
    /// replaced with U+FFFD before classifying.
    public var repairs: [InputProblem] { results.compactMap(\.testCase.repair) }

    public var failed: [CaseResult] { results.filter { $0.status == .failed } }

    /// "3 failing fixtures", "1 failing example", or "2 failing cases" when both kinds fail.
    public var blockingFailureText: String {
        let failures = blockingFailures
        let kinds = Set(failures.map(\.testCase.kind))
        let noun = kinds == [.example] ? "example" : kinds == [.fixture] ? "fixture" : "case"
        return "\(failures.count) failing \(noun)\(failures.count == 1 ? "" : "s")"
    }
    public var knownFailures: [CaseResult] { results.filter { $0.status == .knownFailure } }
    public var fixedTodos: [CaseResult] { results.filter { $0.status == .fixedTodo } }

    /// Failures that fail the run: without a baseline, every failing fixture or example (corpus records
    /// are gated by the minimums instead); with one, only cases that newly broke.
    public var blockingFailures: [CaseResult] {
        if let baseline { return baseline.newlyBroken }
        return failed.filter { $0.testCase.kind != .corpus }
    }

    /// True when the run passes: no blocking failure, no unmet minimum, no unreadable input.
    public var passed: Bool {
        blockingFailures.isEmpty && gateFailures.isEmpty && problems.isEmpty
    }
}
