import Foundation
import Testing
@testable import TriageBatch
@testable import TriageCLI

/// `triage batch` in-process with a small rule pack of its own, and a few runs of the built binary.
@Suite struct BatchCommandTests {
    static let rules = smallRulePack

    /// A temporary directory holding the rule pack; `rules` is its path.
    let directory: TemporaryDirectory
    let rules: String

    init() throws {
        directory = try TemporaryDirectory()
        rules = try directory.write("pack.rules", Self.rules)
    }

    func batch(_ arguments: [String], stdin: String) -> RunResult {
        run(["batch", "--rules", rules] + arguments, stdin: stdin)
    }

    /// The output lines as JSON objects; fails the test when one is not.
    func records(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { try json(String($0)) }
    }

    // MARK: formats

    @Test func jsonlKeepsOtherFieldsExactlyAsWrittenUnderInput() throws {
        let input = """
        {"id": 12345678901234567890123, "body": "my parcel is late, need it asap", "price": 1.10, "tags": ["a", {"b": null}], "ok": true}
        {"body": "the mug came cracked", "id": "x\\u00e9"}

        """
        let result = batch(["--text-field", "body", "-q"], stdin: input)
        #expect(result.code == .ok, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        #expect(lines[0] == #"{"schema":"triage.batch","version":1,"file":"-","line":1,"category":"late","confidence":0.5,"secondary":null,"signals":["urgent"],"entities":[],"playbook":"p","input":{"id":12345678901234567890123,"price":1.10,"tags":["a",{"b":null}],"ok":true}}"#)
        #expect(lines[1].hasSuffix(#""line":2,"category":"broken","confidence":0.5,"secondary":null,"signals":[],"entities":[],"playbook":"p","input":{"id":"x\u00e9"}}"#))
    }

    @Test func jsonEscapesAndSurrogatesInTheTextAreDecoded() throws {
        let input = #"{"text": "late \"parcel\"\n\u00e9 \ud83d\ude00 cut \ud83d"}"# + "\n"
        let result = batch(["--full", "-q"], stdin: input)
        #expect(result.code == .ok, "\(result.stdout)")
        let record = try #require(try records(result.stdout).first)
        let classification = try #require(record["classification"] as? [String: Any])
        #expect(classification["schema"] as? String == "triage.classification")
        // `late "parcel"`, a line break, `é 😀 cut ` and U+FFFD for the lone surrogate: 23 code points.
        #expect((classification["input"] as? [String: Any])?["characters"] as? Int == 23)
    }

    @Test func csvRecordsMaySpanLinesAndKeepTheirFirstLineNumber() throws {
        let csv = "id,text,note\n1,\"my parcel\nis late\",a\n\n2,\"cracked, \"\"really\"\"\",b\n3,5\" screen broken,c\n4,too few\n"
        let file = try directory.write("export.csv", csv)
        let result = run(["batch", "--rules", rules, file])
        #expect(result.code == .dataError)
        let output = try records(result.stdout)
        #expect(output.map { $0["line"] as? Int } == [2, 5, 6, 7])
        #expect(output.map { $0["category"] as? String } == ["late", "broken", "broken", nil])
        #expect(output[0]["input"] as? [String: String] == ["id": "1", "note": "a"])
        #expect(output[3]["error"] as? String == "record has 2 fields, the header has 3")
    }

    @Test func csvWithoutTheTextColumnGivesErrorRecordsWithTheColumns() throws {
        let result = run(["batch", "--rules", rules, "--input", "csv"], stdin: "id,body\n1,late\n")
        let output = try records(result.stdout)
        #expect(output.count == 1)
        #expect(output[0]["error"] as? String == "no column 'text' in the header (columns: id, body)")
        #expect(output[0]["input"] as? [String: String] == ["id": "1", "body": "late"])
    }

    @Test func plainLinesAreOneMessageEachAndBlankLinesAreSkipped() throws {
        let file = try directory.write("messages.txt", "my parcel is late\n\n   \r\nthe vase is broken\r\nhello there\n")
        let result = run(["batch", "--rules", rules, file, "-q"])
        #expect(result.code == .ok)
        let output = try records(result.stdout)
        #expect(output.map { $0["line"] as? Int } == [1, 4, 5])
        #expect(output.map { $0["category"] as? String } == ["late", "broken", "other"])
        #expect(output.allSatisfy { $0["input"] == nil && $0["file"] as? String == file })
    }

    @Test func theFormatFollowsTheExtensionUnlessInputSaysOtherwise() throws {
        #expect(BatchInputFormat.guess(path: "-") == .jsonl)
        #expect(BatchInputFormat.guess(path: "a/B.JSONL") == .jsonl)
        #expect(BatchInputFormat.guess(path: "x.csv") == .csv)
        #expect(BatchInputFormat.guess(path: "notes.json") == .lines)
        let file = try directory.write("records.txt", #"{"text": "hello", "note": "late"}"# + "\n")
        let asLines = run(["batch", "--rules", rules, file, "-q"])
        #expect(try records(asLines.stdout)[0]["category"] as? String == "late")
        let asJSONL = run(["batch", "--rules", rules, "--input", "jsonl", file, "-q"])
        #expect(try records(asJSONL.stdout)[0]["category"] as? String == "other")
    }

    @Test func severalFilesAreReadInOrder() throws {
        let first = try directory.write("one.jsonl", #"{"text": "late"}"# + "\n")
        let second = try directory.write("two.txt", "cracked\n")
        let result = run(["batch", "--rules", rules, first, "-", second, "-q"], stdin: #"{"text": "hello"}"#)
        let output = try records(result.stdout)
        #expect(output.map { $0["file"] as? String } == [first, "-", second])
        #expect(output.map { $0["category"] as? String } == ["late", "other", "broken"])
    }

    // MARK: order and errors

    @Test func orderIsKeptWithManyRecordsAndTwoWorkers() throws {
        let count = 5_000
        let words = ["my parcel is late", "the lamp is broken", "hello", "need it asap"]
        let input = (0..<count).map { #"{"id": \#($0), "text": "\#(words[$0 % 4]) \#($0)"}"# }.joined(separator: "\n") + "\n"
        let result = batch(["--jobs", "2", "-q"], stdin: input)
        #expect(result.code == .ok)
        let output = try records(result.stdout)
        #expect(output.count == count)
        #expect(output.map { $0["line"] as? Int } == Array(1...count))
        #expect(output.map { ($0["input"] as? [String: Any])?["id"] as? Int } == Array(0..<count))
        #expect(output.map { $0["category"] as? String } == (0..<count).map { ["late", "broken", "other", "other"][$0 % 4] })
    }

    @Test func everyBadRecordBecomesAnErrorRecordWithItsLine() throws {
        var input = Data()
        input.append(Data(#"{"id": 1, "text": "my parcel is late"}"#.utf8 + [0x0A]))
        input.append(Data(#"{"id": 2, "text": "broken json"#.utf8 + [0x0A]))
        input.append(Data(#"{"id": 3, "message": "no text field"}"#.utf8 + [0x0A]))
        input.append(Data(#"{"id": 4, "text": "caf"#.utf8 + [0xC3, 0x28] + #" late"}"#.utf8 + [0x0A]))
        input.append(Data(#"{"id": 5, "text": "   "}"#.utf8 + [0x0A]))
        input.append(Data(#"{"id": 6, "text": null}"#.utf8 + [0x0A]))
        input.append(Data(#"{"id": 7, "text": "nul \u0000 inside"}"#.utf8 + [0x0A]))
        input.append(Data(#"["not", "an", "object"]"#.utf8 + [0x0A]))
        input.append(Data(#"{"id": 9, "text": "the vase is cracked"}"#.utf8))
        let result = run(["batch", "--rules", rules, "--strict-utf8"], stdinData: input)
        #expect(result.code == .dataError)
        let output = try records(result.stdout)
        #expect(output.count == 9)
        #expect(output.map { $0["line"] as? Int } == Array(1...9))
        let errors = output.map { $0["error"] as? String }
        #expect(errors[0] == nil && errors[8] == nil)
        #expect(errors[1] == "invalid JSON at column 31: unterminated string")
        #expect(errors[2] == "no text field 'text'")
        #expect(errors[3] == "not valid UTF-8: byte 0xC3 at column 23")
        #expect(errors[4] == "nothing to classify: the message is empty")
        #expect(errors[5] == "text field 'text' is null, not a string")
        #expect(errors[6]?.hasPrefix("input looks binary") == true)
        #expect(errors[7] == "not a JSON object: each line must be one object {…}")
        // Fields that could be read come through, so a pipeline can join the error back.
        #expect(output.map { ($0["input"] as? [String: Any])?["id"] as? Int } == [1, nil, 3, 4, 5, 6, 7, nil, 9])
        #expect(output[1]["file"] as? String == "-")
        #expect(result.stderr.contains("9 records, 2 classified, 7 errors"))
        #expect(result.stderr.contains("-:2: invalid JSON at column 31: unterminated string"))
    }

    static let malformedJSON: [(line: String, reason: String)] = [
        (#"{"text": "late", "n": 01}"#, "invalid JSON at column 24: expected ',' or '}' after a value"),
        (#"{"text": "late", "n": 1.}"#, "invalid JSON at column 25: invalid number: expected a digit after '.'"),
        (#"{"text": "late" "n": 1}"#, "invalid JSON at column 17: expected ',' or '}' after a value"),
        (#"{"text": "la\qte"}"#, #"invalid JSON at column 13: invalid escape '\q'"#),
        (#"{"text": "\u12"}"#, #"invalid JSON at column 11: invalid \u escape: expected 4 hex digits"#),
        ("{\"text\": \"tab\there\"}", "invalid JSON at column 14: control character U+0009 inside a string; write it as an escape"),
        (#"{"text": "late", "x": tru}"#, "invalid JSON at column 23: expected a value"),
        (#"{"text": "late"} {}"#, "invalid JSON at column 18: unexpected text after the object"),
        (#"{"text": "late", "deep": "# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}",
         "invalid JSON at column 538: nested deeper than 512 levels"),
        (#""just a string""#, "not a JSON object: each line must be one object {…}"),
    ]

    @Test(arguments: malformedJSON.indices)
    func malformedJSONIsReportedWithItsColumn(_ index: Int) throws {
        let (line, reason) = Self.malformedJSON[index]
        let result = batch(["-q"], stdin: line + "\n")
        #expect(result.code == .dataError)
        #expect(try records(result.stdout).first?["error"] as? String == reason)
    }

    @Test func invalidUTF8InAPlainLineIsAnErrorRecordAndTheRestGoesOn() throws {
        let result = run(["batch", "--rules", rules, "--input", "lines", "-q", "--strict-utf8"], stdinData: Data("late\nbad ".utf8 + [0xFF] + " byte\nbroken".utf8))
        #expect(result.code == .dataError)
        let output = try records(result.stdout)
        #expect(output.map { $0["error"] as? String } == [nil, "not valid UTF-8: byte 0xFF at column 5", nil])
        #expect(output.map { $0["category"] as? String } == ["late", nil, "broken"])
    }

    @Test func aLineLongerThanTheMessageLimitIsAnErrorRecord() throws {
        var input = Data(#"{"text": "late"}"#.utf8 + [0x0A])
        input.append(Data(#"{"text": ""#.utf8))
        input.append(Data(repeating: UInt8(ascii: "a"), count: 50_000_000))
        input.append(Data(#""}"#.utf8 + [0x0A]))
        input.append(Data(#"{"text": "cracked"}"#.utf8))
        let result = run(["batch", "--rules", rules, "-q"], stdinData: input)
        #expect(result.code == .dataError)
        let output = try records(result.stdout)
        #expect(output.map { $0["line"] as? Int } == [1, 2, 3])
        #expect(output[1]["error"] as? String == "line is longer than the 32 MiB message limit (50000012 bytes)")
        #expect(output[2]["category"] as? String == "broken")
    }

    @Test func theLastLineWithoutALineBreakIsStillARecord() throws {
        let result = batch(["-q"], stdin: "{\"text\": \"late\"}\n{\"text\": \"cracked\"}")
        #expect(try records(result.stdout).map { $0["category"] as? String } == ["late", "broken"])
        let csv = run(["batch", "--rules", rules, "--input", "csv", "-q"], stdin: "text\nlate\n\"cracked\"")
        #expect(try records(csv.stdout).map { $0["category"] as? String } == ["late", "broken"])
        let unterminated = run(["batch", "--rules", rules, "--input", "csv", "-q"], stdin: "text\nlate\n\"cracked\nstill open")
        #expect(try records(unterminated.stdout).map { $0["error"] as? String } == [nil, "unterminated quoted field"])
    }

    // MARK: options and output

    @Test func ruleIDsListEveryRuleThatFired() throws {
        let result = batch(["--rule-ids", "-q"], stdin: #"{"text": "late and cracked, asap"}"# + "\n" + #"{"text": "hello"}"#)
        let output = try records(result.stdout)
        #expect(output[0]["rules"] as? [String] == ["is_late", "is_broken", "hurry"])
        #expect(output[1]["rules"] as? [String] == [])
        #expect(try records(batch(["-q"], stdin: #"{"text": "late"}"#).stdout)[0]["rules"] == nil)
    }

    @Test func theSummaryGoesToStderrUnlessQuiet() throws {
        let input = #"{"text": "late"}"# + "\n" + #"{"text": "late again"}"# + "\n" + #"{"text": "cracked"}"# + "\n"
        let result = batch(["--jobs", "1"], stdin: input)
        #expect(result.code == .ok)
        #expect(result.stderr.contains("triage batch: 3 records, 3 classified, no errors"))
        #expect(result.stderr.contains("records/s"))
        #expect(result.stderr.contains("MB/s"))
        #expect(result.stderr.contains("1 worker)"))
        #expect(result.stderr.contains("  late           2\n  broken         1\n"))
        #expect(!result.stdout.contains("triage batch"))
        #expect(batch(["--quiet"], stdin: input).stderr.isEmpty)
    }

    @Test func theProgressBarIsDrawnOnlyForATerminal() throws {
        let file = try directory.write("many.jsonl", String(repeating: #"{"text": "late"}"# + "\n", count: 10))
        let terminal = run(["batch", "--rules", rules, file], stdin: "", terminal: true)
        #expect(terminal.stderr.contains("batch (KB)"))
        let quiet = run(["batch", "--rules", rules, file, "--no-progress"], stdin: "", terminal: true)
        #expect(!quiet.stderr.contains("batch (KB)"))
    }

    @Test func exitCodes() throws {
        #expect(batch(["-q"], stdin: #"{"text": "late"}"#).code == .ok)
        #expect(batch(["-q"], stdin: "").code == .ok)
        #expect(batch(["-q"], stdin: "{").code == .dataError)
        let allowed = batch(["--allow-errors", "-q"], stdin: "{\n" + #"{"text": "late"}"#)
        #expect(allowed.code == .ok)
        #expect(try records(allowed.stdout).count == 2)
        #expect(batch(["--jobs", "0"], stdin: "").code == .usage)
        #expect(batch(["--input", "xml"], stdin: "").code == .usage)
        #expect(batch(["-", "-"], stdin: "").code == .usage)
        #expect(run(["batch", "--rules", rules]).code == .usage, "no FILE and stdin is a terminal")
        let missing = batch([directory.path + "/nope.jsonl"], stdin: "")
        #expect(missing.code == .noInput)
        #expect(missing.stderr.contains("cannot read '\(directory.path)/nope.jsonl': no such file"))
        #expect(missing.stdout.isEmpty)
        #expect(batch([directory.path], stdin: "").code == .noInput)
        let badRules = try directory.write("bad.rules", "rule x -> nowhere { when \"a\" }")
        #expect(run(["batch", "--rules", badRules], stdin: #"{"text": "late"}"#).code == .ruleErrors)
    }

    @Test func helpAndTheCommandTable() {
        let help = run(["batch", "--help"])
        #expect(help.code == .ok)
        #expect(help.stdout.contains("usage: triage batch [options] [FILE... | -]"))
        #expect(help.stdout.contains("--rule-ids"))
        #expect(run(["--help"]).stdout.contains("batch"))
    }

    @Test func capturedStandardInputIsToldApartFromTheProcessOne() {
        // BatchByteSource reads descriptor 0 itself for the real process, and the captured bytes in tests.
        #expect(CommandIO.captured(stdin: "x").capturedStandardInput == Data("x".utf8))
        #expect(CommandIO.captured(stdin: nil).capturedStandardInput == Data())
        #expect(CommandIO.process().capturedStandardInput == nil)
    }

    // MARK: the built binary

    @Test func theBinaryReadsStandardInputAndFiles() throws {
        let binary = BinaryTests()
        let piped = try binary.launch(["batch", "--rules", rules, "-q"], stdin: Data(#"{"id": 7, "text": "late"}"#.utf8))
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains(#""category":"late""#) && piped.stdout.contains(#""input":{"id":7}"#))
        let bad = try binary.launch(["batch", "--rules", rules], stdin: Data([0x7B, 0xFF, 0x0A]))
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("1 record, 0 classified, 1 error"))
    }

    @Test func theBinaryStopsCleanlyWhenTheReaderGoesAway() throws {
        let path = try #require(BinaryTests.executable, "the triage executable was not built")
        let file = try directory.write("big.jsonl", String(repeating: #"{"text": "my parcel is late"}"# + "\n", count: 50_000))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["batch", "--rules", rules, file]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Like `| head -1`: read one line, then close the pipe.
        var first = Data()
        while !first.contains(0x0A), let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty {
            first.append(byte)
        }
        try output.fileHandleForReading.close()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(String(decoding: first, as: UTF8.self).hasPrefix(#"{"schema":"triage.batch""#))
        #expect(process.terminationReason == .exit, "killed by a signal")
        #expect(process.terminationStatus == 74 || process.terminationStatus == 0)
        if process.terminationStatus == 74 {
            #expect(String(decoding: stderr, as: UTF8.self).contains("cannot write the results"))
        }
    }

    @Test func theBinaryAnswersASlowProducerWithoutWaitingForAFullChunk() throws {
        let path = try #require(BinaryTests.executable, "the triage executable was not built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["batch", "--rules", rules, "-q"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // Stdin stays open: the record must come back before the end of the input.
        input.fileHandleForWriting.write(Data(#"{"id": 1, "text": "late"}"#.utf8 + [0x0A]))
        let answered = DispatchSemaphore(value: 0)
        let reader = output.fileHandleForReading
        nonisolated(unsafe) var line = Data()
        DispatchQueue.global().async {
            while !line.contains(0x0A), let byte = try? reader.read(upToCount: 1), !byte.isEmpty { line.append(byte) }
            answered.signal()
        }
        #expect(answered.wait(timeout: .now() + 20) == .success, "no answer while stdin is open")
        #expect(String(decoding: line, as: UTF8.self).contains(#""category":"late""#))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func theBinaryExits74WhenTheOutputIsFull() throws {
        let path = try #require(BinaryTests.executable, "the triage executable was not built")
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["batch", "--rules", rules, try directory.write("two.jsonl", #"{"text": "late"}"# + "\n" + #"{"text": "cracked"}"#)]
        let errors = Pipe()
        process.standardOutput = full
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74)
        #expect(stderr.contains("error: cannot write the results: no space left on device; stopped after classifying 2 records"))
    }
}
