import Foundation
import Testing
@testable import TriageCLI

/// `triage test --filter` (in-process) and `--watch` (through the binary, with inotify and
/// with polling).
@Suite struct TestFilterAndWatchTests {
    let directory: TemporaryDirectory
    let rules: String

    init() throws {
        directory = try TemporaryDirectory()
        rules = try directory.write("pack.rules", smallRulePack)
        _ = try directory.write("fixtures/late/slow-parcel.triage", "expect: late\n---\nmy parcel is late")
        _ = try directory.write("fixtures/late/wrong-answer.triage", "expect: late\n---\nthe lamp is broken")
        _ = try directory.write("fixtures/broken/cracked-mug.triage", "expect: broken\n---\nthe mug came cracked")
    }

    @Test func filterRunsOnlyTheMatchingCasesAndSaysHowManyWereLeftOut() throws {
        let result = run(["test", directory.path + "/fixtures", "--rules", rules, "--filter", "MUG"])
        #expect(result.code == .ok, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("cases       1 (1 fixtures, 0 corpus records)"))
        #expect(result.stdout.contains("filtered out 2 cases (--filter): the metrics cover only the 1 that ran"))
        #expect(!result.stdout.contains("never fired"), "a filtered run does not list rules it gave no chance")
    }

    @Test func filterMatchesTheLabelAndAnyOfSeveralTexts() throws {
        let byLabel = run(["test", directory.path + "/fixtures", "--rules", rules, "--filter", "late"])
        #expect(byLabel.code == .testsFailed)
        #expect(byLabel.stdout.contains("cases       2 "))
        let either = run(["test", directory.path + "/fixtures", "--rules", rules, "--filter", "slow", "--filter", "cracked"])
        #expect(either.code == .ok, "\(either.stdout)")
        #expect(either.stdout.contains("cases       2 "))
    }

    @Test func aFilterThatMatchesNothingIsAnError() throws {
        let result = run(["test", directory.path + "/fixtures", "--rules", rules, "--filter", "nothing-like-this"])
        #expect(result.code == .noInput)
        #expect(result.stderr.contains("no case matches --filter 'nothing-like-this' (3 cases read)"))
    }

    @Test func filterRefusesToRewriteABaseline() throws {
        let baseline = directory.path + "/baseline.json"
        let result = run(["test", directory.path + "/fixtures", "--rules", rules, "--filter", "mug", "--baseline", baseline, "--update-baseline"])
        #expect(result.code == .usage)
        #expect(result.stderr.contains("--update-baseline cannot be used with --filter"))
    }

    @Test func filteredCasesAreNotReportedAsGoneFromTheBaseline() throws {
        let baseline = directory.path + "/baseline.json"
        _ = run(["test", directory.path + "/fixtures", "--rules", rules, "--baseline", baseline, "--update-baseline"])
        let result = run(["test", directory.path + "/fixtures", "--rules", rules, "--baseline", baseline, "--filter", "mug", "--json", directory.path + "/r.json"])
        #expect(result.code == .ok, "\(result.stdout)")
        let report = try json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: directory.path + "/r.json")), as: UTF8.self))
        let comparison = try #require(report["baseline"] as? [String: Any])
        #expect((comparison["removed"] as? [Any])?.isEmpty == true)
        #expect((report["summary"] as? [String: Any])?["filtered_out"] as? Int == 2)
    }

    @Test(arguments: ["inotify", "polling"])
    func watchRunsAgainWhenAFixtureChanges(mechanism: String) throws {
        let path = try #require(BinaryTests.executable, "the triage executable was not built")
        let watched = try TemporaryDirectory()
        let fixture = try watched.write("fixtures/broken/cracked-mug.triage", "expect: broken\n---\nthe mug came cracked")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["test", "--watch", "--no-progress", "--rules", rules, watched.path + "/fixtures"]
        process.environment = mechanism == "polling" ? ["TRIAGE_WATCH_POLL": "1"] : [:]
        // Files, not pipes: the test reads what was written so far while the process runs.
        let stdout = OutputFile(try watched.write("stdout.txt", "")), stderr = OutputFile(try watched.write("stderr.txt", ""))
        process.standardOutput = try FileHandle(forWritingTo: stdout.url)
        process.standardError = try FileHandle(forWritingTo: stderr.url)
        try process.run()
        defer {
            // SIGKILL: a child of the test runner may inherit SIGTERM blocked.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        #expect(stderr.waitFor("(\(mechanism)); press Ctrl-C to stop"), "\(stderr.text)")
        #expect(stdout.text.contains("PASSED 1 cases"))
        // Break the fixture the way an editor saves: write a new file and rename it over.
        try Data("expect: late\n---\nthe mug came cracked".utf8).write(to: URL(fileURLWithPath: fixture), options: .atomic)
        #expect(stdout.waitFor("FAILED 1 failing fixture"), "\(stdout.text)\n\(stderr.text)")
        #expect(stdout.text.contains("changed: '\(fixture)'; running again"))
        #expect(!stdout.text.contains("\u{1B}[2J"), "the screen is cleared only on a terminal")
    }
}

/// A file a child process writes to, read while it runs.
struct OutputFile {
    let url: URL

    init(_ path: String) {
        url = URL(fileURLWithPath: path)
    }

    var text: String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

    /// Waits up to `seconds` for `needle` to appear.
    func waitFor(_ needle: String, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if text.contains(needle) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return text.contains(needle)
    }
}
