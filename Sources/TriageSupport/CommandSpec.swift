/// What one command accepts: its options, its positional arguments and the text of its help.
public struct CommandSpec: Sendable {
    /// E.g. `classify`, or `triage` for the top level.
    public let name: String
    /// One line.
    public let summary: String
    /// Usage lines, e.g. `triage classify [options] [TEXT | -]`; empty means "derive one".
    public let usage: [String]
    public let options: [OptionSpec]
    /// Used in help and in "missing TEXT".
    public let positionalName: String
    public let minPositionals: Int
    /// `nil` means unlimited.
    public let maxPositionals: Int?
    /// Free text printed after the options in help.
    public let discussion: String?

    public init(
        name: String,
        summary: String = "",
        usage: [String] = [],
        options: [OptionSpec] = [],
        positionalName: String = "ARGUMENT",
        minPositionals: Int = 0,
        maxPositionals: Int? = 0,
        discussion: String? = nil
    ) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.options = options
        self.positionalName = positionalName
        self.minPositionals = minPositionals
        self.maxPositionals = maxPositionals
        self.discussion = discussion
    }

    public func option(long: String) -> OptionSpec? {
        options.first { $0.long == long }
    }

    public func option(short: Character) -> OptionSpec? {
        options.first { $0.short == short }
    }

    /// The usage lines to show: the given ones, or one built from the options and positionals.
    public var usageLines: [String] {
        if !usage.isEmpty {
            return usage
        }
        var parts = [name]
        if !options.isEmpty {
            parts.append("[options]")
        }
        if maxPositionals != 0 {
            let repeats = maxPositionals.map { $0 > 1 } ?? true
            let one = positionalName + (repeats ? "..." : "")
            parts.append(minPositionals > 0 ? one : "[\(one)]")
        }
        return [parts.joined(separator: " ")]
    }
}
