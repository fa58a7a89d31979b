import TriageEngine

/// How each rule behaved over the cases: how often it fired and how often it was right.
public struct RuleStatistics: Sendable {
    public struct Entry: Sendable, Hashable {
        public let rule: String
        public let target: String
        public let file: String
        public let line: Int
        /// Cases on which the rule fired.
        public let fired: Int
        /// Of those with an expectation about the target, how many expected it.
        public let correct: Int
        /// Fired cases that say something about the target (all cases for category rules;
        /// cases with a `signals` line for signal rules).
        public let judged: Int
        /// `correct / judged`, or nil when nothing was judged.
        public var precision: Double? { judged == 0 ? nil : Double(correct) / Double(judged) }
    }

    public let entries: [Entry]
    /// Rules that fired on no case.
    public var neverFired: [Entry] { entries.filter { $0.fired == 0 } }
    /// Categories of the pack that no case expects.
    public let categoriesWithoutCases: [String]

    public init(results: [CaseResult], ruleSet: CompiledRuleSet) {
        var fired = Array(repeating: 0, count: ruleSet.rules.count)
        var correct = Array(repeating: 0, count: ruleSet.rules.count)
        var judged = Array(repeating: 0, count: ruleSet.rules.count)
        for result in results {
            let expectation = result.testCase.expectation
            for index in Set(result.firedRules) {
                fired[index] += 1
                switch ruleSet.rules[index].target {
                case .category(let category):
                    judged[index] += 1
                    if ruleSet.categories[category].id == expectation.category { correct[index] += 1 }
                case .signal(let signal):
                    guard let expected = expectation.signals else { continue }
                    judged[index] += 1
                    if expected.contains(ruleSet.signals[signal].name) { correct[index] += 1 }
                }
            }
        }
        entries = ruleSet.rules.map { rule in
            let target = ruleSet.targetName(of: rule)
            return Entry(rule: rule.name, target: target, file: rule.file.path, line: rule.file.location(of: rule.span.start).line,
                         fired: fired[rule.index], correct: correct[rule.index], judged: judged[rule.index])
        }
        let expected = Set(results.map(\.testCase.expectation.category))
        categoriesWithoutCases = ruleSet.categories.map(\.id).filter { !expected.contains($0) }
    }
}
