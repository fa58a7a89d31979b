import Foundation
import Testing
@testable import TriageCLI

/// `triage lint --fix [--diff]` and `--baseline FILE [--update-baseline]`.
@Suite struct LintFixAndBaselineTests {
    static let messy = """
    spelling {
      rcvd -> received
    }
    category other "Other" { playbook p }
    category late "Late" { playbook p }
    playbook p { step chat "x" }
    define late_words = words { Late late "asap!" rcvd received Delayed }
    rule r -> lat { when late_words }
    """

    @Test func fixRepairsWhatIsCertainAndFormats() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.rules", Self.messy)
        let diff = run(["lint", "--fix", "--diff", directory.path])
        #expect(diff.code == .testsFailed)
        #expect(diff.stdout.contains("+define late_words = words { late \"asap\" received delayed }"))
        #expect(diff.stdout.contains("+rule r -> late {"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.messy, "--diff must not write")

        let fixed = run(["lint", "--fix", "--strict", directory.path])
        #expect(fixed.code == .ok, "\(fixed.stdout)\(fixed.stderr)")
        #expect(fixed.stderr.contains("fixed 7 findings in 1 file"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("define late_words = words { late \"asap\" received delayed }"))
        #expect(run(["fmt", "--check", directory.path]).code == .ok)
        // Nothing left to fix: a second run changes nothing.
        #expect(run(["lint", "--fix", "--diff", directory.path]).code == .ok)
    }

    @Test func anAmbiguousNameIsNotGuessed() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("a.rules", """
        category other "Other" { playbook p }
        category cat "A" { playbook p }
        category car "B" { playbook p }
        playbook p { step chat "x" }
        rule r -> cax { when "x" }
        """)
        let diff = run(["lint", "--fix", "--diff", directory.path]).stdout
        #expect(diff.contains("rule r -> cax {"))
        #expect(!diff.contains("-> cat") && !diff.contains("-> car"))
    }

    @Test func theBaselineHidesKnownFindingsOnly() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("a.rules", """
        category other "Other" { playbook p }
        playbook p { step chat "x" }
        define unused = words { late }
        """)
        let baseline = directory.path + "/baseline.json"
        #expect(run(["lint", "--baseline", baseline, "--update-baseline", rules]).code == .ok)
        #expect(try String(contentsOfFile: baseline, encoding: .utf8).contains("\"id\": \"unused-definition\""))
        let known = run(["lint", "--strict", "--baseline", baseline, rules])
        #expect(known.code == .ok, "\(known.stdout)")
        #expect(known.stdout.contains("(1 in the baseline)"))
        try (String(contentsOfFile: rules, encoding: .utf8) + "define another = words { late }\n").write(toFile: rules, atomically: true, encoding: .utf8)
        let new = run(["lint", "--strict", "--baseline", baseline, rules])
        #expect(new.code == .ruleErrors)
        #expect(new.stdout.contains("definition 'another' is never used"))
        #expect(!new.stdout.contains("definition 'unused' is never used"))
        #expect(run(["lint", "--baseline", directory.path + "/missing.json", rules]).code == .noInput)
        #expect(run(["lint", "--update-baseline", rules]).code == .usage)
    }
}
