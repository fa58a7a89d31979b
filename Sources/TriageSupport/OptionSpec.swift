/// One option in a command's table; the same table drives parsing and help.
public struct OptionSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        case flag
        /// Takes one value; when given more than once, the last one wins.
        case value(placeholder: String)
        /// Takes one value each time and keeps them all, in order.
        case repeatable(placeholder: String)
        /// A flag that may carry a value after '=': `--explain` or `--explain=all` (`-e`,
        /// `-e=all`). It never takes the next argument, so `--explain my parcel` keeps the text.
        case optionalValue(placeholder: String)
    }

    public let name: OptionName
    /// Without dashes, e.g. `format`.
    public var long: String { name.rawValue }
    public let short: Character?
    public let kind: Kind
    public let help: String
    /// When set, a value outside this list is a usage error.
    public let allowedValues: [String]?
    /// Reported by ``ParsedArguments/value(_:)`` when the option is absent; shown in help.
    public let defaultValue: String?

    public init(
        name: OptionName,
        short: Character? = nil,
        kind: Kind = .flag,
        help: String,
        allowedValues: [String]? = nil,
        defaultValue: String? = nil
    ) {
        self.name = name
        self.short = short
        self.kind = kind
        self.help = help
        self.allowedValues = allowedValues
        self.defaultValue = defaultValue
    }

    /// Whether the option takes a value, attached or as the next argument.
    public var takesValue: Bool {
        switch kind {
        case .flag, .optionalValue: false
        case .value, .repeatable: true
        }
    }

    /// Whether a value may be attached with '=' although none is required.
    public var takesOptionalValue: Bool {
        if case .optionalValue = kind { true } else { false }
    }

    /// The value's name when the option takes one (`FORMAT`); nil for flags and optional values.
    public var placeholder: String? {
        switch kind {
        case .flag, .optionalValue: nil
        case .value(let placeholder), .repeatable(let placeholder): placeholder
        }
    }

    /// How the option is written in help and the man page after its name: ` FORMAT`, or
    /// `[=WHAT]` for an optional value; empty for a flag.
    public var valueSyntax: String {
        switch kind {
        case .flag: ""
        case .value(let placeholder), .repeatable(let placeholder): " " + placeholder
        case .optionalValue(let placeholder): "[=" + placeholder + "]"
        }
    }
}
