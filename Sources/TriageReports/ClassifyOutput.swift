import TriageEngine

/// What `triage classify` reports: the answer, the rules it came from, and what was asked.
public struct ClassifyOutput {
    public let classification: Classification
    public let ruleSet: CompiledRuleSet
    /// `--explain`: the rules that fired, the closest misses, and why the winner won.
    public let explain: Bool
    /// `--explain=all`: every rule considered too, pattern by pattern.
    public let explainAll: Bool
    /// Warning ids about the input, such as `input_repaired`.
    public let warnings: [String]

    public init(classification: Classification, ruleSet: CompiledRuleSet, explain: Bool = false, explainAll: Bool = false, warnings: [String] = []) {
        self.classification = classification
        self.ruleSet = ruleSet
        self.explain = explain || explainAll
        self.explainAll = explainAll
        self.warnings = warnings
    }
}
