import Testing
import TriageEngine
import TriageSyntax
@testable import TriageLint

/// `lint { disable …  severity … }` in the pack itself (docs/language.md, "Lint configuration").
@Suite struct LintConfigurationTests {
    func lint(_ files: [(String, String)]) -> Linter.Result {
        Linter.lint(RulePackLoader.load(embedded: files.map { (path: $0.0, contents: $0.1) }, root: ""))
    }

    static let pack = """
    category other "Other" { playbook p }
    playbook p { step chat "x" }
    define unused = words { late }
    define brand = words { Kindle }
    rule r -> other { when brand }
    """

    @Test func withoutConfigurationBothChecksWarn() {
        let result = lint([("pack.rules", Self.pack)])
        #expect(result.diagnostics.map(\.id).sorted() == [.unusedDefinition, .uppercaseInCaselessList])
        #expect(result.warnings == 2)
    }

    @Test func checksCanBeDisabledAndMadeLouderFromAnyFile() {
        let config = """
        lint {
          disable unused-definition
          severity uppercase-in-caseless-list error
        }
        """
        let result = lint([("pack.rules", Self.pack), ("lint.rules", config)])
        #expect(result.diagnostics.map(\.id) == [.uppercaseInCaselessList])
        #expect(result.errors == 1)
        #expect(result.disabled == 1)
    }

    @Test func unknownAndRepeatedIdsAreErrors() {
        let config = """
        lint {
          disable unused-defintion unused-signal
          severity unused-signal note
        }
        """
        let result = lint([("pack.rules", Self.pack), ("lint.rules", config)])
        let messages = result.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(messages.contains("'unused-defintion' is not a lint check"))
        #expect(messages.contains("lint check 'unused-signal' is configured twice"))
        #expect(result.diagnostics.first { $0.id == .unknownLintCheck }?.hint == "did you mean 'unused-definition'?")
    }

    @Test func compileErrorsCannotBeTurnedOff() {
        let result = lint([("pack.rules", Self.pack + "\nrule bad -> nowhere { when \"x\" }\nlint {\n  disable undefined-name\n}")])
        #expect(result.diagnostics.contains { $0.id == .undefinedName })
        #expect(result.diagnostics.contains { $0.id == .unknownLintCheck })
    }
}
