import Foundation
import Testing

/// A few tests through the built `triage` executable, as a user runs it.
@Suite struct BinaryTests {
    static var executable: String? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("triage").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("triage").path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/triage").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func launch(_ arguments: [String], stdin: Data? = nil, directory: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let path = try #require(Self.executable, "the triage executable was not built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func classifiesFromAnyDirectoryWithTheEmbeddedPack() throws {
        let result = try launch(["classify", "my package is two weeks late"], directory: "/")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("delivery.late"))
    }

    @Test func readsStandardInputAndReportsExitCodes() throws {
        let piped = try launch(["classify", "--format", "json"], stdin: Data("I was charged twice".utf8))
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("\"billing.charge\""))
        let usage = try launch(["classify", "--fromat", "json"])
        #expect(usage.status == 64)
        let invalid = try launch(["classify", "--strict-utf8"], stdin: Data([0x61, 0xFF, 0x62]))
        #expect(invalid.status == 65)
        #expect(invalid.stderr.contains("not valid UTF-8"))
    }
}

extension BinaryTests {
    @Test func suggestRunsEndToEnd() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TriageSuggestTests/Fixtures").path
        let result = try launch(["suggest", "--rules", fixtures + "/pack.rules", fixtures + "/corpus.jsonl", "--category", "late"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("'still waiting'"))
        #expect(result.stdout.contains("rule late_still_waiting -> late {"))
        let json = try launch(["suggest", "--rules", fixtures + "/pack.rules", fixtures + "/corpus.jsonl", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.hasPrefix("{\n  \"schema\": \"triage.suggest\""))
    }
}

/// Issue 14, item 6: an argument with a byte that is not UTF-8 (which Swift's
/// `CommandLine.arguments` silently replaces) is repaired and warned about like a file.
@Suite struct BinaryArgumentUTF8Tests {
    @Test func anInvalidArgumentIsRepairedWithAWarningOrRefusedWhenStrict() throws {
        let path = try #require(BinaryTests.executable)
        for (strict, status) in [("", Int32(0)), ("--strict-utf8", Int32(65))] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "\"$0\" classify \(strict) \"$(printf 'my parcel is late caf\\351')\"", path]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = Pipe()
            try process.run()
            let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == status, "\(err)")
            #expect(err.contains("argument:1:22: input is not valid UTF-8 (byte 0xE9 at offset 21)"), "\(err)")
        }
    }
}
