import TriageEngine
import TriageEvaluation
import TriageSupport

/// The options of `triage test`, validated before any work: the second stage after
/// `ArgumentParser`.
struct TestSettings {
    var gates = TestGates()
    var timeBudget = RuleLimits.defaultTimeBudget
    /// `--now`: the day relative dates are counted from.
    var today: (year: Int, month: Int, day: Int)?
    /// `--holdout X`: also score a split of the corpus by a hash of the case id.
    var holdout: HoldoutSplit?
    var jobs: Int
    /// `--baseline FILE`, and whether to rewrite it (`--update-baseline`).
    var baselinePath: String?
    var updateBaseline: Bool
    var reader = CorpusReader()
    /// `--filter TEXT`: only the cases whose file, name or label contain one of the texts.
    var filter: TestCaseFilter

    init(_ parsed: ParsedArguments) throws(UsageError) {
        jobs = try JobsOption.parse(parsed.value(.jobs))
        today = try NowOption.parse(parsed.value(.now))
        if let text = parsed.value(.holdout) {
            guard let value = Double(text), value > 0, value < 1 else {
                throw UsageError("invalid value '\(text)' for '--holdout'. expected a number above 0 and below 1, e.g. 0.3")
            }
            holdout = HoldoutSplit(fraction: value)
        }
        gates.minimumAccuracy = try Self.fraction(parsed.value(.minAccuracy), option: "--min-accuracy")
        gates.minimumMacroF1 = try Self.fraction(parsed.value(.minF1), option: "--min-f1")
        for item in parsed.values(.minCategoryF1) {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw UsageError("invalid value '\(item)' for '--min-category-f1'. expected CATEGORY=X, e.g. delivery.late=0.8")
            }
            gates.minimumCategoryF1[parts[0]] = try Self.fraction(parts[1], option: "--min-category-f1")
        }
        timeBudget = try TimeBudgetOption.parse(parsed.value(.timeBudget))
        filter = TestCaseFilter(parsed.values(.filter))
        baselinePath = parsed.value(.baseline)
        updateBaseline = parsed.flag(.updateBaseline)
        if updateBaseline && baselinePath == nil {
            throw UsageError("--update-baseline needs --baseline FILE")
        }
        if updateBaseline && !filter.isEmpty {
            // The baseline would lose every case the filter leaves out.
            throw UsageError("--update-baseline cannot be used with --filter: the baseline would keep only the filtered cases")
        }
        reader.textField = parsed.value(.textField) ?? "text"
        reader.labelField = parsed.value(.labelField) ?? "label"
        reader.secondaryField = parsed.value(.secondaryField)
        reader.idField = parsed.value(.idField)
        reader.strictUTF8 = parsed.flag(.strictUTF8)
    }

    private static func fraction(_ text: String?, option: String) throws(UsageError) -> Double? {
        guard let text else { return nil }
        guard let value = Double(text), (0...1).contains(value) else {
            throw UsageError("invalid value '\(text)' for '\(option)'. expected a number from 0 to 1")
        }
        return value
    }
}
