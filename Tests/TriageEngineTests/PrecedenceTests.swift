import Testing
import TriageEngine
import TriageSyntax

/// `outranks`: the root cause is primary whatever the scores (docs/language.md, "Precedence").
@Suite struct PrecedenceTests {
    func pack(outranks: String) throws -> CompiledRuleSet {
        try compile(TriageEngineTests.pack("""
        category lost "Lost" { playbook p \(outranks) }
        category late "Late" { playbook p }
        category refund "Refund" { playbook p outranks late }
        playbook p { step chat "P." }
        rule l -> lost { when "lost" weight 2 }
        rule d -> late { when "late" weight 5 }
        rule r -> refund { when "refund" weight 3 }
        """, settings: "threshold 2"))
    }

    @Test func anOutrankingCategoryIsPrimaryAndTheBestSecondary() throws {
        let rules = try pack(outranks: "outranks late")
        let result = Classifier(ruleSet: rules).classify("late and lost")
        #expect(result.category.id == "lost")
        #expect(result.secondary?.id == "late")
        #expect(result.decision == .precedence(over: "late"))
        // Alone, each wins on its own; below the threshold precedence does nothing.
        #expect(Classifier(ruleSet: rules).classify("late").category.id == "late")
        #expect(Classifier(ruleSet: rules).classify("lost").category.id == "lost")
    }

    @Test func precedenceSettlesATie() throws {
        // Tied at 3, refund declared first: precedence decides, not declaration order.
        let tied = try compile(TriageEngineTests.pack("""
        category refund "Refund" { playbook p }
        category lost "Lost" { playbook p outranks refund }
        playbook p { step chat "P." }
        rule l -> lost { when "lost" weight 3 }
        rule r -> refund { when "refund" weight 3 }
        """, settings: "threshold 2"))
        let result = Classifier(ruleSet: tied).classify("refund lost")
        #expect(result.category.id == "lost")
        #expect(result.decision == .precedence(over: "refund"))
        #expect(result.secondary?.id == "refund")
    }

    @Test func precedenceIsTransitiveAndPicksTheTop() throws {
        // lost outranks refund, refund outranks late: lost outranks late too.
        let rules = try pack(outranks: "outranks refund")
        #expect(rules.category(id: "lost")?.outranks == [rules.category(id: "refund")!.index, rules.category(id: "late")!.index])
        let result = Classifier(ruleSet: rules).classify("late lost refund")
        #expect(result.category.id == "lost")
        #expect(result.decision == .precedence(over: "late"))
        #expect(Classifier(ruleSet: rules).classify("late refund").category.id == "refund")
    }

    @Test func cyclesAndUnknownCategoriesAreErrors() {
        let source = TriageEngineTests.pack("""
        category a "A" { playbook p outranks b }
        category b "B" { playbook p outranks c }
        category c "C" { playbook p outranks a latte }
        category d "D" { playbook p outranks d }
        playbook p { step chat "P." }
        """)
        let (ruleSet, diagnostics) = RuleEngine.compile(source: source, path: "p.rules")
        #expect(ruleSet == nil)
        let messages = diagnostics.filter { $0.severity == .error }.map { "\($0.id): \($0.message)" }
        #expect(messages.contains("precedence-cycle: categories outrank each other in a circle: a -> b -> c -> a"))
        #expect(messages.contains("precedence-cycle: category 'd' cannot outrank itself"))
        #expect(messages.contains { $0.hasPrefix("undefined-name:") && $0.contains("'latte'") })
        #expect(messages.filter { $0.contains("circle") }.count == 1)
    }
}
