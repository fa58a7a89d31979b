/// One option in a command's table; the same table drives parsing and help.
public struct OptionSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        case flag
        /// Takes one value; when given more than once, the last one wins.
        case value(placeholder: String)
        /// Takes one value each time and keeps them all, in order.
        case repeatable(placeholder: String)
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

    public var takesValue: Bool {
        kind != .flag
    }

    public var placeholder: String? {
        switch kind {
        case .flag: nil
        case .value(let placeholder), .repeatable(let placeholder): placeholder
        }
    }
}
