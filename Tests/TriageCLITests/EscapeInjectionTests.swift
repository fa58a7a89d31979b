import Foundation
import Testing
@testable import TriageCLI

/// Input that tries to drive the terminal (escape sequences) or the CI log (workflow commands)
/// reaches neither: every control character is shown as an escape and no line starts with
/// input text (issue 14, item 2).
@Suite struct EscapeInjectionTests {
    static let osc52 = "late \u{1B}]52;c;cHduZWQ=\u{07}\u{1B}[2J"
    static let command = "late\n::error::pwned"

    /// No control character but the line break, and no line that GitHub Actions reads as a
    /// workflow command, except the `expected` ones the command writes on purpose.
    static func expectSafe(_ output: String, commands expected: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) {
        let controls = output.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
        #expect(controls.isEmpty, "control characters \(controls.map(\.value)) in \(output.debugDescription)", sourceLocation: sourceLocation)
        let lines = output.split(separator: "\n").map { $0.drop { $0 == " " || $0 == "\t" } }
        let commands = lines.filter { $0.hasPrefix("::") }
        #expect(commands.count == expected, "\(commands)", sourceLocation: sourceLocation)
        #expect(!commands.contains { $0.contains("pwned") || $0.hasPrefix("::error file=a,") }, sourceLocation: sourceLocation)
        #expect(!lines.contains { $0.contains("##[") }, sourceLocation: sourceLocation)
    }

    @Test func classifyShowsEscapesInTheMessageInsteadOfSendingThem() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("small.rules", smallRulePack + "\nrule any_late -> late { when /late[\\s\\S]*/ }\n")
        for text in [Self.osc52, Self.command] {
            for extra in [[], ["--explain"]] {
                let result = run(["classify", "--rules", rules, "--color", "always"] + extra + [text])
                #expect(result.code == .ok)
                Self.expectSafe(result.stdout.replacingOccurrences(of: "\u{1B}[", with: "ESC["), commands: 0)
                #expect(!result.stdout.contains("\u{1B}]"))
                #expect(!result.stdout.contains("\u{1B}[2J"))
            }
        }
        let result = run(["classify", "--rules", rules, Self.osc52])
        #expect(result.stdout.contains("\\u{1B}]52;c;cHduZWQ=\\u{7}\\u{1B}[2J"))
        #expect(run(["classify", "--rules", rules, Self.command]).stdout.contains("'late\\n::error::pwned'"))
    }

    @Test func testReportsAndAnnotationsNeutraliseLabelsTodoTextAndQuotes() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("small.rules", smallRulePack)
        let record: [String: String] = ["text": "it is late \u{1B}[2J\n::error::pwned", "label": "broken\n::error file=a,line=1::x"]
        let line = String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
        _ = try directory.write("cases/corpus.jsonl", line + "\n{\"text\": \"broken \\u001b]52;c;x\\u0007\", \"label\": \"::warning::label\"}\n")
        _ = try directory.write("cases/a.triage", "expect: broken\ntodo: the \u{1B}[31mred\u{1B}[0m case ##[error]x\n---\nit is late\n::error::pwned\n")
        for extra in [["--verbose"], ["--github"], ["--verbose", "--github", "--color", "always"]] {
            let result = run(["test", "--rules", rules, directory.path + "/cases"] + extra)
            let commands = result.stdout.split(separator: "\n").filter { $0.hasPrefix("::error file=") || $0.hasPrefix("::warning file=") || $0.hasPrefix("::error title=") }
            let stdout = extra.contains("--color") ? result.stdout.replacingOccurrences(of: "\u{1B}[", with: "ESC[") : result.stdout
            Self.expectSafe(stdout, commands: commands.count)
            Self.expectSafe(result.stderr)
        }
    }

    @Test func lintEchoesSourceLinesAndMessagesWithEscapes() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("evil.rules", "category a \"A\"\nrule r -> a { when words { \"x\u{1B}[2J\" \"x\u{1B}[2J\" } }\nrule s -> nowhere\u{1B}]52;c;x\u{07} { when words { y } }\n")
        for format in ["text", "github"] {
            let result = run(["lint", "--format", format, rules])
            #expect(result.code != .ok)
            Self.expectSafe(result.stdout + result.stderr, commands: format == "github" ? result.stdout.split(separator: "\n").count : 0)
            #expect((result.stdout + result.stderr).contains("\\u{1B}"))
        }
    }

    @Test func batchSummaryAndErrorsShowEscapes() throws {
        let result = run(["batch", "--input", "jsonl", "-"], stdin: "not json \u{1B}[2J \u{9B}31m\n{\"txt\": \"\u{1B}]52;c;x\u{07}\"}\n")
        Self.expectSafe(result.stderr)
        Self.expectSafe(result.stdout)
    }

    @Test func usageErrorsShowEscapes() throws {
        let result = run(["classify", "--fromat\u{1B}[2J", "x"])
        #expect(result.code == .usage)
        Self.expectSafe(result.stderr)
        let missing = run(["test", "/nonexistent/\n::error::pwned\u{1B}[2J.triage"])
        Self.expectSafe(missing.stderr)
    }
}
