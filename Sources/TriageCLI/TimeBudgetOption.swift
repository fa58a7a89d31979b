import TriageEngine
import TriageSupport

/// `--time-budget SECONDS`, shared by the commands that classify: how long one message may
/// spend in pattern matching (docs/limits.md).
enum TimeBudgetOption {
    static let spec = OptionSpec(name: .timeBudget, kind: .value(placeholder: "SECONDS"),
                                 help: "stop matching one message after this many seconds (default \(RuleLimits.defaultTimeBudget.seconds))")

    /// The budget given, or the default; at most a day, so the deadline arithmetic cannot overflow.
    static func parse(_ text: String?) throws(UsageError) -> Duration {
        guard let text else { return RuleLimits.defaultTimeBudget }
        guard let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= 86_400 else {
            throw UsageError("invalid value '\(text)' for '--time-budget'. expected a number of seconds greater than 0, e.g. 0.5")
        }
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }
}
