import Foundation
import Testing
@testable import TriageCLI

/// `example "…" -> category` items inside rules, end to end: `test` runs them, `fmt` lays
/// them out, `lint` reports rules without one when the pack asks.
@Suite struct RuleExampleTests {
    static let pack = smallRulePack + """

    rule late_words -> late {
      when words { overdue }
      example "the parcel is overdue" -> late
      example "nothing is overdue here, the mug is cracked" -> not late
    }
    """

    @Test func testRunsTheExamplesOfTheRulesWithoutAnyPathAndKeepsThemOutOfTheMetrics() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("pack.rules", Self.pack)
        // Through the binary, in a directory without ./fixtures.
        let result = try BinaryTests().launch(["test", "--rules", rules, "--json", directory.path + "/r.json"], directory: directory.path)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("FAIL \(rules):14  expected not late, got late"))
        #expect(result.stdout.contains("'overdue' 14:23"), "matched words are placed in the rule file")
        #expect(result.stdout.contains("cases       2 (0 fixtures, 2 rule examples, 0 corpus records)"))
        #expect(result.stdout.contains("metrics     none: only rule examples ran"))
        #expect(result.stdout.contains("FAILED 1 failing example"))
        let report = try json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: directory.path + "/r.json")), as: UTF8.self))
        let cases = try #require(report["cases"] as? [[String: Any]])
        #expect(cases.map { $0["kind"] as? String } == ["example", "example"])
        #expect(cases.map { $0["id"] as? String } == ["\(rules):13", "\(rules):14"])
        #expect((cases[1]["expected"] as? [String: Any])?["negated"] as? Bool == true)
        #expect((report["summary"] as? [String: Any])?["examples"] as? Int == 2)
    }

    @Test func examplesRunWithFixturesButOnlyFixturesAreScored() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("pack.rules", Self.pack.replacingOccurrences(of: "nothing is overdue here, the mug is cracked", with: "the mug is cracked"))
        _ = try directory.write("fixtures/late.triage", "expect: late\n---\nit is delayed")
        let result = run(["test", directory.path + "/fixtures", "--rules", rules])
        #expect(result.code == .ok, "\(result.stdout)")
        #expect(result.stdout.contains("cases       3 (1 fixtures, 2 rule examples, 0 corpus records)"))
        #expect(result.stdout.contains("late                     1.00    1.00  1.00        1"), "only the fixture is in the metrics")
        let without = run(["test", directory.path + "/fixtures", "--rules", rules, "--no-examples"])
        #expect(without.stdout.contains("cases       1 (1 fixtures, 0 corpus records)"))
        let filtered = run(["test", directory.path + "/fixtures", "--rules", rules, "--filter", "pack.rules:13"])
        #expect(filtered.stdout.contains("cases       1 (0 fixtures, 1 rule examples, 0 corpus records)"))
    }

    @Test func anExampleNamingAnUnknownCategoryIsACompileErrorWithASuggestion() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("pack.rules", smallRulePack + "\nrule r -> late {\n  when \"overdue\"\n  example \"it is overdue\" -> lat\n}\n")
        let result = run(["lint", rules])
        #expect(result.stdout.contains("error[undefined-name]: undefined category 'lat'"), "\(result.stdout)")
        #expect(result.stdout.contains("did you mean 'late'?"))
    }

    @Test func ruleWithoutExampleIsOffUntilThePackEnablesIt() throws {
        let directory = try TemporaryDirectory()
        let quiet = try directory.write("quiet.rules", Self.pack)
        #expect(!run(["lint", quiet]).stdout.contains("rule-without-example"))
        let asked = try directory.write("asked.rules", Self.pack + "\nlint { enable rule-without-example }\n")
        let result = run(["lint", asked])
        #expect(result.stdout.contains("note[rule-without-example]: rule 'is_late' has no example"), "\(result.stdout)")
        #expect(!result.stdout.contains("rule 'late_words' has no example"))
        let louder = try directory.write("louder.rules", Self.pack + "\nlint { severity rule-without-example warning }\n")
        #expect(run(["lint", louder]).stdout.contains("warning[rule-without-example]"))
    }

    @Test func fmtPutsExamplesLastInTheOrderWritten() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("pack.rules", "rule r -> late {\n  example   \"b\" -> not late\n  when \"x\"\n  example \"a\" -> late\n  weight 2\n}\n")
        let result = run(["fmt", "--diff", rules])
        #expect(result.stdout.contains("   weight 2\n+  example \"b\" -> not late\n+  example \"a\" -> late\n }"), "\(result.stdout)")
    }
}
