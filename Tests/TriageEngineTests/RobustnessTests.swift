import Foundation
import Testing
@testable import TriageEngine
import TriagePCRE2

@Suite struct RobustnessTests {
    @Test func catastrophicPatternHitsItsLimitAndOtherRulesStillClassify() throws {
        let ruleSet = try compile(pack("""
        category c "C" { playbook pc }
        category d "D" { playbook pd }
        playbook pc { step chat "C." }
        playbook pd { step chat "D." }
        rule evil -> c { when /(a+)+$/ weight 5 }
        rule fine -> d { when "late" weight 2 }
        """))
        let text = "late " + String(repeating: "a", count: 5_000) + "!"
        let result = Classifier(ruleSet: ruleSet, limits: MatchLimits(matchLimit: 100_000)).classify(text)
        #expect(result.category.id == "d")
        let hit = try #require(result.limitHits.first)
        #expect(hit.limit == .matchLimit)
        #expect(hit.users == ["evil"])
    }

    /// `(a+)+$` backtracks exponentially on each run of a's that is not at the end, and the
    /// `x` after each run is a match: every match costs millions of steps, none hits the match
    /// limit raised here, so only the time budget can stop the scan.
    static let adversarial = String(repeating: String(repeating: "a", count: 22) + "!x ", count: 900)

    @Test(.timeLimit(.minutes(1)))
    func timeBudgetStopsACatastrophicPatternAndEarlierRulesStillClassify() throws {
        let ruleSet = try compile(pack("""
        category c "C" { playbook pc }
        category d "D" { playbook pd }
        playbook pc { step chat "C." }
        playbook pd { step chat "D." }
        entity ref "reference" = /x a+/
        rule fine -> d { when "late" weight 2 }
        rule evil -> c { when /(a+)+$|x/ weight 5 }
        rule later -> c { when not /a!x/ weight 9 }
        """))
        let classifier = Classifier(ruleSet: ruleSet, limits: MatchLimits(matchLimit: .max), timeBudget: .milliseconds(200))
        let result = classifier.classify("late " + Self.adversarial)
        let hit = try #require(result.limitHits.first)
        #expect(hit.limit == .timeBudget)
        #expect(hit.users == ["evil"])
        let budget = try #require(result.budgetExceeded)
        #expect(budget.budget == .milliseconds(200))
        // The prefilter lets both patterns below through, so they need PCRE2, which the budget
        // no longer allows; `later` would fire on "no match" (its `not` holds): undecided, it must not.
        #expect(budget.undecidedRules.map { ruleSet.rules[$0].name } == ["later"])
        #expect(budget.undecidedEntities == ["ref"])
        #expect(fired(result, ruleSet).contains("fine"))
        #expect(!fired(result, ruleSet).contains("later"))
    }

    /// Issue 14, item 1: a regex slow at every start position that never matches ran for 14.6 s
    /// with a budget of 0.5 s and reported nothing (`limits: []`, no budget exceeded).
    /// (The patterns end in a class, not `\d`: one that needs a digit is not run on a text without one.)
    @Test func theBudgetHoldsForAPatternSlowAtEveryPositionThatNeverMatches() throws {
        let ruleSet = try compile(pack("""
        category c "C" { playbook pc }
        playbook pc { step chat "C." }
        rule fine -> c { when /c a/ weight 0.5 }
        rule slow -> c { when /(?:a|b)*(?:a|b)*c[\\d!]/ weight 5 }
        rule later -> c { when not /(?:a|b)*(?:a|b)*c[\\d!]\\b/ weight 9 }
        """, settings: "threshold 1 normalize off"))
        let text = Array(repeating: String(repeating: "a", count: 1_000) + "c", count: 40).joined(separator: " ")
        let result = Classifier(ruleSet: ruleSet, timeBudget: .milliseconds(300)).classify(text)
        let budget = try #require(result.budgetExceeded)
        #expect(result.limitHits.contains { $0.limit == .timeBudget && $0.users == ["slow"] })
        // Stopped before any match: not evaluated, never "no match" (which would make `not` hold).
        #expect(budget.undecidedRules.map { ruleSet.rules[$0].name } == ["slow", "later"])
        #expect(fired(result, ruleSet) == ["fine"])
    }

    @Test func withoutAPatternOverBudgetNothingIsReported() throws {
        let ruleSet = try compile(singleRule("words { late }"))
        let result = Classifier(ruleSet: ruleSet, timeBudget: .seconds(60)).classify("my parcel is late")
        #expect(result.budgetExceeded == nil)
        #expect(result.category.id == "c")
        let unlimited = Classifier(ruleSet: ruleSet, timeBudget: nil).classify("my parcel is late")
        #expect(unlimited.budgetExceeded == nil)
        #expect(unlimited.category.id == "c")
    }

    @Test func anExhaustedBudgetLeavesEveryRuleUndecidedInsteadOfFalse() throws {
        let ruleSet = try compile(pack("""
        category c "C" { playbook pc }
        playbook pc { step chat "C." }
        rule absent -> c { when not "refund" }
        rule present -> c { when "late" }
        """))
        let result = Classifier(ruleSet: ruleSet, timeBudget: .zero).classify("late")
        #expect(result.evidence.isEmpty)
        #expect(result.category.id == "other")
        #expect(result.budgetExceeded?.undecidedRules.map { ruleSet.rules[$0].name } == ["absent", "present"])
    }

    /// Per-(pattern, turn) state used to be allocated densely: a 32 MiB transcript of one-word
    /// turns (2.8 million) with the shipped pack's patterns took gigabytes before any work.
    @Test func perTurnStateIsSparseWhenPatternsTimesTurnsIsHuge() {
        var table = SlotTable<Int32>(slots: 1 << 40)
        #expect(!table.isDense)
        table[(1 << 40) - 1] = 7
        table[3] = -1
        #expect(table[(1 << 40) - 1] == 7 && table[3] == -1 && table[4] == 0)
        table[3] = 0
        #expect(table[3] == 0)
        #expect(SlotTable<UInt8>(slots: 1_000).isDense)
    }

    @Test func aTranscriptWithHundredsOfThousandsOfTurnsIsClassifiedLikeASmallOne() throws {
        let words = (0..<40).map { "w\($0)x" }
        let ruleSet = try compile(pack("""
        category c "C" { playbook pc }
        playbook pc { step chat "C {order_id|x}." }
        entity order_id "order" = /\\d{3}-\\d{7}-\\d{7}/
        \(words.enumerated().map { "rule r\($0) -> c { when \"\($1)\" }" }.joined(separator: "\n"))
        rule late -> c { when words { late } within 3 words of words { parcel } weight 2 }
        rule agent_only -> c { when "sorry" speaker agent }
        """))
        let turns = 150_000
        let text = (0..<turns).map { $0 % 2 == 0 ? "customer: hi" : "agent: ok" }.joined(separator: "\n")
            + "\ncustomer: my parcel is late, order 112-3456789-1234567\nagent: sorry"
        let result = Classifier(ruleSet: ruleSet, timeBudget: nil).classify(text)
        #expect(result.message.turns.count == turns + 2)
        #expect(result.category.id == "c")
        #expect(fired(result, ruleSet) == ["late", "agent_only"])
        #expect(result.evidence.first?.spans.map(\.turn) == [turns, turns])
        #expect(result.entities.map(\.value) == ["112-3456789-1234567"])
        #expect(result.entities.first?.turn == turns)
    }

    @Test func classifyingFromManyThreadsGivesTheSingleThreadResults() async throws {
        let ruleSet = try compile(pack("""
        category late "Late" { playbook p }
        category broken "Broken" { playbook p }
        playbook p { step chat "P {order_id|x}." }
        entity order_id "order" = /\\d{3}-\\d{7}-\\d{7}/
        rule r1 -> late { when affirmed(words { late delayed }) within 4 words of words { parcel order } weight 2 }
        rule r2 -> broken { when affirmed(words { broken damaged }) weight 2 }
        """))
        let classifier = Classifier(ruleSet: ruleSet)
        let texts = (0..<200).map { i in
            ["my parcel is late \(i)", "order 123-4567890-1234567 arrived damaged", "not damaged, the order is delayed", "hello \(i)"][i % 4]
        }
        func summary(_ c: Classification) -> String {
            "\(c.category.id)|\(c.score)|\(c.entities.map(\.value))|\(c.evidence.map(\.spans))"
        }
        let expected = texts.map { summary(classifier.classify($0)) }
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, summary(classifier.classify(text))) }
            }
            var collected = Array(repeating: "", count: texts.count)
            for await (index, value) in group { collected[index] = value }
            return collected
        }
        #expect(results == expected)
    }

    @Test func largeMessageIsClassifiedWithBoundedEvidence() throws {
        let ruleSet = try compile(singleRule("words { late }"))
        let text = String(repeating: "my parcel is late. ", count: 200_000)
        let result = Classifier(ruleSet: ruleSet).classify(text)
        #expect(result.category.id == "c")
        #expect(result.evidence[0].spans.count == 1_000)
    }

    @Test func embeddedPacksResolveImportsAndReportCycles() {
        let files = [
            (path: "main.rules", contents: "import \"lib/shared.rules\"\ncategory other \"O\" { playbook p }\nplaybook p { step chat \"x\" }"),
            (path: "lib/shared.rules", contents: "import \"../main.rules\"\ndefine x = \"x\""),
        ]
        let (ruleSet, diagnostics) = RuleEngine.compile(embedded: files, root: "pack")
        #expect(ruleSet == nil)
        #expect(diagnostics.map(\.id) == [.importCycle])
        #expect(diagnostics.first?.locationDescription == "pack/main.rules:1:8")
    }

    @Test func missingPathsAndInvalidUTF8RuleFilesAreReported() throws {
        let (_, missing) = RuleEngine.compile(paths: ["/nonexistent/rules"])
        #expect(missing.map(\.id) == [.cannotRead])

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.rules").path
        try Data("define a = \"ok\"\ndefine b = \"".utf8 + [0xFF, 0xFE] + Data("\"\n".utf8)).write(to: URL(fileURLWithPath: path))
        let (ruleSet, diagnostics) = RuleEngine.compile(paths: [path])
        #expect(ruleSet == nil)
        #expect(diagnostics.map(\.id) == [.invalidUTF8])
        #expect(diagnostics.first?.location?.line == 2)
        #expect(diagnostics.first?.location?.column == 13)

        let empty = directory.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(RuleEngine.compile(paths: [empty]).1.map(\.id) == [.noRuleFiles])
    }
}
