import TriageEngine

/// What `triage classify` reports: the answer, the rules it came from, and what was asked.
public struct ClassifyOutput {
    public let classification: Classification
    public let ruleSet: CompiledRuleSet
    /// `--explain`: every rule considered and why the winner won.
    public let explain: Bool
    /// Warning ids about the input, such as `input_repaired`.
    public let warnings: [String]

    public init(classification: Classification, ruleSet: CompiledRuleSet, explain: Bool = false, warnings: [String] = []) {
        self.classification = classification
        self.ruleSet = ruleSet
        self.explain = explain
        self.warnings = warnings
    }
}
