import Foundation
import Testing
@testable import TriageCLI

/// `triage test` when its input or output misbehaves: every record read is either a case
/// in the results or an input problem in the report, and output that cannot be written is
/// an error with a message, never a silent short report.
@Suite struct TestStreamFaultTests {
    static let rules = """
    settings { threshold 1 }
    category other "Other" { playbook general }
    category late "Late" { playbook general }
    playbook general { step chat "Ask us." }
    rule is_late -> late { when words { late } }
    """

    /// Four records: one good; invalid UTF-8 in the middle of a line; a 50 MB line; and a
    /// last line cut off mid-record, without a line break.
    static func brokenCorpus() -> Data {
        var data = Data(#"{"id": "1", "text": "my parcel is late", "label": "late"}"#.utf8 + [0x0A])
        data += Data(#"{"id": "2", "text": "caf"#.utf8) + [0xC3, 0x28] + Data(#" late", "label": "late"}"#.utf8 + [0x0A])
        data += Data(#"{"id": "3", "label": "late", "text": ""#.utf8) + Data(repeating: UInt8(ascii: "a"), count: 50_000_000) + Data(#""}"#.utf8 + [0x0A])
        data += Data(#"{"id": "4", "text": "late ag"#.utf8)
        return data
    }

    @Test func aBrokenCorpusReportsEveryRecordAsACaseOrAProblem() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("pack.rules", Self.rules)
        let corpus = try directory.write("broken.jsonl", data: Self.brokenCorpus())
        // The line that is not UTF-8 is classified with U+FFFD in place of its bad bytes (issue 14, item 6).
        let result = run(["test", corpus, "--rules", rules, "--no-progress"])
        #expect(result.code == .testsFailed)
        #expect(result.stdout.contains("cases       2 (0 fixtures, 2 corpus records) in"))
        #expect(result.stdout.contains(", 1 with input repaired\n"))
        #expect(result.stdout.contains("input problems (2)"))
        #expect(result.stdout.contains("input repaired (1)"))
        #expect(result.stdout.contains("warning [input_repaired] \(corpus):2: input is not valid UTF-8 (byte 0xC3 at column 25); each invalid byte was replaced with U+FFFD"))
        #expect(result.stdout.contains("\(corpus):3: line is longer than the 32 MiB message limit (50000040 bytes)"))
        #expect(result.stdout.contains("\(corpus):4: invalid JSON at column 29: unterminated string"))
        #expect(result.stdout.contains("2 unreadable inputs"))

        // --strict-utf8: as before, an input problem.
        let strict = run(["test", corpus, "--rules", rules, "--no-progress", "--strict-utf8"])
        #expect(strict.code == .testsFailed)
        #expect(strict.stdout.contains("cases       1 (0 fixtures, 1 corpus records)"))
        #expect(strict.stdout.contains("input problems (3)"))
        #expect(strict.stdout.contains("\(corpus):2: line is not valid UTF-8"))
        #expect(!strict.stdout.contains("input repaired"))
        #expect(strict.stdout.contains("3 unreadable inputs"))
    }

    @Test func aBrokenCSVCorpusReportsEveryRecordAsACaseOrAProblem() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("pack.rules", Self.rules)
        var data = Data("text,label\nmy parcel is late,late\ncaf".utf8) + [0xC3, 0x28] + Data(" late,late\n\"".utf8)
        data += Data(repeating: UInt8(ascii: "a"), count: 34_000_000) + Data("\",late\n\"late ag".utf8)
        let corpus = try directory.write("broken.csv", data: data)
        let result = run(["test", corpus, "--rules", rules, "--no-progress"])
        #expect(result.code == .testsFailed)
        #expect(result.stdout.contains("cases       2 (0 fixtures, 2 corpus records) in"))
        #expect(result.stdout.contains("warning [input_repaired] \(corpus):3: input is not valid UTF-8 (byte 0xC3 at column 4); each invalid byte was replaced with U+FFFD"))
        #expect(result.stdout.contains("\(corpus):4: the message is larger than the 32 MiB message limit (34000000 bytes)"))
        #expect(result.stdout.contains("\(corpus):5: unterminated quoted field"))

        let strict = run(["test", corpus, "--rules", rules, "--no-progress", "--strict-utf8"])
        #expect(strict.code == .testsFailed)
        #expect(strict.stdout.contains("cases       1 (0 fixtures, 1 corpus records)"))
        #expect(strict.stdout.contains("\(corpus):3: line is not valid UTF-8"))
    }

    /// Issue 14, item 6: a fixture or corpus record with a stray Latin-1 byte is classified,
    /// repaired, and counted in the text and JSON reports; a header row that is not UTF-8
    /// names its columns wrongly and stays a problem.
    @Test func bytesThatAreNotUTF8AreRepairedInFixturesAndCorporaAndCounted() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("pack.rules", Self.rules)
        _ = try directory.write("cases/fine.triage", "expect: late\n---\nstill late\n")
        _ = try directory.write("cases/cafe.triage", data: Data("expect: late\n---\nmy caf".utf8) + [0xE9] + Data(" order is late\n".utf8))
        _ = try directory.write("cases/latin1.csv", data: Data("text,label\n\"na".utf8) + [0xEF] + Data("ve\nand late\",late\n".utf8))
        let report = directory.path + "/report.json"
        let result = run(["test", directory.path + "/cases", "--rules", rules, "--no-progress", "--json", report])
        #expect(result.code == .ok, "\(result.stdout)")
        #expect(result.stdout.contains("cases       3 (2 fixtures, 1 corpus records) in"))
        #expect(result.stdout.contains(", 2 with input repaired\n"))
        #expect(result.stdout.contains("cafe.triage:3: input is not valid UTF-8 (byte 0xE9 at column 7); each invalid byte was replaced with U+FFFD"))
        #expect(result.stdout.contains("latin1.csv:2: input is not valid UTF-8 (byte 0xEF at column 4)"))
        let object = try json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: report)), as: UTF8.self))
        #expect((object["summary"] as? [String: Any])?["input_repaired"] as? Int == 2)
        #expect((object["repairs"] as? [[String: Any]])?.map { $0["line"] as? Int } == [3, 2])

        let strict = run(["test", directory.path + "/cases", "--rules", rules, "--no-progress", "--strict-utf8"])
        #expect(strict.code == .testsFailed)
        #expect(strict.stdout.contains("cafe.triage:1: fixture is not valid UTF-8"))
        #expect(strict.stdout.contains("latin1.csv:2: line is not valid UTF-8"))

        let header = try directory.write("header.csv", data: Data("te".utf8) + [0xE9] + Data("xt,text,label\nx,late,late\n".utf8))
        let broken = run(["test", header, "--rules", rules, "--no-progress"])
        #expect(broken.code == .testsFailed)
        #expect(broken.stdout.contains("header.csv:1: header row is not valid UTF-8 (byte 0xE9 at column 3)"))
    }

    @Test func aFixtureOverTheMessageLimitIsAProblemNotAClassification() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("pack.rules", Self.rules)
        _ = try directory.write("fixtures/big.triage", "expect: late\n---\n" + String(repeating: "late ", count: 7_000_000))
        let result = run(["test", directory.path + "/fixtures", "--rules", rules])
        #expect(result.code == .testsFailed)
        #expect(result.stdout.contains("big.triage:3: the message is larger than the 32 MiB message limit (35000000 bytes)"))
    }

    // MARK: Output, through the built binary

    func launch(_ arguments: [String], stdout: FileHandle? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let path = try #require(BinaryTests.executable, "the triage executable was not built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = stdout ?? output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = stdout == nil ? output.fileHandleForReading.readDataToEndOfFile() : Data()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// A corpus of `count` records that all fail, so the report is far larger than a pipe's buffer.
    func failingCorpus(_ directory: TemporaryDirectory, count: Int) throws -> (rules: String, corpus: String) {
        let rules = try directory.write("pack.rules", Self.rules)
        let lines = (0..<count).map { #"{"id": "\#($0)", "text": "my parcel is late, case \#($0)", "label": "other"}"# }
        return (rules, try directory.write("corpus.jsonl", lines.joined(separator: "\n") + "\n"))
    }

    @Test func aFullDiskOnStandardOutputIsAnErrorWithTheCounts() throws {
        let directory = try TemporaryDirectory()
        let (rules, corpus) = try failingCorpus(directory, count: 50)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try launch(["test", corpus, "--rules", rules, "--verbose"], stdout: full)
        #expect(result.status == 74)
        #expect(result.stderr.contains("error: cannot write the report: no space left on device; 50 cases were checked and 0 input problems found, but the report is incomplete"))
    }

    @Test func aReaderThatGoesAwayIsAnErrorWithTheCounts() throws {
        let directory = try TemporaryDirectory()
        let (rules, corpus) = try failingCorpus(directory, count: 3_000)
        let path = try #require(BinaryTests.executable, "the triage executable was not built")
        let script = #""$0" test "$1" --rules "$2" --no-progress | head -1; echo "triage exited ${PIPESTATUS[0]}" >&2"#
        let result = try runShell(script, arguments: [path, corpus, rules], shell: "/bin/bash")
        let (out, err) = (result.stdout, result.stderr)
        #expect(out.hasPrefix("FAIL \(corpus):1"))
        #expect(out.split(separator: "\n").count == 1)
        #expect(err.contains("error: cannot write the report: standard output was closed; 3000 cases were checked"))
        #expect(err.contains("triage exited 74"))
    }

    @Test func aReportToAFIFOIsWrittenIntoItNotRenamedOverIt() throws {
        let directory = try TemporaryDirectory()
        let (rules, corpus) = try failingCorpus(directory, count: 5)
        let fifo = directory.path + "/report.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Open the reading end first, without blocking, so the writer's open succeeds. The
        // report of five cases fits in the pipe's buffer, so it is read after triage exits.
        let descriptor = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        let result = try launch(["test", corpus, "--rules", rules, "--json", fifo])
        #expect(result.status == 0, "\(result.stderr)")
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
        let object = try json(String(decoding: received, as: UTF8.self))
        #expect(object["schema"] as? String == "triage.test-report")
    }
}
