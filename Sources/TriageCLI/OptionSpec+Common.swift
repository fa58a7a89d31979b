import TriageSupport

/// Options every command spells the same way.
extension OptionSpec {
    static let help = OptionSpec(name: .help, short: "h", help: "show this help")

    /// Results are identical either way; the switch exists to compare and to rule it out.
    static let noPrefilter = OptionSpec(name: .noPrefilter, help: "run every pattern through PCRE2 instead of skipping those whose words are absent")

    /// Input that is not UTF-8 is refused instead of decoded with U+FFFD (`input_repaired`).
    static let strictUTF8 = OptionSpec(name: .strictUTF8, help: "refuse input that is not valid UTF-8 instead of replacing bad bytes with U+FFFD")

    static func color(_ help: String) -> OptionSpec {
        OptionSpec(name: .color, kind: .value(placeholder: "WHEN"), help: help, allowedValues: ColorMode.allCases.map(\.rawValue), defaultValue: "auto")
    }
}
