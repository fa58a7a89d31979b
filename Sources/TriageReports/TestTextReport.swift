import Foundation
import TriageEngine
import TriageEvaluation
import TriageSupport

/// The terminal report of `triage test`: failures with their evidence, input problems,
/// metrics, a confusion matrix, rule statistics and the verdict. Everything read from the
/// cases — paths, labels, `todo:` text, quoted words, problems — goes through ``TerminalText``.
struct TestTextReport: Reporter {
    static let format = ReportFormat.text
    static let summary = "failing cases, metrics per category, confusion and rule statistics"

    let run: TestRun
    let style: TerminalStyle
    let verbose: Bool

    init(_ run: TestRun, options: ReportOptions) {
        self.run = run
        style = options.style
        verbose = options.verbose
    }

    func render() -> String {
        var lines: [String] = []
        for result in run.results {
            switch result.status {
            case .failed:
                lines.append(style.red("FAIL") + " \(location(result))  " + safe(result.failures.joined(separator: "; ")))
                lines += evidenceLines(result)
            case .knownFailure:
                if verbose { lines.append(style.yellow("todo") + " \(location(result))  " + safe(result.failures.joined(separator: "; ")) + style.dim("  (known: \(safe(result.testCase.todo ?? "")))")) }
            case .fixedTodo:
                lines.append(style.yellow("TODO PASSES") + " \(location(result))  remove its 'todo' line")
            case .passed:
                if verbose { lines.append(style.green("ok  ") + " \(location(result))  \(safe(result.category))") }
            }
        }
        if let baseline = run.baseline {
            lines.append("")
            lines.append(style.bold("against the baseline") + ": \(baseline.newlyBroken.count) newly broken, \(baseline.newlyFixed.count) newly fixed, \(baseline.changed.count) other changes")
            for result in baseline.newlyBroken { lines.append("  " + style.red("broken") + " \(location(result))  " + safe(result.failures.joined(separator: "; "))) }
            for result in baseline.newlyFixed { lines.append("  " + style.green("fixed ") + " \(location(result))  now \(safe(result.category))") }
            for result in baseline.changed { lines.append("  " + style.dim("changed") + " \(location(result))  now \(safe(result.category))") }
            if !baseline.newlyFixed.isEmpty || !baseline.changed.isEmpty { lines.append(style.dim("  run with --update-baseline to accept the new decisions")) }
        }
        if !run.problems.isEmpty {
            lines.append("")
            lines.append(style.bold("input problems") + " (\(run.problems.count))")
            for problem in run.problems { lines.append("  " + style.red("error") + " " + safe("\(problem.file):\(problem.line): \(problem.message)")) }
        }
        let repairs = run.repairs
        if !repairs.isEmpty {
            lines.append("")
            lines.append(style.bold("input repaired") + " (\(repairs.count)): classified with U+FFFD for each byte that is not UTF-8; --strict-utf8 refuses them")
            for repair in repairs {
                lines.append("  " + style.yellow("warning") + " [\(MessageBytes.repairedWarning)] " + safe("\(repair.file):\(repair.line): \(repair.message)"))
            }
        }
        if run.filteredOut > 0 {
            lines.append(style.dim("filtered out \(run.filteredOut) case\(run.filteredOut == 1 ? "" : "s") (--filter): the metrics cover only the \(run.results.count) that ran"))
        }
        if !run.skippedFiles.isEmpty {
            lines.append(style.dim("skipped \(run.skippedFiles.count) file\(run.skippedFiles.count == 1 ? "" : "s") that are neither fixtures (.triage) nor corpora (.jsonl, .csv)"))
        }
        lines.append("")
        lines += summaryLines()
        lines.append("")
        // Only rule examples ran: metrics over them would say nothing about the rules.
        if run.fixtureCount + run.corpusCount > 0 {
            lines += categoryLines()
            lines.append("")
            lines += confusionLines()
            lines.append("")
            lines += ruleLines()
            lines.append("")
        }
        lines += verdictLines()
        return lines.joined(separator: "\n") + "\n"
    }

    private func location(_ result: CaseResult) -> String {
        safe("\(result.testCase.file):\(result.testCase.line)")
    }

    private func safe(_ text: String) -> String {
        TerminalText.escaped(text)
    }

    private func evidenceLines(_ result: CaseResult) -> [String] {
        guard !result.evidence.isEmpty else { return ["     " + style.dim("no rule fired")] }
        return result.evidence.map { evidence in
            let words = evidence.matches.prefix(3).map { "'\(safe($0.text))' \($0.line):\($0.column)" }.joined(separator: ", ")
            let weight = evidence.weight >= 0 ? "+\(evidence.weight.compact)" : evidence.weight.compact
            return "     " + style.dim(safe("\(evidence.rule) -> \(evidence.target) \(weight)  ")) + words
        }
    }

    private func summaryLines() -> [String] {
        let m = run.metrics
        let counts = [
            "passed \(run.results.filter { $0.status == .passed }.count)",
            "failed \(run.failed.count)",
            "todo \(run.knownFailures.count + run.fixedTodos.count)" + (run.fixedTodos.isEmpty ? "" : " (\(run.fixedTodos.count) now pass)"),
        ]
        return [
            style.bold("summary"),
            "  cases       \(run.results.count) (\(run.fixtureCount) fixtures, \(run.exampleCount > 0 ? "\(run.exampleCount) rule examples, " : "")\(run.corpusCount) corpus records) in \(String(format: "%.2f", run.seconds)) s"
                + (run.repairs.isEmpty ? "" : ", \(run.repairs.count) with input repaired"),
            "  results     " + counts.joined(separator: ", "),
            run.fixtureCount + run.corpusCount == 0
                ? style.dim("  metrics     none: only rule examples ran, and they are checks, not samples; give fixtures or a corpus")
                : "  accuracy    \(f3(m.accuracy))   macro F1 \(f3(m.macroF1))   micro F1 \(f3(m.microF1))   answered fallback \(f3(m.fallbackShare))",
        ]
    }

    private func categoryLines() -> [String] {
        var lines = [style.bold("category".padded(to: 20)) + "precision  recall    f1  support"]
        for entry in run.metrics.perCategory {
            let f1Text = f2(entry.f1)
            let colored = entry.support == 0 ? style.dim(f1Text) : entry.f1 < 0.5 ? style.red(f1Text) : entry.f1 < 0.8 ? style.yellow(f1Text) : style.green(f1Text)
            lines.append(safe(entry.category).padded(to: 20) + f2(entry.precision).leftPadded(9) + f2(entry.recall).leftPadded(8) + "  " + colored + String(entry.support).leftPadded(9))
        }
        for category in run.rules.categoriesWithoutCases where run.metrics.metrics(for: category) == nil {
            lines.append(style.dim(safe(category).padded(to: 20) + "no cases"))
        }
        return lines
    }

    private func confusionLines() -> [String] {
        let labels = run.metrics.labels
        guard !labels.isEmpty else { return [] }
        var lines = [style.bold("confusion") + style.dim(" (rows: expected, columns: answered, numbered like the rows)")]
        let width = max(3, String(run.metrics.total).count + 1)
        let header = String(repeating: " ", count: 24) + labels.indices.map { String($0 + 1).leftPadded(width) }.joined()
        lines.append(style.dim(header))
        for (row, label) in labels.enumerated() {
            let cells = labels.indices.map { column -> String in
                let count = run.metrics.confusion[row][column]
                let text = (count == 0 ? "·" : String(count)).leftPadded(width)
                return count == 0 ? style.dim(text) : row == column ? style.green(text) : style.red(text)
            }
            lines.append(String(row + 1).leftPadded(3) + " " + safe(label).padded(to: 20) + cells.joined())
        }
        return lines
    }

    private func ruleLines() -> [String] {
        let entries = run.rules.entries.sorted { a, b in
            (a.precision ?? 2, -a.fired) < (b.precision ?? 2, -b.fired)
        }
        var lines = [style.bold("rules".padded(to: 28)) + "target".padded(to: 24) + "fired  precision"]
        for entry in entries where entry.fired > 0 {
            let precision = entry.precision.map { f2($0) } ?? "–"
            let colored = (entry.precision ?? 1) < 0.5 ? style.red(precision) : (entry.precision ?? 1) < 0.8 ? style.yellow(precision) : precision
            lines.append(safe(entry.rule).padded(to: 28) + safe(entry.target).padded(to: 24) + String(entry.fired).leftPadded(5) + "  " + colored.leftPaddedVisible(9) + style.dim("  \(entry.correct)/\(entry.judged)"))
        }
        // On a filtered run most rules have nothing to fire on: listing them would be noise.
        let never = run.rules.neverFired
        if !never.isEmpty && run.filteredOut == 0 {
            lines.append(style.yellow("never fired") + " (\(never.count)): " + never.map(\.rule).joined(separator: ", "))
        }
        let uncovered = run.rules.categoriesWithoutCases
        if !uncovered.isEmpty && run.filteredOut == 0 {
            lines.append(style.yellow("categories without cases") + ": " + uncovered.joined(separator: ", "))
        }
        return lines
    }

    private func verdictLines() -> [String] {
        var lines: [String] = []
        for failure in run.gateFailures { lines.append(style.red("✗ ") + safe(failure)) }
        if run.passed {
            lines.append(style.bold(style.green("PASSED")) + " \(run.results.count) cases" + (run.hasGates || run.corpusCount == 0 ? "" : style.yellow("; no gates set") + ": corpus records are not checked, give --min-accuracy, --min-f1 or --min-category-f1"))
        } else {
            var reasons: [String] = []
            if !run.blockingFailures.isEmpty {
                reasons.append(run.baseline == nil ? run.blockingFailureText : "\(run.blockingFailures.count) newly broken")
            }
            if !run.gateFailures.isEmpty { reasons.append("\(run.gateFailures.count) minimum\(run.gateFailures.count == 1 ? "" : "s") not met") }
            if !run.problems.isEmpty { reasons.append("\(run.problems.count) unreadable input\(run.problems.count == 1 ? "" : "s")") }
            lines.append(style.bold(style.red("FAILED")) + " " + reasons.joined(separator: ", "))
        }
        return lines
    }

    private func f2(_ value: Double) -> String { String(format: "%.2f", value) }
    private func f3(_ value: Double) -> String { String(format: "%.3f", value) }
}


