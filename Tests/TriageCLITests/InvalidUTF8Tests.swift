import Foundation
import Testing
@testable import TriageCLI

/// Issue 14, item 6: a message with one stray Latin-1 byte is classified on every input path,
/// decoded with U+FFFD and flagged `input_repaired`; `--strict-utf8` keeps the refusal.
@Suite struct InvalidUTF8Tests {
    static let message = Data("my parcel is late, caf".utf8) + Data([0xE9]) + Data(" closed\n".utf8)

    @Test func classifyRepairsAFileAndStandardInputAndSaysSo() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("bad.txt", data: Self.message)
        for arguments in [["classify", "--format", "json", "--file", file], ["classify", "--format", "json", "-"]] {
            let io = CommandIO.captured(stdinData: Self.message)
            #expect(TriageCommand.run(arguments, io: io) == .ok)
            let object = try json(io.stdout)
            #expect(object["warnings"] as? [String] == ["input_repaired"])
            #expect((object["category"] as? [String: Any])?["id"] as? String == "delivery.late")
            #expect(io.stderr.contains("warning: [input_repaired] "), "\(io.stderr)")
            #expect(io.stderr.contains(":1:23: input is not valid UTF-8 (byte 0xE9 at offset 22); each invalid byte was replaced with U+FFFD"))
        }
        let strict = CommandIO.captured(stdinData: Self.message)
        #expect(TriageCommand.run(["classify", "--strict-utf8", "--file", file], io: strict) == .dataError)
        #expect(strict.stderr.contains("input is not valid UTF-8 (byte 0xE9 at offset 22)"))
        #expect(try json(run(["classify", "--format", "json", "late parcel"]).stdout)["warnings"] as? [String] == [])
    }

    @Test func batchRepairsJSONLinesAndCSVRecords() throws {
        let directory = try TemporaryDirectory()
        let bad = Data([0xE9])
        let jsonl = try directory.write("in.jsonl", data: Data("{\"id\": 1, \"text\": \"my parcel is late caf".utf8) + bad + Data("\"}\n".utf8))
        let lines = try directory.write("in.txt", data: Data("my parcel is late caf".utf8) + bad + Data("\n".utf8))
        let csv = try directory.write("in.csv", data: Data("id,text\n1,\"my parcel is late caf".utf8) + bad + Data("\"\n".utf8))
        for file in [jsonl, lines, csv] {
            let result = run(["batch", "-q", file])
            #expect(result.code == .ok, "\(result.stdout)")
            let object = try json(result.stdout)
            #expect(object["warnings"] as? [String] == ["input_repaired"], "\(result.stdout)")
            #expect(object["category"] as? String == "delivery.late")
            let strict = run(["batch", "-q", "--strict-utf8", file])
            #expect(strict.code == .dataError)
            #expect((try json(strict.stdout)["error"] as? String)?.contains("not valid UTF-8: byte 0xE9") == true, "\(strict.stdout)")
        }
    }
}
