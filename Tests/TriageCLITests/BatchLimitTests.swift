import Foundation
import Testing
@testable import TriageCLI

/// Issue 14, item 3: a batch record whose evaluation hit a PCRE2 limit or the time budget
/// says so on its own line, without `--full`; the summary counts them; results do not depend
/// on `--jobs` except through a budget the record reports.
@Suite struct BatchLimitTests {
    // `slow` ends in a class, not `\d`: a pattern that needs a digit is not run on texts without one.
    static let rules = """
    settings { threshold 1 normalize off }
    category other "Other" { playbook p }
    category late "Late" { playbook p }
    category bad "Bad" { playbook p }
    playbook p { step chat "x" }
    rule is_late -> late { when words { late } }
    rule slow -> bad { when /(?:a|b)*(?:a|b)*c[\\d!]/ weight 5 }
    rule evil -> bad { when /(a|aa)+$/ weight 5 }
    """

    static func records() -> String {
        let slow = Array(repeating: String(repeating: "a", count: 1_000) + "c", count: 40).joined(separator: " ")
        var lines: [String] = []
        for index in 0..<12 {
            let text = index % 4 == 1 ? "late " + slow : index % 4 == 2 ? "late " + String(repeating: "a", count: 60) + "!" : "my parcel is late \(index)"
            lines.append("{\"id\": \(index), \"text\": \"\(text)\"}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func everyRecordCarriesItsLimitsAndBudgetAndTheSummaryCountsThem() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("slow.rules", Self.rules)
        let input = try directory.write("in.jsonl", Self.records())
        var outputs: [[String]] = []
        for jobs in ["1", "3"] {
            let result = run(["batch", "--rules", rules, "--time-budget", "0.2", "--jobs", jobs, input])
            #expect(result.code == .ok)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 12)
            for (index, line) in lines.enumerated() {
                let object = try json(line)
                switch index % 4 {
                case 1:
                    #expect(object["budget_exceeded"] as? Bool == true, "\(line)")
                    #expect((object["not_evaluated"] as? [String])?.contains("slow") == true)
                    let limits = try #require(object["limits"] as? [[String: Any]])
                    #expect(limits.contains { $0["limit"] as? String == "time_budget" && ($0["rules"] as? [String]) == ["slow"] })
                case 2:
                    #expect((object["limits"] as? [[String: Any]])?.first?["limit"] as? String == "match_limit", "\(line)")
                default:
                    #expect(object["limits"] == nil && object["budget_exceeded"] == nil, "\(line)")
                }
            }
            #expect(result.stderr.contains("6 records hit a pattern limit, 3 ran out of the time budget"), "\(result.stderr)")
            outputs.append(lines)
        }
        // Same answers whatever the number of workers, except where a record says its budget ran out.
        for (one, three) in zip(outputs[0], outputs[1]) where !one.contains("budget_exceeded") && !three.contains("budget_exceeded") {
            #expect(one == three)
        }
    }

    @Test func aBadTimeBudgetIsAUsageError() {
        #expect(run(["batch", "--time-budget", "0", "-"], stdin: "{}\n").code == .usage)
    }
}
