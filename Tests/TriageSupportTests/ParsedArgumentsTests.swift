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
        #expect(parsed.flag(OptionName("explain")))
        #expect(parsed.wasGiven(OptionName("rules")))
        #expect(!parsed.wasGiven(OptionName("format")))
        #expect(parsed.values(OptionName("rules")) == ["a", "b"])
        #expect(parsed.value(OptionName("format")) == "text")
        #expect(parsed.positionals == ["x"])
    }

    @Test func valuesFallBackToDefaultAlone() {
        let parsed = ParsedArguments(defaults: ["rules": "rules/"])
        #expect(parsed.values(OptionName("rules")) == ["rules/"])
        #expect(parsed.values(OptionName("other")) == [])
        #expect(parsed.value(OptionName("other")) == nil)
        #expect(!parsed.flag(OptionName("other")))
    }
}
