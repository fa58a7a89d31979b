import Foundation
import Testing
import TriageTestSupport
@testable import TriageCLI

@Suite struct SuggestCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TriageSuggestTests/Fixtures").path
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens").path
    let arguments = ["suggest", "--rules", fixtures + "/pack.rules", fixtures + "/corpus.jsonl"]

    /// Paths in the output depend on the checkout; the goldens keep them relative.
    func relative(_ text: String) -> String {
        text.replacingOccurrences(of: Self.fixtures + "/", with: "")
    }

    @Test func jsonOutputMatchesTheGolden() throws {
        let result = run(arguments + ["--format", "json"])
        #expect(result.code == .ok)
        #expect(result.stderr.isEmpty)
        let object = try json(result.stdout)
        #expect(object["schema"] as? String == "triage.suggest")
        GoldenFile.check(relative(result.stdout), against: Self.goldens + "/suggest.json")
    }

    @Test func textOutputMatchesTheGolden() {
        let result = run(arguments + ["--color", "never"])
        #expect(result.code == .ok)
        GoldenFile.check(relative(result.stdout), against: Self.goldens + "/suggest.txt")
    }

    @Test func colourOnlyWhenAsked() {
        #expect(run(arguments + ["--color", "always"]).stdout.contains("\u{1B}["))
        #expect(!run(arguments).stdout.contains("\u{1B}["))
    }

    @Test func optionsAreChecked() {
        let holdout = run(arguments + ["--holdout", "1"])
        #expect(holdout.code == .usage)
        #expect(holdout.stderr.hasPrefix("error: invalid value '1' for '--holdout'. expected a number from 0 to below 1"))
        #expect(run(arguments + ["--min-support", "0"]).code == .usage)
        #expect(run(arguments + ["--limit", "x"]).code == .usage)
        let category = run(arguments + ["--category", "lat"])
        #expect(category.code == .usage)
        #expect(category.stderr.hasPrefix("error: unknown category 'lat'. did you mean 'late'?"))
        #expect(run(["suggest"]).code == .usage)
        #expect(run(["suggest", "/no/such/corpus.jsonl"]).code == .noInput)
    }

    @Test func helpListsTheOptions() {
        let help = run(["help", "suggest"])
        #expect(help.code == .ok)
        for option in ["--category", "--min-support", "--limit", "--holdout", "--format", "--rules"] {
            #expect(help.stdout.contains(option), "\(option)")
        }
        #expect(run(["--help"]).stdout.contains("suggest"))
    }
}
