import Foundation
import Testing
@testable import TriageCLI
import TriageEvaluation

/// `triage test --holdout`: tuned and held-out corpus records side by side.
@Suite struct TestHoldoutTests {
    @Test func bothPartsAreScoredSideBySide() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("p.rules", """
        category other "Other" { playbook p }
        category late "Late" { playbook p }
        playbook p { step chat "x" }
        rule r -> late { when "late" weight 3 }
        """)
        let lines = (0..<40).map { index in
            "{\"id\": \"\(index)\", \"text\": \"\(index % 2 == 0 ? "it is late" : "hello")\", \"label\": \"\(index % 3 == 0 ? "late" : "other")\"}"
        }
        let corpus = try directory.write("c.jsonl", lines.joined(separator: "\n") + "\n")
        let result = run(["test", corpus, "--rules", rules, "--holdout", "0.3", "--no-progress"])
        let heldOut = (0..<40).filter { HoldoutSplit.hash(String($0)) % 10_000 < 3_000 }.count
        #expect(result.stdout.contains("held out \(heldOut) of 40 corpus records (30 % by a hash of the record id)"))
        #expect(result.stdout.contains("tuned on      held out      gap"))
        #expect(result.stdout.contains("  accuracy  "))
        #expect(run(["test", corpus, "--rules", rules, "--holdout", "1"]).code == .usage)
        #expect(run(["test", corpus, "--rules", rules, "--now", "2026-02-30"]).code == .usage)
    }
}

@Suite struct NowOptionTests {
    @Test func batchCountsRelativeDatesFromNow() {
        let result = run(["batch", "--now", "2026-12-05", "--input", "lines", "-"], stdin: "my parcel was due next friday\n")
        #expect(result.stdout.contains("{\"name\":\"date\",\"value\":\"2026-12-11\"}"), "\(result.stdout)\(result.stderr)")
        #expect(run(["batch", "--now", "tomorrow", "-"], stdin: "x\n").code == .usage)
    }
}
