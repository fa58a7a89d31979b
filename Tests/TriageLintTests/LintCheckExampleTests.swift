import Testing
import TriageEngine
import TriageSyntax
@testable import TriageLint

/// Every check's own examples: each triggering one must produce the check's id, each
/// non-triggering one must not, and all must compile.
@Suite struct LintCheckExampleTests {
    static func lint(_ snippet: String) -> Linter.Result {
        let pack = RulePackLoader.load(embedded: [(path: "example.rules", contents: LintCheck.examplePreamble + snippet)], root: "")
        return Linter.lint(pack)
    }

    @Test(arguments: Linter.checks.map(\.id))
    func triggeringExamplesTrigger(_ id: DiagnosticID) throws {
        let check = try #require(Linter.checks.first { $0.id == id })
        #expect(!check.triggering.isEmpty)
        for example in check.triggering {
            let result = Self.lint(example)
            #expect(result.errors == 0, "example does not compile:\n\(DiagnosticRenderer().render(result.diagnostics))")
            #expect(result.diagnostics.contains { $0.id == id }, "'\(id)' did not trigger on:\n\(example)")
        }
    }

    @Test(arguments: Linter.checks.map(\.id))
    func nonTriggeringExamplesDoNot(_ id: DiagnosticID) throws {
        let check = try #require(Linter.checks.first { $0.id == id })
        #expect(!check.nonTriggering.isEmpty)
        for example in check.nonTriggering {
            let result = Self.lint(example)
            #expect(result.errors == 0, "example does not compile:\n\(DiagnosticRenderer().render(result.diagnostics))")
            let hits = result.diagnostics.filter { $0.id == id }
            #expect(hits.isEmpty, "'\(id)' triggered on:\n\(example)\n\(DiagnosticRenderer().render(hits))")
        }
    }

    @Test func idsAreUniqueAndKebabCase() {
        let ids = Linter.checks.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.rawValue.allSatisfy { $0.isLowercase || $0 == "-" }) }
    }

    @Test func findingsAreSuppressedByACommentOnTheLineOrTheLineBefore() {
        let trailing = Self.lint("define late = words { late delayed late } # triage-ignore: duplicate-word, unused-definition")
        #expect(!trailing.diagnostics.contains { $0.id == .duplicateWord || $0.id == .unusedDefinition })
        #expect(trailing.suppressed == 2)
        let before = Self.lint("# triage-ignore: unused-definition\ndefine late = words { late }")
        #expect(!before.diagnostics.contains { $0.id == .unusedDefinition })
        let otherID = Self.lint("# triage-ignore: duplicate-word\ndefine late = words { late }")
        #expect(otherID.diagnostics.contains { $0.id == .unusedDefinition })
        let tooFar = Self.lint("# triage-ignore: unused-definition\n\ndefine late = words { late }")
        #expect(tooFar.diagnostics.contains { $0.id == .unusedDefinition })
        let typo = Self.lint("# triage-ignore: unused-defintion\ndefine late = words { late }")
        #expect(typo.diagnostics.contains { $0.id == .unknownSuppression })
    }

    @Test func compileErrorsAreFindingsToo() {
        let result = Self.lint("rule r -> nowhere { when /late(/ }")
        #expect(result.diagnostics.contains { $0.id == .undefinedName })
        #expect(result.diagnostics.contains { $0.id == .invalidRegex })
        #expect(result.errors >= 2)
    }

    @Test func catastrophicProbeNamesTheInput() throws {
        let result = Self.lint("category c \"C\" { playbook general }\nrule r -> c { when /(a+)+$/ }")
        let finding = try #require(result.diagnostics.first { $0.id == .catastrophicBacktracking })
        #expect(finding.message.contains("exhausts a match limit"))
        #expect(finding.location?.line == 4)
    }
}

/// Issue 14, item 9: `LintContext.compiled(_:)` answers from an index by file and span (it
/// searched the whole pack for each rule, which made `lint` quadratic; speed is measured by
/// `scripts/lint-scale.sh`, never timed here). Two files with rules at the same offsets must
/// still get each its own compiled rule, and `rule-never-fires` must name the right one.
@Suite struct LintContextIndexTests {
    @Test func eachRuleFindsItsOwnCompiledRuleAcrossFilesWithTheSameOffsets() throws {
        // Both rules span bytes 0..<41 of their file.
        let pack = RulePackLoader.load(embedded: [
            (path: "main.rules", contents: LintCheck.examplePreamble + "category c \"C\" { playbook general }\n"),
            (path: "a.rules", contents: "rule first -> c { when \"late\" weight 0 }\n"),
            (path: "b.rules", contents: "rule other -> c { when \"lost\" weight 2 }\n"),
        ], root: "")
        let (ruleSet, diagnostics) = RulePackCompiler.compile(pack)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let context = LintContext(pack: pack, ruleSet: ruleSet)
        #expect(Set(context.rules.map(\.node.span)).count == 1)
        #expect(context.rules.count == 2)
        for rule in context.rules {
            let compiled = try #require(context.compiled(rule))
            #expect(compiled.name == rule.node.name.name)
            #expect(compiled.file.path == rule.file.path)
        }
        let findings = Linter.lint(pack).diagnostics.filter { $0.id == .ruleNeverFires }
        #expect(findings.map(\.message) == ["rule 'first' can never fire: it has weight 0"])
    }
}
