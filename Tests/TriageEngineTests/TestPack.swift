import Testing
import TriageEngine
import TriageSyntax

/// Compiles rule text for a test, failing the test with the rendered diagnostics if it has errors.
func compile(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CompiledRuleSet {
    let (ruleSet, diagnostics) = RuleEngine.compile(source: source, path: "test.rules")
    if ruleSet == nil {
        Issue.record("rules did not compile:\n\(DiagnosticRenderer().render(diagnostics))", sourceLocation: sourceLocation)
    }
    return try #require(ruleSet, sourceLocation: sourceLocation)
}

/// A small pack: a fallback category with a playbook, plus `extra` text.
func pack(_ extra: String, settings: String = "threshold 1") -> String {
    """
    settings { \(settings) }
    category other "Other" { playbook general }
    playbook general { step chat "Ask us." }
    \(extra)
    """
}

/// One category `c` fed by one rule `r` with the given condition.
func singleRule(_ condition: String, speaker: String = "customer") -> String {
    pack("""
    category c "C" { playbook pc }
    playbook pc { step chat "C." }
    rule r -> c {
      when \(condition)
      speaker \(speaker)
    }
    """)
}

/// Names of the rules that fired.
func fired(_ classification: Classification, _ ruleSet: CompiledRuleSet) -> [String] {
    classification.evidence.map { ruleSet.rules[$0.rule].name }
}

/// Whether the single rule of `singleRule` fires on the text.
func fires(_ condition: String, on text: String, speaker: String = "customer") throws -> Bool {
    let ruleSet = try compile(singleRule(condition, speaker: speaker))
    return !Classifier(ruleSet: ruleSet).classify(text).evidence.isEmpty
}
