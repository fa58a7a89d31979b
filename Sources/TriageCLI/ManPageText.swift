import TriageSupport

/// The hand-written parts of `triage.1`; the synopsis, commands and options come from the
/// command tables (`triage help --man`, checked against docs/triage.1 by a test).
enum ManPageText {
    static let text = ManPage.Text(
        name: "triage",
        version: TriageCommand.version,
        description: [
            "Triage reads a customer's complaint (a tweet, an email, a chat transcript), decides what kind of problem it is, and answers with the resolution playbook for it: what the customer can fix by self-service first, which channel to use next, what to have ready, what the message is missing, and what to record so the case can be escalated.",
            "Support teams write the rules in a small declarative language, in *.rules files: word lists and phrases combined with and, or, not and \"within N words of\", negation-aware matching, and PCRE2 regular expressions. Without --rules, the pack shipped in the binary is used.",
            "Options are written --name value or --name=value; short forms (-f json, -fjson) and clusters of short flags work too; -- ends the options. Colour is used only on a terminal, when NO_COLOR is not set and TERM is not dumb; --color overrides.",
        ],
        exitStatus: [
            ("0", "success"),
            ("1", "the rule files have errors; lint: errors, or warnings with --strict; fmt: a file does not parse"),
            ("2", "test: a fixture failed or a minimum was not met; fmt --check/--diff: a file is not formatted"),
            ("64", "usage error"),
            ("65", "classify: the message cannot be classified; batch: some records are error records"),
            ("66", "an input file or directory does not exist or cannot be read"),
            ("73", "init: the directory is not empty or cannot be written"),
            ("74", "the output could not be written"),
        ],
        seeAlso: "docs/cli.md (commands and output formats), docs/language.md (the rule language), docs/diagnostics.md (every diagnostic id), docs/editors.md (triage lsp and editor setup)."
    )
}
