import Foundation
import Testing
@testable import TriageCLI

/// Issue 14, item 5: `fmt` keeps what is not its layout, and never loses a concurrent write.
@Suite struct FmtSafetyTests {
    static let unformatted = "define a   =  words { late }\n"
    static let formatted = "define a = words { late }\n"

    @Test func keepsAByteOrderMarkAndCRLFLineEnds() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.rules", data: Data("\u{FEFF}# note\r\ndefine a   =  words { late }\r\n".utf8))
        #expect(run(["fmt", path]).code == .ok)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{FEFF}# note\r\ndefine a = words { late }\r\n")
        #expect(run(["fmt", "--check", path]).code == .ok)
    }

    @Test func keepsHardLinksAndRefusesReadOnlyFiles() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.rules", Self.unformatted)
        try FileManager.default.linkItem(atPath: path, toPath: directory.path + "/b.rules")
        #expect(run(["fmt", path]).code == .ok)
        #expect(try String(contentsOfFile: directory.path + "/b.rules", encoding: .utf8) == Self.formatted)

        let readOnly = try directory.write("c.rules", Self.unformatted)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly)
        let result = run(["fmt", readOnly])
        #expect(result.code == .ioError)
        #expect(result.stderr.contains("it is read-only; it was left as it is"))
        #expect(try String(contentsOfFile: readOnly, encoding: .utf8) == Self.unformatted)
    }

    @Test func aFileChangedWhileFormattingIsLeftAlone() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.rules", Self.unformatted)
        let read = try #require(FileManager.default.contents(atPath: path))
        // Another writer appends a rule after fmt read the file.
        try (Self.unformatted + "define b = words { lost }\n").write(toFile: path, atomically: false, encoding: .utf8)
        let problem = FmtCommand.replace(path, expecting: read, with: Self.formatted)
        #expect(problem == "it changed while it was being formatted; it was left as it is, run 'triage fmt' again")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("lost"))
        #expect(FmtCommand.replace(path, expecting: try #require(FileManager.default.contents(atPath: path)), with: Self.formatted) == nil)
    }
}
