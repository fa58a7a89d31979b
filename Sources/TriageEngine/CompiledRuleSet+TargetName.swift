extension CompiledRuleSet {
    /// What a rule raises as written in rule files: `delivery.late` or `signal urgent`.
    public func targetName(of rule: CompiledRule) -> String {
        switch rule.target {
        case .category(let index): return categories[index].id
        case .signal(let index): return "signal " + signals[index].name
        }
    }
}
