import TriageEngine
import TriageEvaluation
import TriageSupport

/// `triage test --holdout FRACTION`: the corpus records split by a hash of their id into the
/// part a team reads and tunes on and the part it only scores, side by side, so the gap
/// (how much the rules fit the examples) is in every run. Fixtures are not split: they are
/// the contract, not a sample.
public struct TestHoldoutReport {
    let results: [CaseResult]
    let split: HoldoutSplit
    let ruleSet: CompiledRuleSet
    let style: TerminalStyle

    public init(results: [CaseResult], split: HoldoutSplit, ruleSet: CompiledRuleSet, style: TerminalStyle) {
        self.results = results
        self.split = split
        self.ruleSet = ruleSet
        self.style = style
    }

    public func render() -> String {
        let corpus = results.filter { $0.testCase.kind == .corpus }
        let heldOut = corpus.filter { split.isHeldOut($0.testCase) }
        let tuned = corpus.filter { !split.isHeldOut($0.testCase) }
        var lines = ["", style.bold("held out") + " \(heldOut.count) of \(corpus.count) corpus records (\(Int((split.fraction * 100).rounded())) % by a hash of the record id); fixtures are not split"]
        guard !heldOut.isEmpty, !tuned.isEmpty else {
            lines.append("  too few corpus records to split")
            return lines.joined(separator: "\n") + "\n"
        }
        let order = ruleSet.categories.map(\.id)
        let fallback = ruleSet.categories[ruleSet.fallbackCategory].id
        func metrics(_ part: [CaseResult]) -> ClassificationMetrics {
            ClassificationMetrics(expected: part.map(\.testCase.expectation.category), got: part.map(\.category), order: order, fallback: fallback)
        }
        let (a, b) = (metrics(tuned), metrics(heldOut))
        lines.append("  " + "".padded(to: 20) + "tuned on".padded(to: 14) + "held out".padded(to: 14) + "gap")
        func row(_ name: String, _ x: Double, _ y: Double) -> String {
            "  " + name.padded(to: 20) + format(x).padded(to: 14) + format(y).padded(to: 14) + signed(x - y)
        }
        lines.append(row("accuracy", a.accuracy, b.accuracy))
        lines.append(row("macro F1", a.macroF1, b.macroF1))
        for category in order {
            guard let x = a.metrics(for: category), let y = b.metrics(for: category), x.support + y.support > 0 else { continue }
            lines.append(row("  " + category, x.f1, y.f1) + style.dim("  (\(x.support) / \(y.support))"))
        }
        lines.append(style.dim("  read and tune on the first part only; a change that helps it and not the held-out part fits examples"))
        return lines.joined(separator: "\n") + "\n"
    }

    private func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }

    private func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + String(format: "%.3f", value)
    }
}
