import Testing
import TriageSupport

struct ArgumentParserTests {
    private let spec = CommandSpec(
        name: "classify",
        summary: "Classify one message.",
        usage: ["triage classify [options] [TEXT | -]"],
        options: [
            OptionSpec(
                name: OptionName("format"), short: "f", kind: .value(placeholder: "FORMAT"), help: "output format",
                allowedValues: ["text", "json"], defaultValue: "text"
            ),
            OptionSpec(name: OptionName("rules"), short: "r", kind: .repeatable(placeholder: "PATH"), help: "rule files"),
            OptionSpec(name: OptionName("explain"), short: "e", help: "show why rules matched"),
            OptionSpec(name: OptionName("all"), short: "a", help: "show all matches"),
            OptionSpec(name: OptionName("brief"), short: "b", help: "one line per message"),
            OptionSpec(name: OptionName("limit"), kind: .value(placeholder: "N"), help: "stop after N"),
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

    // MARK: optional values

    private let explainSpec = CommandSpec(
        name: "classify", summary: "Classify one message.", usage: ["triage classify [options] TEXT"],
        options: [
            OptionSpec(name: OptionName("explain"), short: "e", kind: .optionalValue(placeholder: "WHAT"), help: "why", allowedValues: ["all"]),
            OptionSpec(name: OptionName("help"), short: "h", help: "help"),
            OptionSpec(name: OptionName("format"), short: "f", kind: .value(placeholder: "FORMAT"), help: "format"),
        ],
        positionalName: "TEXT", minPositionals: 0, maxPositionals: nil
    )

    @Test func anOptionalValueIsAFlagAloneAndTakesAValueOnlyAfterEquals() throws {
        let alone = try parse(["--explain", "all"], spec: explainSpec)
        #expect(alone.flag(OptionName("explain")))
        #expect(alone.value(OptionName("explain")) == nil)
        #expect(alone.positionals == ["all"], "the next argument is text, not the value")
        for arguments in [["--explain=all"], ["-e=all"], ["-he=all"]] {
            let given = try parse(arguments + ["my parcel"], spec: explainSpec)
            #expect(given.flag(OptionName("explain")), "\(arguments)")
            #expect(given.value(OptionName("explain")) == "all", "\(arguments)")
            #expect(given.positionals == ["my parcel"])
        }
        let cluster = try parse(["-eh"], spec: explainSpec)
        #expect(cluster.flag(OptionName("explain")) && cluster.flag(OptionName("help")))
        #expect(cluster.value(OptionName("explain")) == nil)
        #expect(error(["--explain=al"], spec: explainSpec) == "invalid value 'al' for '--explain'. expected one of: all. did you mean 'all'?")
        #expect(error(["-e=everything"], spec: explainSpec)?.hasPrefix("invalid value 'everything' for '-e'") == true)
        #expect(error(["--help=yes"], spec: explainSpec) != nil)
    }

    @Test func anOptionalValueIsShownInBrackets() {
        let help = HelpFormatter.help(for: explainSpec)
        #expect(help.contains("-e, --explain[=WHAT]"))
        #expect(help.contains("-f, --format FORMAT"))
    }

    // MARK: names

    #if DEBUG
    /// A command that looks up a name it never declared has miswired an option: it would
    /// otherwise read as "never given" forever.
    @Test func lookingUpAnUndeclaredOptionStopsADebugBuild() async {
        await #expect(processExitsWith: .failure) {
            let spec = CommandSpec(name: "x", summary: "x", usage: ["x"], options: [OptionSpec(name: OptionName("rules"), help: "rules")])
            let parsed = try ArgumentParser.parse([], spec: spec)
            _ = parsed.flag(OptionName("ruels"))
        }
    }
    #endif

    // MARK: values

    @Test(arguments: [["--format", "json"], ["--format=json"], ["-f", "json"], ["-fjson"], ["-f=json"]])
    func everySpellingOfAValue(arguments: [String]) throws {
        let parsed = try parse(arguments)
        #expect(parsed.value(OptionName("format")) == "json")
        #expect(parsed.wasGiven(OptionName("format")))
        #expect(parsed.positionals.isEmpty)
    }

    @Test func absentValueReportsDefault() throws {
        let parsed = try parse([])
        #expect(parsed.value(OptionName("format")) == "text")
        #expect(!parsed.wasGiven(OptionName("format")))
        #expect(parsed.value(OptionName("limit")) == nil)
    }

    @Test func lastValueWins() throws {
        let parsed = try parse(["--format", "json", "-f", "text"])
        #expect(parsed.value(OptionName("format")) == "text")
        #expect(parsed.values(OptionName("format")) == ["text"])
    }

    @Test func repeatableKeepsAllValuesInOrder() throws {
        let parsed = try parse(["--rules", "a", "-rb", "--rules=c", "-r", "d"])
        #expect(parsed.values(OptionName("rules")) == ["a", "b", "c", "d"])
        #expect(parsed.value(OptionName("rules")) == "d")
    }

    @Test func valueMayStartWithDash() throws {
        #expect(try parse(["--rules", "-"]).values(OptionName("rules")) == ["-"])
        #expect(try parse(["--limit", "-5"]).value(OptionName("limit")) == "-5")
        #expect(try parse(["-r", "--explain"]).values(OptionName("rules")) == ["--explain"])
    }

    @Test func emptyAttachedValueIsAValue() throws {
        #expect(try parse(["--limit="]).value(OptionName("limit")) == "")
    }

    // MARK: flags and clusters

    @Test func flags() throws {
        let parsed = try parse(["--explain", "-a"])
        #expect(parsed.flag(OptionName("explain")))
        #expect(parsed.flag(OptionName("all")))
        #expect(!parsed.flag(OptionName("brief")))
    }

    @Test func clusterOfShortFlags() throws {
        let parsed = try parse(["-ab"])
        #expect(parsed.flag(OptionName("all")))
        #expect(parsed.flag(OptionName("brief")))
        #expect(!parsed.flag(OptionName("explain")))
    }

    @Test func clusterEndingInValueOption() throws {
        let attached = try parse(["-abfjson"])
        #expect(attached.flag(OptionName("all")) && attached.flag(OptionName("brief")))
        #expect(attached.value(OptionName("format")) == "json")

        let separate = try parse(["-af", "json", "x"])
        #expect(separate.flag(OptionName("all")))
        #expect(separate.value(OptionName("format")) == "json")
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
        #expect(parsed.flag(OptionName("explain")))
        #expect(parsed.positionals == ["--x"])
    }

    @Test func optionsAndPositionalsInterleave() throws {
        let spec = CommandSpec(
            name: "check", options: [OptionSpec(name: OptionName("quiet"), short: "q", help: "")],
            positionalName: "FILE", maxPositionals: nil
        )
        let parsed = try parse(["a", "-q", "b", "--", "-q"], spec: spec)
        #expect(parsed.positionals == ["a", "b", "-q"])
        #expect(parsed.flag(OptionName("quiet")))
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
