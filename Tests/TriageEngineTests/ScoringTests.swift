import Testing
import TriageEngine

@Suite struct ScoringTests {
    /// Categories a (priority 1) and b (priority 0), rules with weights from `rules`.
    func twoCategories(_ rules: String, settings: String = "threshold 2") throws -> CompiledRuleSet {
        try compile(pack("""
        category a "A" { playbook pa priority 0 }
        category b "B" { playbook pb priority 0 }
        playbook pa { step chat "A." }
        playbook pb { step chat "B." }
        \(rules)
        """, settings: settings))
    }

    @Test func highestScoreWinsAndScoresAreSummed() throws {
        let ruleSet = try twoCategories("""
        rule a1 -> a { when "x" weight 2 }
        rule a2 -> a { when "y" weight 1 }
        rule b1 -> b { when "z" weight 2 }
        """)
        let result = Classifier(ruleSet: ruleSet).classify("x y z")
        #expect(result.category.id == "a")
        #expect(result.score == 3)
        #expect(result.scores.map(\.category.id) == ["a", "b"])
        #expect(result.decision == .highestScore(runnerUp: "b"))
        // Secondary: b reaches the threshold and half of a's score.
        #expect(result.secondary?.id == "b")
        // margin 3/5 times strength min(1, 3/4)
        #expect(result.confidence == 0.45)
    }

    @Test func belowThresholdFallsBackToOtherWithItsPlaybook() throws {
        let ruleSet = try twoCategories("rule a1 -> a { when \"x\" weight 1 }")
        let result = Classifier(ruleSet: ruleSet).classify("x marks the spot")
        #expect(result.category.id == "other")
        #expect(result.playbook?.name == "general")
        #expect(result.decision == .belowThreshold(best: "a", bestScore: 1, threshold: 2))
        #expect(result.confidence == 0.5)
        let nothing = Classifier(ruleSet: ruleSet).classify("hello")
        #expect(nothing.decision == .belowThreshold(best: nil, bestScore: 0, threshold: 2))
        #expect(nothing.confidence == 1)
    }

    @Test func tiesGoToPriorityThenStrongestRuleThenDeclarationOrder() throws {
        let byPriority = try compile(pack("""
        category a "A" { playbook p priority 0 }
        category b "B" { playbook p priority 5 }
        playbook p { step chat "P." }
        rule a1 -> a { when "x" weight 2 }
        rule b1 -> b { when "x" weight 2 }
        """))
        let first = Classifier(ruleSet: byPriority).classify("x")
        #expect(first.category.id == "b")
        #expect(first.decision == .tieBroken(against: ["a"], reason: .priority))

        let byStrength = try twoCategories("""
        rule a1 -> a { when "x" weight 1 }
        rule a2 -> a { when "x" weight 1 }
        rule b1 -> b { when "x" weight 2 }
        """)
        let second = Classifier(ruleSet: byStrength).classify("x")
        #expect(second.category.id == "b")
        #expect(second.decision == .tieBroken(against: ["a"], reason: .strongestRule))

        let byOrder = try twoCategories("""
        rule b1 -> b { when "x" weight 2 }
        rule a1 -> a { when "x" weight 2 }
        """)
        let third = Classifier(ruleSet: byOrder).classify("x")
        #expect(third.category.id == "a")
        #expect(third.decision == .tieBroken(against: ["b"], reason: .declarationOrder))
        #expect(third.confidence == 0.25)
    }

    @Test func decideFromFiredRulesAgreesWithTheClassifier() throws {
        let ruleSet = try twoCategories("""
        rule a1 -> a { when "x" weight 2 }
        rule b1 -> b { when "y" weight 2 }
        rule b2 -> b { when "z" weight -1 }
        """)
        for text in ["x", "y", "x y", "y z", "x y z", "nothing here"] {
            let result = Classifier(ruleSet: ruleSet).classify(text)
            #expect(ruleSet.decide(firedRules: result.evidence.map(\.rule)).id == result.category.id, "\(text)")
        }
        #expect(ruleSet.decide(firedRules: [0, 1, 2]).id == "a")
        #expect(ruleSet.decide(firedRules: []).id == "other")
    }

    @Test func negativeWeightsCountAgainstACategory() throws {
        let ruleSet = try twoCategories("""
        rule a1 -> a { when "late" weight 3 }
        rule a_not -> a { when "on time" weight -2 }
        """)
        #expect(Classifier(ruleSet: ruleSet).classify("late").category.id == "a")
        #expect(Classifier(ruleSet: ruleSet).classify("late? no, on time").category.id == "other")
    }

    @Test func secondaryNeedsTheRatio() throws {
        let ruleSet = try twoCategories("""
        rule a1 -> a { when "x" weight 6 }
        rule b1 -> b { when "z" weight 2 }
        """)
        #expect(Classifier(ruleSet: ruleSet).classify("x z").secondary == nil)
    }

    @Test func signalsAreRaisedByTheirRules() throws {
        let ruleSet = try compile(pack("""
        signal urgent "Now"
        rule hurry -> signal urgent { when words { asap } }
        """))
        #expect(Classifier(ruleSet: ruleSet).classify("need it ASAP").signals.map(\.signal.name) == ["urgent"])
        #expect(Classifier(ruleSet: ruleSet).classify("no hurry").signals.isEmpty)
    }
}
