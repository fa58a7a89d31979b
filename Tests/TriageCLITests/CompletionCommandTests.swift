import Foundation
import Testing
import TriageTestSupport
@testable import TriageCLI

/// Completion scripts and the man page come from the command tables: every option of every
/// command is in them, bash really completes, and docs/triage.1 is current.
@Suite struct CompletionCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs bash's completion function for a command line whose last word is being completed.
    func bashComplete(_ words: [String]) throws -> [String] {
        let script = run(["completion", "bash"]).stdout
        let directory = try TemporaryDirectory()
        let path = try directory.write("triage.bash", script)
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "source \(path); COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _triage; printf '%s\\n' \"${COMPREPLY[@]}\""]
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesCommandsOptionsAndValues() throws {
        #expect(try bashComplete(["triage", "cl"]) == ["classify"])
        #expect(try Set(bashComplete(["triage", ""])).isSuperset(of: ["classify", "lint", "fmt", "lsp", "completion", "help", "--version"]))
        #expect(try bashComplete(["triage", "lint", "--fo"]) == ["--format"])
        #expect(try bashComplete(["triage", "lint", "--format", ""]) == ["text", "json", "sarif", "github"])
        #expect(try bashComplete(["triage", "classify", "--color", "n"]) == ["never"])
        #expect(try bashComplete(["triage", "completion", ""]) == ["bash", "zsh", "fish"])
        #expect(try bashComplete(["triage", "help", "su"]) == ["suggest"])
        // Paths complete as files.
        #expect(try bashComplete(["triage", "fmt", "triage.b"]) == ["triage.bash"])
    }

    @Test func everyOptionIsInEveryScriptAndTheManPage() {
        let scripts = ["bash", "zsh", "fish"].map { run(["completion", $0]).stdout }
        let man = run(["help", "--man"]).stdout
        for spec in TriageCommand.allSpecs {
            for option in spec.options {
                #expect(scripts[0].contains("--" + option.long), "bash: \(spec.name) --\(option.long)")
                #expect(scripts[1].contains("--" + option.long), "zsh: \(spec.name) --\(option.long)")
                #expect(scripts[2].contains("-l " + option.long), "fish: \(spec.name) --\(option.long)")
                #expect(man.contains("\\-\\-" + option.long.replacingOccurrences(of: "-", with: "\\-")), "man: \(spec.name) --\(option.long)")
            }
            #expect(man.contains(".SS \"triage \(spec.name)\""))
            #expect(scripts[2].contains("-a \(spec.name) "))
        }
    }

    /// zsh and fish check their scripts when they are installed (Debian's zsh and fish).
    @Test func zshAndFishAcceptTheirScripts() throws {
        let directory = try TemporaryDirectory()
        for (shell, arguments) in [("/usr/bin/zsh", ["-n"]), ("/usr/bin/fish", ["-n"])] where FileManager.default.isExecutableFile(atPath: shell) {
            let name = shell.hasSuffix("zsh") ? "zsh" : "fish"
            let path = try directory.write("triage." + name, run(["completion", name]).stdout)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: shell)
            process.arguments = arguments + [path]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(name) -n rejects the script")
        }
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/fish") {
            let path = try directory.write("complete.fish", run(["completion", "fish"]).stdout)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/fish")
            process.arguments = ["-c", "source \(path); complete -C 'triage lint --format '"]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let values = String(decoding: data, as: UTF8.self).split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
            #expect(Set(values) == ["text", "json", "sarif", "github"])
        }
    }

    @Test func unknownShellIsAUsageError() {
        let result = run(["completion", "tcsh"])
        #expect(result.code == .usage)
        #expect(result.stderr.contains("unknown shell 'tcsh'"))
    }

    @Test func theCheckedInManPageIsCurrent() {
        let result = run(["help", "--man"])
        #expect(result.code == .ok)
        #expect(result.stdout.hasPrefix(".\\\" Generated by 'triage help --man'"))
        GoldenFile.check(result.stdout, against: Self.root.appendingPathComponent("docs/triage.1").path)
    }

    @Test func helpStillShowsCommands() {
        #expect(run(["help", "lint"]).stdout.hasPrefix("usage: triage lint"))
        #expect(run(["help", "help"]).stdout.contains("--man"))
        #expect(run(["help", "lnit"]).code == .usage)
        #expect(run(["help"]).stdout.contains("completion"))
    }

    @Test func helpHelpShowsTheHelpCommandsOwnHelp() {
        for arguments in [["help", "--help"], ["help", "-h"], ["help", "help"]] {
            let result = run(arguments)
            #expect(result.code == .ok)
            #expect(result.stdout.hasPrefix("usage: triage help [COMMAND]"))
            #expect(result.stdout.contains("--man"))
            #expect(result.stderr.isEmpty)
        }
    }
}
