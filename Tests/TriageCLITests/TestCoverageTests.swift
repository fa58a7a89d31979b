import Foundation
import Testing
@testable import TriageCLI

/// `triage test --coverage`: rules fired, patterns and word-list entries matched, per rule
/// file, in text, JSON and HTML.
@Suite struct TestCoverageTests {
    static let pack = """
    settings { threshold 1 }
    spelling { recieved -> received }
    category other "Other" { playbook general }
    category late "Late" { playbook general }
    playbook general { step chat "Ask us." }
    rule late_words -> late {
      when words fuzzy { delayed overdue "not received" deliver* }
        or /\\blate\\b/
    }
    rule never -> late { when words { zzzz } }
    """

    func project() throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("pack.rules", Self.pack)
        _ = try directory.write("fixtures/a.triage", "expect: late\n---\nmy parcel is delayd")       // fuzzy: delayed
        _ = try directory.write("fixtures/b.triage", "expect: late\n---\nit is late and not recieved")  // regex, spelling
        _ = try directory.write("fixtures/c.triage", "expect: late\n---\nthey never delivered it")     // wildcard
        _ = try directory.write("fixtures/d.triage", "expect: other\n---\nthanks for the help")
        return (directory, rules)
    }

    @Test func textCountsRulesPatternsAndEntriesAndListsWhatNeverMatched() throws {
        let (directory, rules) = try project()
        let result = run(["test", directory.path + "/fixtures", "--rules", rules, "--coverage"])
        #expect(result.code == .ok, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("coverage over 4 cases: rules fired 1/2 (50 %), patterns matched 2/3 (67 %), word-list entries matched 3/5 (60 %)"), "\(result.stdout)")
        #expect(result.stdout.contains("never fired: never (10)"))
        #expect(result.stdout.contains("word-list entries that matched nothing (2)"))
        #expect(result.stdout.contains("\(rules):7:30  'overdue'"))
        #expect(result.stdout.contains("\(rules):10:35  'zzzz'"))
    }

    @Test func jsonHasCountsPerRulePatternAndEntry() throws {
        let (directory, rules) = try project()
        let report = directory.path + "/r.json"
        _ = run(["test", directory.path + "/fixtures", "--rules", rules, "--coverage", "--json", report])
        let value = try json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: report)), as: UTF8.self))
        let coverage = try #require(value["coverage"] as? [String: Any])
        #expect(coverage["cases"] as? Int == 4)
        let file = try #require((coverage["files"] as? [[String: Any]])?.first)
        let rulesFired = (file["rules"] as? [[String: Any]])?.map { "\($0["name"]!)=\($0["fired"]!)" }
        #expect(rulesFired == ["late_words=3", "never=0"])
        let words = (file["words"] as? [[String: Any]])?.map { "\($0["text"]!)=\($0["matched"]!)" }
        #expect(words == ["delayed=1", "overdue=0", "not received=1", "deliver*=1", "zzzz=0"])
        let patterns = (file["patterns"] as? [[String: Any]])?.map { "\($0["line"]!):\($0["matched"]!)" }
        #expect(patterns == ["7:3", "8:1", "10:0"])
        let without = directory.path + "/plain.json"
        _ = run(["test", directory.path + "/fixtures", "--rules", rules, "--json", without])
        let plain = try json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: without)), as: UTF8.self))
        #expect(plain["coverage"] is NSNull)
    }

    @Test func htmlShowsTheRuleFileColouredByCoverage() throws {
        let (directory, rules) = try project()
        let report = directory.path + "/r.html"
        _ = run(["test", directory.path + "/fixtures", "--rules", rules, "--coverage", "--html", report])
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("<section id=\"coverage\">"))
        #expect(html.contains("<span class=\"cov-miss\" title=\"rule never: fired 0; pattern at column 27: matched 0; &#39;zzzz&#39;: matched 0\"><span class=\"ln\">10</span>"), "\(html.suffix(3000))")
        #expect(html.contains("<span class=\"cov-hit\""))
        #expect(html.contains("<span class=\"cov-none\"><span class=\"ln\">1</span>settings { threshold 1 }</span>"))
    }
}
