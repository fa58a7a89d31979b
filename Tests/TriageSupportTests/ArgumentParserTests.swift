import Testing
import TriageSupport

struct ArgumentParserTests {
    private let spec = CommandSpec(
        name: "classify",
        summary: "Classify one message.",
        usage: ["triage classify [options] [TEXT | -]"],
        options: [
            OptionSpec(
                long: "format", short: "f", kind: .value(placeholder: "FORMAT"), help: "output format",
                allowedValues: ["text", "json"], defaultValue: "text"
            ),
            OptionSpec(long: "rules", short: "r", kind: .repeatable(placeholder: "PATH"), help: "rule files"),
            OptionSpec(long: "explain", short: "e", help: "show why rules matched"),
            OptionSpec(long: "all", short: "a", help: "show all matches"),
            OptionSpec(long: "brief", short: "b", help: "one line per message"),
            OptionSpec(long: "limit", kind: .value(placeholder: "N"), help: "stop after N"),
        ],
        positionalName: "TEXT",
        minPositionals: 0,
        maxPositionals: 1
    )

    private func parse(_ arguments: [String], spec: CommandSpec? = nil) throws(UsageError) -> ParsedArguments {
        try ArgumentParser.parse(arguments, spec: spec ?? self.spec)
    }

    private func error(_ arguments: [String], spec: CommandSpec? = nil) -> String? {
        do {
            _ = try parse(arguments, spec: spec)
            return nil
        } catch {
            return error.message
        }
    }

    // MARK: values

    @Test(arguments: [["--format", "json"], ["--format=json"], ["-f", "json"], ["-fjson"], ["-f=json"]])
    func everySpellingOfAValue(arguments: [String]) throws {
        let parsed = try parse(arguments)
        #expect(parsed.value("format") == "json")
        #expect(parsed.wasGiven("format"))
        #expect(parsed.positionals.isEmpty)
    }

    @Test func absentValueReportsDefault() throws {
        let parsed = try parse([])
        #expect(parsed.value("format") == "text")
        #expect(!parsed.wasGiven("format"))
        #expect(parsed.value("limit") == nil)
    }

    @Test func lastValueWins() throws {
        let parsed = try parse(["--format", "json", "-f", "text"])
        #expect(parsed.value("format") == "text")
        #expect(parsed.values("format") == ["text"])
    }

    @Test func repeatableKeepsAllValuesInOrder() throws {
        let parsed = try parse(["--rules", "a", "-rb", "--rules=c", "-r", "d"])
        #expect(parsed.values("rules") == ["a", "b", "c", "d"])
        #expect(parsed.value("rules") == "d")
    }

    @Test func valueMayStartWithDash() throws {
        #expect(try parse(["--rules", "-"]).values("rules") == ["-"])
        #expect(try parse(["--limit", "-5"]).value("limit") == "-5")
        #expect(try parse(["-r", "--explain"]).values("rules") == ["--explain"])
    }

    @Test func emptyAttachedValueIsAValue() throws {
        #expect(try parse(["--limit="]).value("limit") == "")
    }

    // MARK: flags and clusters

    @Test func flags() throws {
        let parsed = try parse(["--explain", "-a"])
        #expect(parsed.flag("explain"))
        #expect(parsed.flag("all"))
        #expect(!parsed.flag("brief"))
    }

    @Test func clusterOfShortFlags() throws {
        let parsed = try parse(["-ab"])
        #expect(parsed.flag("all"))
        #expect(parsed.flag("brief"))
        #expect(!parsed.flag("explain"))
    }

    @Test func clusterEndingInValueOption() throws {
        let attached = try parse(["-abfjson"])
        #expect(attached.flag("all") && attached.flag("brief"))
        #expect(attached.value("format") == "json")

        let separate = try parse(["-af", "json", "x"])
        #expect(separate.flag("all"))
        #expect(separate.value("format") == "json")
        #expect(separate.positionals == ["x"])
    }

    @Test func helpIsNotSpecial() {
        #expect(error(["--help"]) == "unknown option '--help'")
        #expect(error(["-h"]) == "unknown option '-h'")
    }

    // MARK: positionals

    @Test func loneDashIsAPositional() throws {
        #expect(try parse(["-"]).positionals == ["-"])
    }

    @Test func terminatorEndsOptions() throws {
        let parsed = try parse(["--explain", "--", "--x"])
        #expect(parsed.flag("explain"))
        #expect(parsed.positionals == ["--x"])
    }

    @Test func optionsAndPositionalsInterleave() throws {
        let spec = CommandSpec(
            name: "check", options: [OptionSpec(long: "quiet", short: "q", help: "")],
            positionalName: "FILE", maxPositionals: nil
        )
        let parsed = try parse(["a", "-q", "b", "--", "-q"], spec: spec)
        #expect(parsed.positionals == ["a", "b", "-q"])
        #expect(parsed.flag("quiet"))
    }

    @Test func tooManyPositionals() {
        #expect(error(["hello", "foo"]) == "unexpected argument 'foo'")
        #expect(error(["--", "hello", "--x"]) == "unexpected argument '--x'")
    }

    @Test func tooFewPositionals() {
        let spec = CommandSpec(name: "explain", positionalName: "RULE", minPositionals: 1, maxPositionals: 1)
        #expect(error([], spec: spec) == "missing RULE")
        #expect(error(["refund"], spec: spec) == nil)
    }

    @Test func defaultSpecTakesNoPositionals() {
        #expect(error(["x"], spec: CommandSpec(name: "version")) == "unexpected argument 'x'")
    }

    // MARK: errors

    @Test func unknownLongOptionSuggestsClosest() {
        #expect(error(["--fromat", "json"]) == "unknown option '--fromat'. did you mean '--format'?")
        #expect(error(["--explian=yes"]) == "unknown option '--explian'. did you mean '--explain'?")
    }

    @Test func unknownLongOptionWithoutCloseMatch() {
        #expect(error(["--verbose"]) == "unknown option '--verbose'")
    }

    @Test func unknownShortOption() {
        #expect(error(["-q"]) == "unknown option '-q'")
        #expect(error(["-aq"]) == "unknown option '-q'")
    }

    @Test func valueOptionWithoutValue() {
        #expect(error(["--format"]) == "option '--format' needs a value")
        #expect(error(["-f"]) == "option '-f' needs a value")
        #expect(error(["-af"]) == "option '-f' needs a value")
        #expect(error(["--limit", "--", "x"]) == "option '--limit' needs a value")
    }

    @Test func flagGivenAValue() {
        #expect(error(["--explain=yes"]) == "option '--explain' does not take a value")
        #expect(error(["--explain="]) == "option '--explain' does not take a value")
        #expect(error(["-e=yes"]) == "option '-e' does not take a value")
    }

    @Test func valueOutsideAllowedValuesWithSuggestion() {
        #expect(
            error(["--format", "jsn"])
                == "invalid value 'jsn' for '--format'. expected one of: text, json. did you mean 'json'?"
        )
        #expect(
            error(["-fJSON"])
                == "invalid value 'JSON' for '-f'. expected one of: text, json. did you mean 'json'?"
        )
    }

    @Test func valueOutsideAllowedValuesWithoutSuggestion() {
        #expect(error(["--format=yaml"]) == "invalid value 'yaml' for '--format'. expected one of: text, json")
    }

    @Test func firstErrorFromTheLeftWins() {
        #expect(error(["--nope", "-q"]) == "unknown option '--nope'")
    }
}
