import Foundation
import Testing
@testable import TriageCLI

/// The README's first example is real output: run its command and compare.
@Suite struct ReadmeExampleTests {
    @Test func theReadmeExampleIsWhatClassifyPrints() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```\n$ triage classify "))
        let block = readme[start.upperBound...]
        let end = try #require(block.range(of: "```"))
        let lines = block[..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        // "--now 2026-12-03 "My order …"": the option, its value, then the quoted message.
        let command = String(lines[0])
        let message = try #require(command.split(separator: "\"", omittingEmptySubsequences: false).dropFirst().first)
        let options = command.prefix(while: { $0 != "\"" }).split(separator: " ").map(String.init)
        let expected = lines.dropFirst().joined(separator: "\n")
        let result = run(["classify"] + options + [String(message)])
        #expect(result.stdout == expected, "README.md's example is out of date:\n\(result.stdout)")
    }
}
