import Foundation
import Testing
import TriageTestSupport
@testable import TriageCLI

/// Every command that writes to standard output says so when it cannot (a full disk, a closed
/// pipe) and exits 74: in-process with a failing stream, and through the binary on /dev/full.
@Suite struct OutputFailureTests {
    let directory: TemporaryDirectory
    let rules: String
    let fixture: String
    let unformatted: String

    init() throws {
        directory = try TemporaryDirectory()
        rules = try directory.write("pack.rules", smallRulePack)
        fixture = try directory.write("late.triage", "expect: late\n---\nmy parcel is late\n")
        unformatted = try directory.write("messy.rules", "category   other \"Other\" { playbook general }\nplaybook general { step chat \"Hi.\" }\n")
    }

    func runFailing(_ arguments: [String], errno: Int32 = ENOSPC, stdin: String? = nil) -> RunResult {
        let io = CommandIO.captured(stdin: stdin, failingStdout: errno)
        let code = TriageCommand.run(arguments, io: io)
        return RunResult(code: code, stdout: io.stdout, stderr: io.stderr)
    }

    static let suggestFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TriageSuggestTests/Fixtures").path

    @Test func everyCommandThatWritesResultsReportsAFullDisk() {
        let cases: [(arguments: [String], stdin: String?, message: String)] = [
            (["classify", "--rules", rules, "my parcel is late"], nil, "error: cannot write the result: no space left on device"),
            (["classify", "--rules", rules, "--format", "json", "my parcel is late"], nil, "error: cannot write the result: no space left on device"),
            (["lint", rules], nil, "error: cannot write the report: no space left on device"),
            (["lint", "--format", "sarif", rules], nil, "error: cannot write the report: no space left on device"),
            (["lint", "--list"], nil, "error: cannot write the output: no space left on device"),
            (["test", "--rules", rules, "--verbose", fixture], nil,
             "error: cannot write the report: no space left on device; 1 case was checked and 0 input problems found, but the report is incomplete"),
            (["fmt", "--diff", unformatted], nil, "error: cannot write the output: no space left on device"),
            (["fmt", "-"], "category   other \"Other\" { playbook general }\n", "error: cannot write the output: no space left on device"),
            (["pack", "list"], nil, "error: cannot write the output: no space left on device"),
            (["suggest", "--rules", Self.suggestFixtures + "/pack.rules", Self.suggestFixtures + "/corpus.jsonl"], nil,
             "error: cannot write the report: no space left on device"),
            (["completion", "bash"], nil, "error: cannot write the output: no space left on device"),
            (["help", "--man"], nil, "error: cannot write the output: no space left on device"),
            (["help", "lint"], nil, "error: cannot write the output: no space left on device"),
            (["--version"], nil, "error: cannot write the output: no space left on device"),
        ]
        for (arguments, stdin, message) in cases {
            let result = runFailing(arguments, stdin: stdin)
            #expect(result.code == .ioError, "\(arguments)")
            #expect(result.stderr.contains(message + "\n"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.components(separatedBy: "cannot write").count == 2, "reported once: \(arguments)")
        }
    }

    @Test func aClosedPipeIsNamedAsSuch() {
        let result = runFailing(["classify", "--rules", rules, "my parcel is late"], errno: EPIPE)
        #expect(result.code == .ioError)
        #expect(result.stderr.contains("error: cannot write the result: standard output was closed"))
        let other = runFailing(["classify", "--rules", rules, "my parcel is late"], errno: EIO)
        #expect(other.stderr.contains("error: cannot write the result: input/output error"))
    }

    @Test func batchKeepsItsOwnCountsAndAReaderThatGoesAwayIsQuiet() throws {
        let input = try directory.write("two.jsonl", #"{"text": "late"}"# + "\n" + #"{"text": "cracked"}"# + "\n")
        let full = runFailing(["batch", "--quiet", "--rules", rules, input])
        #expect(full.code == .ioError)
        #expect(full.stderr.contains("error: cannot write the results: no space left on device; stopped after classifying 2 records"))
        let gone = runFailing(["batch", "--quiet", "--rules", rules, input], errno: EPIPE)
        #expect(gone.code == .ok)
        #expect(gone.stderr.isEmpty)
    }

    @Test func writingNothingIsNotAFailure() throws {
        // `fmt --diff` on a formatted file prints nothing, so nothing fails.
        let canonical = try directory.write("canonical.rules", run(["fmt", "-"], stdin: smallRulePack).stdout)
        let formatted = runFailing(["fmt", "--diff", canonical])
        #expect(formatted.code == .ok)
        #expect(formatted.stderr.isEmpty)
    }

    // MARK: The binary on /dev/full

    func launch(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let path = try #require(BinaryTests.executable, "the triage executable was not built")
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = full
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }

    @Test func theBinaryOnDevFullSaysWhy() throws {
        let classify = try launch(["classify", "--rules", rules, "my parcel is late"])
        #expect(classify.status == 74)
        #expect(classify.stderr == "error: cannot write the result: no space left on device\n")
        let lint = try launch(["lint", "--format", "json", rules])
        #expect(lint.status == 74)
        #expect(lint.stderr == "error: cannot write the report: no space left on device\n")
        let pack = try launch(["pack", "list"])
        #expect(pack.status == 74)
        #expect(pack.stderr == "error: cannot write the output: no space left on device\n")
    }
}
