import Foundation
import Testing
import TriageTestSupport
@testable import TriageCLI

/// Every rendered output kept as a golden file: classify text, JSON and explain; test text,
/// JSON, JUnit, HTML and GitHub; lint text, JSON, SARIF and GitHub; batch lines; every
/// `--help`. `TRIAGE_RECORD=1 swift test` re-records them for review in the diff.
@Suite struct RenderedOutputGoldenTests {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens").path
    static let pack = goldens + "/pack/small.rules"
    static let cases = goldens + "/cases"
    static let message = "My parcel 112-3456789-1234567 is late and the box arrived cracked, asap please"

    /// Paths and timings differ between machines and runs; nothing else may.
    static func stable(_ text: String) -> String {
        var text = text.replacingOccurrences(of: goldens, with: "<goldens>")
        let variable: [(pattern: String, replacement: String)] = [
            (#"in \d+\.\d+ s"#, "in <seconds> s"),
            (#"\d+\.\d+ s, \d+ records/s, \d+\.\d+ MB/s"#, "<seconds> s, <rate> records/s, <rate> MB/s"),
            (#""seconds" ?: ?[0-9.e-]+"#, #""seconds": 0"#),
            (#"time="[0-9.]+""#, #"time="0""#),
            (#"timestamp="[^"]+""#, #"timestamp="<time>""#),
        ]
        for (pattern, replacement) in variable {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    static func check(_ name: String, _ arguments: [String], stdin: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let result = run(arguments, stdin: stdin)
        let rendered = "$ triage \(arguments.map { stable($0) }.joined(separator: " "))\nexit: \(result.code.rawValue)\n--- stdout\n\(stable(result.stdout))--- stderr\n\(stable(result.stderr))"
        GoldenFile.check(rendered, against: goldens + "/rendered/" + name, sourceLocation: sourceLocation)
    }

    static func checkFile(_ name: String, option: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/report"
        _ = run(["test", "--rules", pack, "--no-progress", "--" + option, path, cases])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        GoldenFile.check(stable(text.replacingOccurrences(of: directory.path, with: "<tmp>")), against: goldens + "/rendered/" + name, sourceLocation: sourceLocation)
    }

    @Test func classifyOutputs() {
        Self.check("classify.txt", ["classify", "--rules", Self.pack, "--now", "2026-03-02", Self.message])
        Self.check("classify.json", ["classify", "--rules", Self.pack, "--now", "2026-03-02", "--format", "json", Self.message])
        Self.check("classify-explain.txt", ["classify", "--rules", Self.pack, "--now", "2026-03-02", "--explain", Self.message])
        Self.check("classify-explain.json", ["classify", "--rules", Self.pack, "--now", "2026-03-02", "--explain", "--format", "json", Self.message])
        Self.check("classify-shipped.txt", ["classify", "--now", "2026-03-02", "my order was due monday and tracking has not moved since"])
        Self.check("classify-explain-shipped.txt", ["classify", "--now", "2026-03-02", "--explain", "box late"])
        Self.check("classify-explain-all.txt", ["classify", "--rules", Self.pack, "--now", "2026-03-02", "--explain=all", Self.message + ", not delayed"])
    }

    @Test func testOutputs() throws {
        Self.check("test.txt", ["test", "--rules", Self.pack, "--no-progress", "--verbose", Self.cases])
        Self.check("test-github.txt", ["test", "--rules", Self.pack, "--no-progress", "--github", Self.cases])
        try Self.checkFile("test.json", option: "json")
        try Self.checkFile("test.junit.xml", option: "junit")
        try Self.checkFile("test.html", option: "html")
    }

    @Test func lintOutputs() {
        let findings = Self.goldens + "/pack/findings.rules"
        for format in ["text", "json", "sarif", "github"] {
            Self.check("lint-\(format).txt", ["lint", "--format", format, findings])
        }
    }

    @Test func batchOutputs() {
        let input = #"{"id":"1","text":"parcel is late"}"# + "\n" + #"{"id":"2","text":"screen cracked, asap"}"# + "\n" + "not json\n"
        Self.check("batch.txt", ["batch", "--rules", Self.pack, "--now", "2026-03-02", "--jobs", "1"], stdin: input)
        Self.check("batch-full.txt", ["batch", "--rules", Self.pack, "--now", "2026-03-02", "--jobs", "1", "--full"], stdin: input)
    }

    @Test func helpTexts() {
        Self.check("help.txt", ["--help"])
        for spec in TriageCommand.allSpecs {
            Self.check("help-\(spec.name).txt", [spec.name, "--help"])
        }
    }
}
