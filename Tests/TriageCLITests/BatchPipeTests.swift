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
}
