import Foundation
import Testing
@testable import TriageCLI

/// Issue 14, item 7: `triage batch` in pipelines — a closed pipe is a normal end, a byte
/// order mark is skipped, plain text on standard input gets a hint.
@Suite struct BatchPipeTests {
    @Test func aByteOrderMarkAtTheStartIsSkipped() throws {
        let bom = Data([0xEF, 0xBB, 0xBF])
        let jsonl = run(["batch", "-q"], stdinData: bom + Data("{\"id\": 1, \"text\": \"my parcel is late\"}\n".utf8))
        #expect(jsonl.code == .ok, "\(jsonl.stdout)")
        #expect(try json(jsonl.stdout)["category"] as? String == "delivery.late")
        let csv = run(["batch", "-q", "--input", "csv"], stdinData: bom + Data("text,id\nmy parcel is late,1\n".utf8))
        #expect(csv.code == .ok, "\(csv.stdout)")
        #expect((try json(csv.stdout)["input"] as? [String: Any])?["id"] as? String == "1")
    }

    @Test func plainTextOnStandardInputGetsAHint() {
        let result = run(["batch"], stdin: "my parcel is late\nwhere is my refund\n")
        #expect(result.code == .dataError)
        #expect(result.stderr.contains("hint: standard input is read as JSON Lines and no record was JSON; for one message per line, use --input lines"))
        #expect(!run(["batch"], stdin: "{\"text\": \"late\"}\nnot json\n").stderr.contains("hint:"))
    }

    @Test func aReaderThatGoesAwayIsANormalEnd() throws {
        let path = try #require(BinaryTests.executable)
        let directory = try TemporaryDirectory()
        let input = try directory.write("big.jsonl", String(repeating: "{\"text\": \"my parcel is late\"}\n", count: 50_000))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        // With pipefail, the pipeline's status is triage's: 74 with "cannot write the results" before.
        let script = "set -o pipefail; \"$0\" batch -q \"$1\" | head -1 >/dev/null"
        process.arguments = ["-c", script, path, input]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(err.isEmpty, "\(err)")
        #expect(process.terminationStatus == 0)
    }

    /// Issue 14, item 7: SIGTERM or SIGINT while the output goes into a pipe that is read
    /// slowly stops the run at a whole line — it used to die in the middle of a line — and
    /// exits 143 (130) saying how many records were written.
    @Test(arguments: [SIGTERM, SIGINT])
    func aStopSignalEndsTheOutputAtAWholeLine(signal: Int32) throws {
        let path = try #require(BinaryTests.executable)
        let directory = try TemporaryDirectory()
        let rules = try directory.write("pack.rules", smallRulePack)
        let line = "my parcel is late and the box came broken, please send a new one " + String(repeating: "x", count: 40) + "\n"
        let input = try directory.write("big.txt", String(repeating: line, count: 50_000))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["batch", "--rules", rules, "--input", "lines", input]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The first bytes: triage is writing and, with nobody reading, soon blocked on the pipe.
        var received = try output.fileHandleForReading.read(upToCount: 1000) ?? Data()
        kill(process.processIdentifier, signal)
        received += output.fileHandleForReading.readDataToEndOfFile()
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationReason == .exit, "killed by the signal instead of stopping")
        #expect(process.terminationStatus == (signal == SIGTERM ? 143 : 130), "\(err)")
        #expect(received.last == UInt8(ascii: "\n"), "the output ends in the middle of a line")
        let lines = received.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count < 50_000)
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line))) is [String: Any], "not a JSON line: \(String(decoding: line, as: UTF8.self))")
        }
        let name = signal == SIGTERM ? "SIGTERM" : "SIGINT"
        #expect(err == "error: interrupted by \(name): \(lines.count) records written, the output is incomplete\n", "\(err)")
    }
}
