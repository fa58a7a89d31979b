import TriageEvaluation
import TriageSupport

/// `triage test --coverage` as text: per rule file, rules fired, patterns and word-list
/// entries matched, the rules that never fired (file:line) and the word-list entries that
/// matched nothing, which are candidates for removal.
public struct TestCoverageReport {
    let coverage: RuleCoverage
    let style: TerminalStyle
    /// How many never-matched entries to list before pointing at the JSON report.
    let listLimit: Int

    public init(coverage: RuleCoverage, style: TerminalStyle, listLimit: Int = 30) {
        self.coverage = coverage
        self.style = style
        self.listLimit = listLimit
    }

    public func render() -> String {
        var lines = ["", style.bold("coverage") + " over \(coverage.cases) case\(coverage.cases == 1 ? "" : "s"): "
                     + "rules fired \(ratio(coverage.rulesFired, coverage.ruleCount)), patterns matched \(ratio(coverage.patternsMatched, coverage.patternCount)), "
                     + "word-list entries matched \(ratio(coverage.wordsMatched, coverage.wordCount))"]
        for file in coverage.files {
            let fired = file.rules.filter { $0.fired > 0 }.count
            let matched = file.patterns.filter { $0.matched > 0 }.count
            let words = file.words.filter { $0.matched > 0 }.count
            lines.append("  " + safe(file.path).padded(to: 28) + "rules \(ratio(fired, file.rules.count))".padded(to: 22)
                         + "patterns \(ratio(matched, file.patterns.count))".padded(to: 25) + "words \(ratio(words, file.words.count))")
            let never = file.rules.filter { $0.fired == 0 }
            if !never.isEmpty {
                lines.append("    " + style.yellow("never fired") + ": " + never.map { "\(safe($0.name)) (\($0.line))" }.joined(separator: ", "))
            }
        }
        let unmatched = coverage.unmatchedWords
        if !unmatched.isEmpty {
            lines.append("  " + style.yellow("word-list entries that matched nothing") + " (\(unmatched.count)): candidates for removal, or for a fixture that needs them")
            for (file, entry) in unmatched.prefix(listLimit) {
                lines.append("    \(safe(file)):\(entry.line):\(entry.column)  '\(safe(entry.text))'")
            }
            if unmatched.count > listLimit {
                lines.append(style.dim("    … \(unmatched.count - listLimit) more: every entry is in the JSON report (--json FILE) and the HTML report"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func ratio(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "0/0" : "\(part)/\(whole) (\(Int((Double(part) / Double(whole) * 100).rounded())) %)"
    }

    private func safe(_ text: String) -> String { TerminalText.escaped(text) }
}
