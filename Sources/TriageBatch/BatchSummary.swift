import Foundation
import TriageSupport

/// What a batch run did, for the summary on stderr: counts, categories, throughput, and the
/// first few error records so a person sees what went wrong without searching the output.
public struct BatchSummary: Sendable {
    static let errorsShown = 10

    public internal(set) var records = 0
    public internal(set) var errors = 0
    public internal(set) var bytes = 0
    public internal(set) var categories: [String: Int] = [:]
    /// Records with a `limits` member, and with `budget_exceeded`.
    /// Error records whose line was not JSON at all (for the `--input lines` hint).
    public internal(set) var jsonErrors = 0
    public internal(set) var limited = 0
    public internal(set) var budgetExceeded = 0
    /// "file:line: reason" of the first error records.
    public internal(set) var firstErrors: [String] = []

    mutating func add(_ outcome: BatchRecordProcessor.Outcome, record: BatchRecord) {
        records += 1
        if outcome.limited { limited += 1 }
        if outcome.budgetExceeded { budgetExceeded += 1 }
        if let category = outcome.category {
            categories[category, default: 0] += 1
        } else {
            errors += 1
            if let error = outcome.error, error.hasPrefix("invalid JSON") || error.hasPrefix("not a JSON object") { jsonErrors += 1 }
            if firstErrors.count < Self.errorsShown {
                firstErrors.append(TerminalText.escaped("\(record.file):\(record.line): \(outcome.error ?? "error")"))
            }
        }
    }

    /// The summary for stderr, drawn with `style`.
    public func render(seconds: Double, jobs: Int, style: TerminalStyle) -> String {
        let elapsed = max(seconds, 1e-6)
        var text = "\(style.bold("triage batch")): \(records) record\(records == 1 ? "" : "s"), \(records - errors) classified, "
        text += errors == 0 ? "no errors\n" : style.red("\(errors) error\(errors == 1 ? "" : "s")") + "\n"
        text += "  \(format(seconds, digits: 2)) s, \(Int((Double(records) / elapsed).rounded())) records/s, "
        text += "\(format(Double(bytes) / 1e6 / elapsed, digits: 1)) MB/s (\(format(Double(bytes) / 1e6, digits: 1)) MB read, \(jobs) worker\(jobs == 1 ? "" : "s"))\n"
        if limited > 0 || budgetExceeded > 0 {
            text += "  " + style.yellow("\(limited) record\(limited == 1 ? "" : "s") hit a pattern limit, \(budgetExceeded) ran out of the time budget")
                + (budgetExceeded > 0 ? " (flagged 'budget_exceeded': retry them, e.g. with a larger --time-budget)" : "") + "\n"
        }
        let sorted = categories.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let width = sorted.map(\.key.count).max() ?? 0
        for (category, count) in sorted {
            text += "  \(category.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(count).leftPadded(8))\n"
        }
        if !firstErrors.isEmpty {
            text += "  first error records\(errors > firstErrors.count ? " (\(firstErrors.count) of \(errors))" : ""):\n"
            text += firstErrors.map { "    \($0)\n" }.joined()
        }
        return text
    }

    private func format(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
