/// The result of parsing: which options were given, their values, and the positionals.
///
/// Options are looked up by long name, whichever spelling the user typed.
public struct ParsedArguments: Sendable, Equatable {
    public var positionals: [String]
    private var given: Set<String>
    private var givenValues: [String: [String]]
    private let defaults: [String: String]
    /// The names the command declares, when known: looking up another is a wiring mistake.
    private let declared: Set<String>?

    /// `values` holds every value given per long name; `defaults` those reported when absent.
    public init(
        positionals: [String] = [],
        flags: Set<String> = [],
        values: [String: [String]] = [:],
        defaults: [String: String] = [:],
        declared: Set<String>? = nil
    ) {
        self.positionals = positionals
        self.given = flags.union(values.keys)
        self.givenValues = values
        self.defaults = defaults
        self.declared = declared
    }

    private func checked(_ name: OptionName) -> String {
        assert(declared?.contains(name.rawValue) ?? true, "option '--\(name)' is not declared by this command")
        return name.rawValue
    }

    public func flag(_ name: OptionName) -> Bool {
        given.contains(checked(name))
    }

    /// The last value given, else the option's default, else `nil`.
    public func value(_ name: OptionName) -> String? {
        let long = checked(name)
        return givenValues[long]?.last ?? defaults[long]
    }

    /// Every value given, in order; the default alone when none was given.
    public func values(_ name: OptionName) -> [String] {
        let long = checked(name)
        if let values = givenValues[long], !values.isEmpty {
            return values
        }
        return defaults[long].map { [$0] } ?? []
    }

    public func wasGiven(_ name: OptionName) -> Bool {
        given.contains(checked(name))
    }

    mutating func recordFlag(_ long: String) {
        given.insert(long)
    }

    /// Repeatable options keep every value; single-value ones keep only the last.
    mutating func record(_ value: String, for long: String, repeatable: Bool) {
        given.insert(long)
        if repeatable {
            givenValues[long, default: []].append(value)
        } else {
            givenValues[long] = [value]
        }
    }
}
