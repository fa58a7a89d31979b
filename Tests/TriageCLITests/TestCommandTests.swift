import Foundation
import Testing
@testable import TriageCLI

/// `triage test` end to end, in-process, with a small rule pack of its own.
@Suite struct TestCommandTests {
    static let rules = smallRulePack + "\nrule unused -> broken { when \"zzzz never\" }\n"

    func project(fixtures: [String: String], extra: [String: String] = [:]) throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("pack.rules", Self.rules)
        for (name, content) in fixtures { _ = try directory.write("fixtures/" + name, content) }
        for (name, content) in extra { _ = try directory.write(name, content) }
        return (directory, rules)
    }

    @Test func passingFixturesExitZeroWithMetricsAndRuleStatistics() throws {
        let (directory, rules) = try project(fixtures: [
            "late/one.triage": "expect: late\nsignals: urgent\n---\nmy parcel is late, need it asap",
            "broken/one.triage": "expect: broken\nsignals: none\n---\nthe mug came cracked",
            "other/one.triage": "expect: other\n---\nit is not late, thanks",
            "notes.md": "not a fixture",
        ])
        let result = run(["test", directory.path + "/fixtures", "--rules", rules])
        #expect(result.code == .ok, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("cases       3 (3 fixtures, 0 corpus records)"))
        #expect(result.stdout.contains("accuracy    1.000   macro F1 1.000"))
        #expect(result.stdout.contains("skipped 1 file"))
        #expect(result.stdout.contains("never fired (1): unused"))
        #expect(result.stdout.contains("PASSED 3 cases"))
    }

    @Test func aFailingFixtureShowsItsEvidenceAndExitsTwo() throws {
        let (directory, rules) = try project(fixtures: [
            "late/wrong.triage": "expect: late\n---\nthe lamp is broken",
            "late/todo.triage": "expect: late\ntodo: needs a slow-shipping rule\n---\nshipping is slow",
            "late/fixed.triage": "expect: late\ntodo: was failing\n---\nit is late",
        ])
        let result = run(["test", directory.path + "/fixtures", "--rules", rules, "--github"])
        #expect(result.code == .testsFailed)
        #expect(result.stdout.contains("FAIL \(directory.path)/fixtures/late/wrong.triage:1  expected late, got broken"))
        #expect(result.stdout.contains("is_broken -> broken +1  'broken' 3:13"))
        #expect(result.stdout.contains("TODO PASSES \(directory.path)/fixtures/late/fixed.triage:1"))
        #expect(!result.stdout.contains("todo.triage:1  expected"))
        #expect(result.stdout.contains("FAILED 1 failing fixture"))
        #expect(result.stdout.contains("::error file=\(directory.path)/fixtures/late/wrong.triage,line=1,title=triage test::expected late, got broken (fired: is_broken -> broken)"))
        #expect(result.stdout.contains("::warning file="))
    }

    @Test func corporaAreGatedByMinimumsAndMalformedLinesAreCounted() throws {
        let corpus = """
        {"id": "1", "text": "my parcel is late", "label": "late"}
        {"id": "2", "text": "cracked screen", "label": "broken"}
        {"id": "3", "text": "hello", "label": "late"}
        {"broken json
        """
        let (directory, rules) = try project(fixtures: [:], extra: ["data.jsonl": corpus])
        let path = directory.path + "/data.jsonl"
        let result = run(["test", path, "--rules", rules, "--min-accuracy", "0.9", "--min-category-f1", "late=0.9"])
        #expect(result.code == .testsFailed)
        #expect(result.stdout.contains("\(path):4: invalid JSON at column 14: unterminated string"))
        #expect(result.stdout.contains("✗ accuracy 0.667 is below the minimum 0.9"))
        #expect(result.stdout.contains("✗ F1 of late 0.667 is below the minimum 0.9"))
        #expect(result.stdout.contains("1 unreadable input"))

        let good = try directory.write("good.csv", "text,label\nmy parcel is late,late\n\"cracked, sadly\",broken\n")
        let passing = run(["test", good, "--rules", rules, "--min-accuracy", "0.9"])
        #expect(passing.code == .ok, "\(passing.stdout)")
    }

    @Test func jsonReportHoldsEverything() throws {
        let (directory, rules) = try project(fixtures: ["late/one.triage": "expect: late\n---\nlate again"])
        let report = directory.path + "/report.json"
        let result = run(["test", directory.path + "/fixtures", "--rules", rules, "--json", report])
        #expect(result.code == .ok)
        let object = try json(String(contentsOfFile: report, encoding: .utf8))
        #expect(object["schema"] as? String == "triage.test-report")
        #expect(object["passed"] as? Bool == true)
        #expect((object["metrics"] as? [String: Any])?["accuracy"] as? Double == 1)
        let cases = try #require(object["cases"] as? [[String: Any]])
        #expect(cases.count == 1)
        #expect(((cases[0]["evidence"] as? [[String: Any]])?.first?["rule"]) as? String == "is_late")
        #expect((object["never_fired"] as? [String])?.contains("unused") == true)
    }

    @Test func baselineFailsOnlyOnNewlyBrokenCases() throws {
        let (directory, rules) = try project(fixtures: [
            "a.triage": "expect: late\n---\nit is late",
            "b.triage": "expect: broken\n---\nit is late",
        ])
        let baseline = directory.path + "/baseline.json"
        let fixtures = directory.path + "/fixtures"
        #expect(run(["test", fixtures, "--rules", rules]).code == .testsFailed)
        let recorded = run(["test", fixtures, "--rules", rules, "--baseline", baseline, "--update-baseline"])
        #expect(recorded.code == .ok)
        #expect(FileManager.default.fileExists(atPath: baseline))
        #expect(run(["test", fixtures, "--rules", rules, "--baseline", baseline]).code == .ok)

        _ = try directory.write("fixtures/a.triage", "expect: late\n---\nit is cracked")
        _ = try directory.write("fixtures/b.triage", "expect: broken\n---\nit is cracked")
        let changed = run(["test", fixtures, "--rules", rules, "--baseline", baseline])
        #expect(changed.code == .testsFailed)
        #expect(changed.stdout.contains("1 newly broken, 1 newly fixed"))
        #expect(changed.stdout.contains("broken \(fixtures)/a.triage:1"))
        #expect(changed.stdout.contains("fixed  \(fixtures)/b.triage:1"))
    }

    @Test func usageAndMissingInputs() throws {
        let (directory, rules) = try project(fixtures: [:])
        #expect(run(["test", "/nonexistent/dir", "--rules", rules]).code == .noInput)
        #expect(run(["test", directory.path + "/*.nothing", "--rules", rules]).code == .noInput)
        #expect(run(["test", directory.path, "--rules", rules, "--min-accuracy", "1.5"]).code == .usage)
        #expect(run(["test", directory.path, "--rules", rules, "--update-baseline"]).code == .usage)
        #expect(run(["test", directory.path, "--rules", rules, "--min-category-f1", "late"]).code == .usage)
        _ = try directory.write("fixtures/readme.md", "no cases here")
        let empty = run(["test", directory.path + "/fixtures", "--rules", rules])
        #expect(empty.code == .noInput)
        #expect(empty.stderr.contains("no fixtures or corpus records found"))
    }

    @Test func malformedFixturesAreReportedAndFailTheRun() throws {
        let (directory, rules) = try project(fixtures: [
            "good.triage": "expect: late\n---\nlate",
            "bad.triage": "expect: late\nexpct: x\n---\nlate",
            "empty.triage": "expect: late\n---\n   ",
        ])
        let result = run(["test", directory.path + "/fixtures", "--rules", rules])
        #expect(result.code == .testsFailed)
        #expect(result.stdout.contains("bad.triage:2: unknown header key 'expct'"))
        #expect(result.stdout.contains("empty.triage:3: the message after '---' is empty"))
        #expect(result.stdout.contains("cases       1 (1 fixtures"))
    }
}
