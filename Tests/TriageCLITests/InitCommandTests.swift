import Foundation
import Testing
@testable import TriageCLI

/// `triage init`: the starter pack is written, passes lint --strict and its own fixtures,
/// and nothing is ever overwritten.
@Suite struct InitCommandTests {
    @Test func theStarterPackPassesLintAndItsFixtures() throws {
        let directory = try TemporaryDirectory()
        let pack = directory.path + "/airline"
        let result = run(["init", pack, "--name", "Airline support"])
        #expect(result.code == .ok, "\(result.stderr)")
        #expect(result.stdout.contains("created \(pack)/categories.rules"))
        #expect(try String(contentsOfFile: pack + "/README.md", encoding: .utf8).hasPrefix("# Airline support\n"))

        let lint = run(["lint", "--strict", pack])
        #expect(lint.code == .ok, "\(lint.stdout)\(lint.stderr)")
        let format = run(["fmt", "--check", pack])
        #expect(format.code == .ok, "\(format.stdout)\(format.stderr)")
        let test = run(["test", "--rules", pack, pack, "--no-progress"])
        #expect(test.code == .ok, "\(test.stdout)\(test.stderr)")
        #expect(test.stdout.contains("PASSED 5 cases"))
        let classify = run(["classify", "--rules", pack, "I was charged twice and cannot log in"])
        #expect(classify.stdout.hasPrefix("billing.wrong_charge"))
    }

    @Test func aDirectoryWithFilesIsNeverTouched() throws {
        let directory = try TemporaryDirectory()
        let existing = try directory.write("notes.txt", "mine")
        let result = run(["init", directory.path])
        #expect(result.code == .cannotCreate)
        #expect(result.stderr.contains("is not empty; triage init never overwrites files"))
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "mine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["notes.txt"])
    }

    /// The worked example of docs/authoring.md stays true.
    @Test func theAuthoringGuideExamplePassesLintAndItsFixtures() throws {
        let pack = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/examples/airline").path
        let lint = run(["lint", "--strict", pack])
        #expect(lint.code == .ok, "\(lint.stdout)\(lint.stderr)")
        #expect(run(["fmt", "--check", pack]).code == .ok)
        let test = run(["test", "--rules", pack, pack, "--no-progress"])
        #expect(test.code == .ok, "\(test.stdout)")
        let explain = run(["classify", "--rules", pack, "--explain", "The flight was 4 hours late and now my luggage is missing"])
        #expect(explain.stdout.contains("decision  baggage.lost reaches the threshold 3 with 3 and outranks flight.delayed (score 3), which is secondary"))
    }

    @Test func theNameDefaultsToTheDirectory() throws {
        let directory = try TemporaryDirectory()
        #expect(run(["init", directory.path + "/returns-desk"]).code == .ok)
        #expect(try String(contentsOfFile: directory.path + "/returns-desk/README.md", encoding: .utf8).hasPrefix("# returns-desk\n"))
    }
}
