import Foundation
import Testing
@testable import TriageCLI

/// The outcome of one in-process command run.
struct RunResult {
    let code: ExitCode
    let stdout: String
    let stderr: String
}

func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], terminal: Bool = false) -> RunResult {
    let io = CommandIO.captured(stdin: stdin, environment: environment, terminal: terminal)
    let code = TriageCommand.run(arguments, io: io)
    return RunResult(code: code, stdout: io.stdout, stderr: io.stderr)
}

func run(_ arguments: [String], stdinData: Data) -> RunResult {
    let io = CommandIO.captured(stdinData: stdinData)
    let code = TriageCommand.run(arguments, io: io)
    return RunResult(code: code, stdout: io.stdout, stderr: io.stderr)
}

/// Parses `--format json` output into a dictionary.
func json(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
}

/// A temporary directory removed when the value is dropped by the test.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("triage-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ contents: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func write(_ name: String, data: Data) throws -> String {
        let file = path + "/" + name
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A small pack for command tests: late and broken categories, an urgent signal, a fallback.
let smallRulePack = """
settings { threshold 1 }
signal urgent "Now"
category other "Other" { playbook general }
category late "Late" { playbook p }
category broken "Broken" { playbook p }
playbook general { step chat "Ask us." }
playbook p { step chat "Sorry." }
rule is_late -> late { when affirmed(words { late delayed }) }
rule is_broken -> broken { when affirmed(words { broken cracked }) }
rule hurry -> signal urgent { when words { asap } }
"""

/// What a shell script that runs the built binary printed, and how it ended.
struct ShellResult {
    let status: Int32
    let exited: Bool
    let stdout: String
    let stderr: String
}

/// Runs `script` with `shell -c`, `$0` being the first argument, as a user's pipeline would.
func runShell(_ script: String, arguments: [String], shell: String = "/bin/sh") throws -> ShellResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: shell)
    process.arguments = ["-c", script] + arguments
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return ShellResult(status: process.terminationStatus, exited: process.terminationReason == .exit, stdout: out, stderr: err)
}
