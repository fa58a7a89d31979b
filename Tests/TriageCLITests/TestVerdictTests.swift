import Foundation
import Testing
@testable import TriageCLI

/// Issue 14, item 8: `triage test` must not pass too easily.
@Suite struct TestVerdictTests {
    @Test func aCorpusWithoutGatesSaysNoGatesSetInsteadOfEveryMinimumMet() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("small.rules", smallRulePack)
        // One of three right: 33 % accuracy.
        let corpus = try directory.write("c.jsonl", """
        {"text": "it is late", "label": "late"}
        {"text": "it is late", "label": "broken"}
        {"text": "hello", "label": "broken"}

        """)
        let result = run(["test", "--rules", rules, corpus, "--html", directory.path + "/r.html"])
        #expect(result.code == .ok)
        #expect(result.stdout.contains("PASSED 3 cases; no gates set: corpus records are not checked"), "\(result.stdout)")
        let html = try String(contentsOfFile: directory.path + "/r.html", encoding: .utf8)
        #expect(!html.contains("every minimum was met"))
        #expect(html.contains("no gates set"))
        let gated = run(["test", "--rules", rules, corpus, "--min-accuracy", "0.3"])
        #expect(gated.code == .ok)
        #expect(!gated.stdout.contains("no gates set"))
    }

    @Test func aLabelThatIsNotACategoryIsAnErrorWithDidYouMean() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("small.rules", smallRulePack)
        let corpus = try directory.write("c.jsonl", "{\"text\": \"it is late\", \"label\": \"lat\"}\n{\"text\": \"it is late\", \"label\": \"late\"}\n")
        let fixture = try directory.write("a.triage", "expect: late\nsecondary: brokn\n---\nit is late\n")
        let result = run(["test", "--rules", rules, corpus, fixture])
        #expect(result.code == .testsFailed)
        #expect(result.stdout.contains("c.jsonl:1: label 'lat' is not a category of the pack. did you mean 'late'?"), "\(result.stdout)")
        #expect(result.stdout.contains("a.triage:1: secondary label 'brokn' is not a category of the pack. did you mean 'broken'?"))
        #expect(result.stdout.contains("cases       1 "))
    }
}
