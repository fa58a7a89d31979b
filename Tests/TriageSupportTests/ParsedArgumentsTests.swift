import Testing
import TriageSupport

struct ParsedArgumentsTests {
    @Test func publicInitAnswersQueries() {
        let parsed = ParsedArguments(
            positionals: ["x"],
            flags: ["explain"],
            values: ["rules": ["a", "b"]],
            defaults: ["format": "text", "rules": "rules/"]
        )
        #expect(parsed.flag("explain"))
        #expect(parsed.wasGiven("rules"))
        #expect(!parsed.wasGiven("format"))
        #expect(parsed.values("rules") == ["a", "b"])
        #expect(parsed.value("format") == "text")
        #expect(parsed.positionals == ["x"])
    }

    @Test func valuesFallBackToDefaultAlone() {
        let parsed = ParsedArguments(defaults: ["rules": "rules/"])
        #expect(parsed.values("rules") == ["rules/"])
        #expect(parsed.values("other") == [])
        #expect(parsed.value("other") == nil)
        #expect(!parsed.flag("other"))
    }
}
