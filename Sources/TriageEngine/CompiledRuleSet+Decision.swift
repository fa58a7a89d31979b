extension CompiledRuleSet {
    /// The category the scoring model answers when exactly `firedRules` (rule indices) fired:
    /// the same decision `Classifier` makes, for callers that already know which rules fire
    /// and want to see what one more or one fewer would change (`triage suggest`). Signal
    /// rules are ignored; an index outside the pack is a programming error.
    public func decide<Rules: Sequence<Int>>(firedRules: Rules) -> CompiledCategory {
        var categoryRules: [Int: [Int]] = [:]
        for index in firedRules {
            if case .category(let category) = rules[index].target { categoryRules[category, default: []].append(index) }
        }
        return categories[Scorer(ruleSet: self).score(categoryRules).winner]
    }
}
