import Foundation
import TriageSupport

/// `--jobs N`, shared by the commands that work on all cores.
enum JobsOption {
    static let spec = OptionSpec(name: .jobs, short: "j", kind: .value(placeholder: "N"), help: "worker threads (default: all cores)")

    /// The number given, or every core.
    static func parse(_ text: String?) throws(UsageError) -> Int {
        guard let text else { return ProcessInfo.processInfo.activeProcessorCount }
        guard let value = Int(text), value >= 1 else {
            throw UsageError("invalid value '\(text)' for '--jobs'. expected a whole number of at least 1")
        }
        return value
    }
}
