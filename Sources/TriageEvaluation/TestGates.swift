/// The minimums a run must meet (`--min-accuracy`, `--min-f1`, `--min-category-f1`).
public struct TestGates: Sendable {
    public var minimumAccuracy: Double?
    public var minimumMacroF1: Double?
    public var minimumCategoryF1: [String: Double] = [:]

    public init() {}

    /// No minimum given: corpus records then gate nothing, and the verdict says so.
    public var isEmpty: Bool {
        minimumAccuracy == nil && minimumMacroF1 == nil && minimumCategoryF1.isEmpty
    }

    /// One line per gate that is not met.
    public func check(_ metrics: ClassificationMetrics) -> [String] {
        var failures: [String] = []
        if let minimum = minimumAccuracy, metrics.accuracy < minimum {
            failures.append("accuracy \(format(metrics.accuracy)) is below the minimum \(format(minimum))")
        }
        if let minimum = minimumMacroF1, metrics.macroF1 < minimum {
            failures.append("macro F1 \(format(metrics.macroF1)) is below the minimum \(format(minimum))")
        }
        for (category, minimum) in minimumCategoryF1.sorted(by: { $0.key < $1.key }) {
            let f1 = metrics.metrics(for: category)?.f1 ?? 0
            if f1 < minimum {
                failures.append("F1 of \(category) \(format(f1)) is below the minimum \(format(minimum))")
            }
        }
        return failures
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return String(rounded)
    }
}
