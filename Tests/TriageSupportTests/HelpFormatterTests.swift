import Testing
import TriageSupport

struct HelpFormatterTests {
    @Test func fullHelp() {
        let spec = CommandSpec(
            name: "classify",
            summary: "Classify one message against the rule pack.",
            usage: ["triage classify [options] [TEXT | -]", "triage classify --file PATH"],
            options: [
                OptionSpec(
                    name: OptionName("format"), short: "f", kind: .value(placeholder: "FORMAT"), help: "output format",
                    allowedValues: ["text", "json"], defaultValue: "text"
                ),
                OptionSpec(name: OptionName("rules"), kind: .repeatable(placeholder: "PATH"), help: "load rules from PATH"),
                OptionSpec(name: OptionName("explain"), help: "show why each rule matched"),
                OptionSpec(name: OptionName("help"), short: "h", help: "show this help"),
            ],
            positionalName: "TEXT",
            maxPositionals: 1,
            discussion: "With no TEXT, or when TEXT is '-', read standard input."
        )
        #expect(
            HelpFormatter.help(for: spec) == """
                usage: triage classify [options] [TEXT | -]
                       triage classify --file PATH

                Classify one message against the rule pack.

                options:
                  -f, --format FORMAT  output format (one of: text, json; default: text)
                      --rules PATH     load rules from PATH (may be repeated)
                      --explain        show why each rule matched
                  -h, --help           show this help

                With no TEXT, or when TEXT is '-', read standard input.
                """
        )
    }

    @Test func minimalHelpDerivesUsage() {
        #expect(HelpFormatter.help(for: CommandSpec(name: "triage version")) == "usage: triage version")
    }

    @Test(arguments: [
        (0, 0 as Int?, "triage check [options]"),
        (0, 1, "triage check [options] [FILE]"),
        (1, 1, "triage check [options] FILE"),
        (1, nil, "triage check [options] FILE..."),
        (0, 3, "triage check [options] [FILE...]"),
    ])
    func derivedUsageLine(min: Int, max: Int?, expected: String) {
        let spec = CommandSpec(
            name: "triage check", options: [OptionSpec(name: OptionName("quiet"), help: "")],
            positionalName: "FILE", minPositionals: min, maxPositionals: max
        )
        #expect(spec.usageLines == [expected])
    }

    @Test func optionWithOnlyNotes() {
        let spec = CommandSpec(
            name: "x", usage: ["x"],
            options: [OptionSpec(name: OptionName("color"), kind: .value(placeholder: "WHEN"), help: "", defaultValue: "auto")]
        )
        #expect(HelpFormatter.help(for: spec) == "usage: x\n\noptions:\n      --color WHEN  default: auto")
    }
}
