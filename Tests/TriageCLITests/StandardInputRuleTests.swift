import Foundation
import Testing
@testable import TriageCLI

/// `triage fmt -` and `triage lint -`: rule text on standard input, for editors and hooks.
@Suite struct StandardInputRuleTests {
    @Test func fmtFormatsStandardInputToStandardOutput() {
        let result = run(["fmt", "-"], stdin: "define   x =  words {  late }\n")
        #expect(result.code == .ok)
        #expect(result.stdout == "define x = words { late }\n")
        // Already formatted: the same text back.
        #expect(run(["fmt", "-"], stdin: "define x = words { late }\n").stdout == "define x = words { late }\n")
    }

    @Test func fmtCheckAndDiffOnStandardInput() {
        let check = run(["fmt", "--check", "-", "--stdin-filename", "a.rules"], stdin: "define   x = words { late }\n")
        #expect(check.code == .testsFailed)
        #expect(check.stdout == "a.rules\n")
        #expect(run(["fmt", "--check", "-"], stdin: "define x = words { late }\n").code == .ok)
        let diff = run(["fmt", "--diff", "-", "--stdin-filename", "a.rules"], stdin: "define   x = words { late }\n")
        #expect(diff.stdout.contains("+define x = words { late }"))
        #expect(diff.stdout.contains("--- a/a.rules"))
    }

    @Test func fmtRefusesBrokenStandardInputAndPrintsNothing() {
        let result = run(["fmt", "-", "--stdin-filename", "b.rules"], stdin: "rule {\n")
        #expect(result.code == .ruleErrors)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("b.rules:1:6"))
        #expect(run(["fmt", "-"], stdinData: Data([0x64, 0xFF])).code == .ruleErrors)
    }

    @Test func dashCannotBeMixedWithPaths() {
        #expect(run(["fmt", "-", "rules"], stdin: "").code == .usage)
        #expect(run(["lint", "-", "rules"], stdin: "").code == .usage)
        #expect(run(["fmt", "--stdin-filename", "x.rules", "rules"]).code == .usage)
        #expect(run(["lint", "--stdin-filename", "x.rules"]).code == .usage)
    }

    @Test func lintReadsStandardInputUnderTheGivenName() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("common.rules", "define late = words { late }\n")
        // The imported file comes from disk; the buffer stands in for new.rules, not on disk.
        let text = "import \"common.rules\"\ncategory other \"Other\" { playbook p }\nplaybook p { step chat \"x\" }\nrule r -> other { when lte }\n"
        let result = run(["lint", "-", "--stdin-filename", directory.path + "/new.rules", "--format", "json"], stdin: text)
        #expect(result.code == .ruleErrors)
        #expect(result.stdout.contains("\"undefined-name\""))
        #expect(result.stdout.contains(directory.path + "/new.rules"))
        #expect(result.stdout.contains("did you mean 'late'?"))
    }

    @Test func lintWithoutANameLintsTheTextAlone() {
        let result = run(["lint", "-"], stdin: "define x = words { Late }\ncategory other \"Other\" { playbook p }\nplaybook p { step chat \"x\" }\n")
        #expect(result.code == .ok)
        #expect(result.stdout.contains("<stdin>:1:20"))
        #expect(result.stdout.contains("uppercase-in-caseless-list"))
    }
}

extension StandardInputRuleTests {
    /// Each hook of .pre-commit-hooks.yaml runs a command and options that exist.
    @Test func preCommitHooksNameRealOptions() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let entries = text.split(separator: "\n").compactMap { line -> [String]? in
            guard let range = line.range(of: "entry: triage ") else { return nil }
            return line[range.upperBound...].split(separator: " ").map(String.init)
        }
        #expect(entries.count == 3)
        for entry in entries {
            #expect(run(entry + ["--help"]).code == .ok, "\(entry)")
        }
    }
}
