import Testing
import TriageEngine

/// Entities from any pattern expression (issue 18), the `upper_compact` normaliser, and
/// errors that do not cascade.
@Suite struct EntityExpressionTests {
    @Test func anEntityIsPatternsJoinedByOr() throws {
        let rules = try compile(pack("""
        define airline = words { "BA" "VS" }
        entity ref "booking reference" = /\\b[A-Z]{2}\\d{4}\\b/ or words case-sensitive { QX-77 } or airline as upper_compact
        """))
        let result = Classifier(ruleSet: rules).classify("flight BA from ref AB1234, then QX-77")
        #expect(result.entities.map(\.value) == ["BA", "AB1234", "QX77"])
    }

    @Test func overlappingAlternativesKeepTheFirstInTextOrder() throws {
        let rules = try compile(pack("""
        entity code "code" = /\\b\\d{3}\\b/ or /\\b\\d{3}-\\d{2}\\b/
        """))
        #expect(Classifier(ruleSet: rules).classify("code 123-45 and 678").entities.map(\.value) == ["123-45", "678"])
    }

    @Test func duplicateNamedGroupsGiveTheGroupThatMatched() throws {
        let rules = try compile(pack("""
        entity ref "reference" = /(?J)ref\\s+(?<ref>[A-Z]\\d+)|booking\\s+(?<ref>\\d+)/
        """))
        #expect(Classifier(ruleSet: rules).classify("booking 42").entities.map(\.value) == ["42"])
        #expect(Classifier(ruleSet: rules).classify("ref A7").entities.map(\.value) == ["A7"])
    }

    @Test func upperCompactStripsSpacesAndDashes() {
        #expect(EntityNormalizer.upperCompact.normalize(" ab-12 cd ") == "AB12CD")
    }

    @Test func aRefusedEntityIsStillDeclared() {
        let source = pack("""
        category c "C" { playbook pc }
        playbook pc {
          needs ref "your reference"
          step chat "Quote {ref|your reference}."
        }
        entity ref "reference" = "ref" and "number"
        """)
        let (ruleSet, diagnostics) = RuleEngine.compile(source: source, path: "e.rules")
        #expect(ruleSet == nil)
        #expect(diagnostics.map(\.id) == [.notAPattern])
        #expect(diagnostics.first?.message == "an entity is a pattern, or patterns joined by 'or'")
    }

    @Test func anEmptyFallbackIsAnError() {
        let source = pack("""
        entity ref "reference" = /R\\d+/
        category c "C" { playbook pc }
        playbook pc { step chat "Your reference {ref|}." }
        """)
        let (_, diagnostics) = RuleEngine.compile(source: source, path: "e.rules")
        #expect(diagnostics.map(\.id) == [.invalidTemplate])
        #expect(diagnostics.first?.message == "empty fallback in '{ref|}'")
    }
}
