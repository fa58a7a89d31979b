import Foundation
import Testing
@testable import TriageCLI

/// `triage fmt` end to end, in-process, on files in a temporary directory.
@Suite struct FmtCommandTests {
    static let messy = "signal urgent   \"Now\"\nrule late->other{weight 2 when words{late delayed}}\n"
    static let formatted = "signal urgent \"Now\"\n\nrule late -> other {\n  when words { late delayed }\n  weight 2\n}\n"

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func rewritesFilesInPlaceAndThenHasNothingToDo() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("rules/a.rules", Self.messy)
        let clean = try directory.write("rules/sub/b.rules", Self.formatted)
        _ = try directory.write("rules/notes.txt", "not rules")
        _ = try directory.write("rules/.hidden/c.rules", "rule broken ->")

        let first = run(["fmt", directory.path + "/rules"])
        #expect(first.code == .ok, "\(first.stderr)")
        #expect(first.stdout == "formatted \(directory.path)/rules/a.rules\n")
        #expect(try read(file) == Self.formatted)
        #expect(try read(clean) == Self.formatted)
        #expect(try read(directory.path + "/rules/notes.txt") == "not rules")

        let second = run(["fmt", directory.path + "/rules", file])
        #expect(second.code == .ok)
        #expect(second.stdout.isEmpty && second.stderr.isEmpty)
    }

    @Test func writingKeepsTheFilesPermissionsAndLeavesNoTemporaryFile() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("a.rules", Self.messy)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file)
        #expect(run(["fmt", file]).code == .ok)
        let permissions = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber
        #expect(permissions?.intValue == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.rules"])
    }

    @Test func checkNamesTheFilesThatWouldChangeAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let messy = try directory.write("a.rules", Self.messy)
        _ = try directory.write("b.rules", Self.formatted)
        let result = run(["fmt", "--check", directory.path])
        #expect(result.code == FmtCommand.notFormatted)
        #expect(result.code.rawValue == 2)
        #expect(result.stdout == "\(directory.path)/a.rules\n")
        #expect(result.stderr.contains("1 of 2 files not formatted; run 'triage fmt' to format it"))
        #expect(try read(messy) == Self.messy)

        try Self.formatted.write(toFile: messy, atomically: true, encoding: .utf8)
        let clean = run(["fmt", "--check", directory.path])
        #expect(clean.code == .ok)
        #expect(clean.stdout.isEmpty)
    }

    @Test func diffShowsTheChangeAsAUnifiedDiff() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("a.rules", "signal  urgent\n# keep me\nsignal angry\n")
        let result = run(["fmt", "--diff", file])
        #expect(result.code == FmtCommand.notFormatted)
        #expect(result.stdout == """
        --- a/\(file)
        +++ b/\(file)
        @@ -1,3 +1,3 @@
        -signal  urgent
        +signal urgent
         # keep me
         signal angry

        """)
        #expect(try read(file) == "signal  urgent\n# keep me\nsignal angry\n")
        #expect(run(["fmt", "--diff", "--color", "always", file]).stdout.contains("\u{1B}[31m-signal  urgent"))
    }

    @Test func filesWithSyntaxErrorsAreReportedAndLeftAlone() throws {
        let directory = try TemporaryDirectory()
        let broken = try directory.write("broken.rules", "rule r -> c {\n  when\n}\n")
        let good = try directory.write("good.rules", Self.messy)
        let result = run(["fmt", directory.path])
        #expect(result.code == .ruleErrors)
        #expect(result.stderr.contains("error[expected-token]"))
        #expect(result.stderr.contains("\(broken):2:"))
        #expect(result.stderr.contains("1 file not formatted because of errors"))
        #expect(try read(broken) == "rule r -> c {\n  when\n}\n")
        #expect(try read(good) == Self.formatted)

        // Errors win over "would change" with --check too: 1, not 2.
        #expect(run(["fmt", "--check", broken]).code == .ruleErrors)

        let notText = try directory.write("latin1.rules", data: Data([0x73, 0xFF, 0x0A]))
        let invalid = run(["fmt", notText])
        #expect(invalid.code == .ruleErrors)
        #expect(invalid.stderr.contains("is not valid UTF-8"))
    }

    @Test func pathsAndDefaults() throws {
        let missing = run(["fmt", "/nonexistent/x.rules"])
        #expect(missing.code == .noInput)
        #expect(missing.stderr.contains("no such file or directory '/nonexistent/x.rules'"))

        let directory = try TemporaryDirectory()
        let io = CommandIO.captured()
        #expect(FmtCommand.run([], io: io, currentDirectory: directory.path) == .usage)
        #expect(io.stderr.contains("no PATH given and no ./rules directory here"))

        let file = try directory.write("rules/a.rules", Self.messy)
        let defaulted = CommandIO.captured()
        #expect(FmtCommand.run([], io: defaulted, currentDirectory: directory.path) == .ok)
        #expect(defaulted.stdout == "formatted rules/a.rules\n")
        #expect(try read(file) == Self.formatted)
    }

    @Test func helpAndUsage() {
        let help = run(["fmt", "--help"])
        #expect(help.code == .ok)
        #expect(help.stdout.contains("usage: triage fmt [options] [PATH...]"))
        #expect(help.stdout.contains("./rules directory"))
        #expect(help.stdout.contains("2 with --check or --diff"))
        #expect(run(["help"]).stdout.contains("fmt"))
        let typo = run(["fmt", "--chek"])
        #expect(typo.code == .usage)
        #expect(typo.stderr.contains("did you mean '--check'?"))
    }
}
