import TriageEngine
import TriageSupport

/// `--now YYYY-MM-DD`, shared by the commands that classify: the day relative dates
/// ("next friday", "yesterday") are counted from (default: today, UTC).
enum NowOption {
    static let spec = OptionSpec(name: .now, kind: .value(placeholder: "YYYY-MM-DD"),
                                 help: "count relative dates ('next friday') from this day (default: today, UTC)")

    static func parse(_ text: String?) throws(UsageError) -> (year: Int, month: Int, day: Int)? {
        guard let text else { return nil }
        guard let day = DateContext.day(text) else {
            throw UsageError("invalid value '\(text)' for '--now'. expected a date such as 2026-12-05")
        }
        return day
    }
}
