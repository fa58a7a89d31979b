/// A mistake on the command line. Messages are lower-case, have no final full stop,
/// and quote what the user typed in single quotes.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String {
        message
    }

    /// `option` is spelled as typed, e.g. `--fromat` or `-q`.
    public static func unknownOption(_ option: String, suggestion: String? = nil) -> UsageError {
        UsageError("unknown option '\(option)'" + didYouMean(suggestion))
    }

    public static func needsValue(_ option: String) -> UsageError {
        UsageError("option '\(option)' needs a value")
    }

    public static func doesNotTakeValue(_ option: String) -> UsageError {
        UsageError("option '\(option)' does not take a value")
    }

    public static func invalidValue(
        _ value: String,
        for option: String,
        allowed: [String],
        suggestion: String? = nil
    ) -> UsageError {
        UsageError(
            "invalid value '\(value)' for '\(option)'. expected one of: "
                + allowed.joined(separator: ", ") + didYouMean(suggestion)
        )
    }

    public static func unexpectedArgument(_ argument: String) -> UsageError {
        UsageError("unexpected argument '\(argument)'")
    }

    public static func missing(_ positionalName: String) -> UsageError {
        UsageError("missing \(positionalName)")
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { ". did you mean '\($0)'?" } ?? ""
    }
}
