import Foundation
import TriageSuggest
import TriageSupport

/// The terminal report of `triage suggest`: per category, what is missed, the candidate
/// phrases with their measured effect, counter-evidence, warnings and rule snippets. Labels
/// and phrases come from the corpora, so they go through ``TerminalText``.
struct SuggestTextReport: Reporter {
    static let format = ReportFormat.text
    static let summary = "per category: what is missed, candidate phrases with their effect, rule snippets"

    let report: SuggestionReport
    let style: TerminalStyle

    init(_ report: SuggestionReport, options: ReportOptions) {
        self.report = report
        style = options.style
    }

    func render() -> String {
        var lines: [String] = []
        let percent = report.records == 0 ? 0 : 100 * Double(report.right) / Double(report.records)
        let split = report.heldOut > 0
            ? "\(report.mined) mined, \(report.heldOut) held out"
            : "nothing held out: effects are measured on the records mined"
        lines.append(style.bold("suggest") + ": \(report.records) records (\(split)), \(report.right) right (\(String(format: "%.1f", percent))%)")
        lines.append(style.dim("each phrase is tried as a rule of weight \(report.weight.compact) (the threshold) for, or against, its category; \(report.phrasesTried) tried"))
        for unknown in report.unknownLabels {
            lines.append(style.bold(style.yellow("warning")) + ": label '\(TerminalText.escaped(unknown.label))' of \(unknown.records) record\(unknown.records == 1 ? "" : "s") is not a category of the pack")
        }
        let shown = report.categories.filter { report.settings.category != nil || $0.missed > 0 || $0.falsePositives > 0 }
        if shown.isEmpty {
            lines.append("")
            lines.append("nothing missed: every record is answered right")
        }
        for category in shown {
            lines.append("")
            lines += categoryLines(category)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var measuredOn: String {
        report.heldOut > 0 ? "effects on \(report.heldOut) held-out records" : "effects on all \(report.records) records"
    }

    private func categoryLines(_ c: CategorySuggestions) -> [String] {
        var lines: [String] = []
        lines.append(style.bold(TerminalText.escaped(c.category)) + "  " + TerminalText.escaped(c.title))
        lines.append("  \(c.records) record\(c.records == 1 ? "" : "s"), \(c.right) right, \(c.missed) missed; \(c.falsePositives) of other categories answered \(c.category)")
        if !c.confusions.isEmpty {
            let width = c.confusions.map { TerminalText.escaped("\($0.expected) -> \($0.got)").count }.max() ?? 0
            for (index, confusion) in c.confusions.enumerated() {
                let label = index == 0 ? "missed  " : "        "
                lines.append("  " + style.dim(label) + TerminalText.escaped("\(confusion.expected) -> \(confusion.got)").padded(to: width + 1) + String(confusion.count).leftPadded(5))
            }
        }
        lines.append("  " + style.bold("candidates") + style.dim("  from \(c.minedMisses) missed record\(c.minedMisses == 1 ? "" : "s"); \(measuredOn)"))
        if c.candidates.isEmpty {
            lines.append("    " + style.dim("none: no phrase occurs in \(report.settings.minimumSupport) or more missed records"))
        } else {
            lines += table(c.candidates)
        }
        if !c.counterEvidence.isEmpty {
            lines.append("  " + style.bold("counter-evidence") + style.dim("  from \(c.minedFalsePositives) record\(c.minedFalsePositives == 1 ? "" : "s") wrongly answered \(c.category); a rule of weight \((-report.weight).compact)"))
            lines += table(c.counterEvidence)
        }
        for candidate in c.candidates + c.counterEvidence where candidate.heldOut.net > 0 && candidate.heldOut.fixed < report.settings.minimumSupport {
            lines.append("  " + style.bold(style.yellow("warning")) + ": the gain of '\(TerminalText.escaped(candidate.phrase))' rests on \(candidate.heldOut.fixed) record\(candidate.heldOut.fixed == 1 ? "" : "s"), fewer than the minimum support \(report.settings.minimumSupport)")
        }
        for candidate in c.candidates + c.counterEvidence {
            guard let snippet = candidate.snippet else { continue }
            lines.append("  " + style.bold("snippet") + style.dim(" for '\(TerminalText.escaped(candidate.phrase))'" + (snippet.verified ? ", checked by compiling the pack with it" : ", numbers from compiling the pack with it")))
            for line in snippet.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                lines.append("    " + (line.hasPrefix("#") ? style.dim(TerminalText.escaped(line)) : TerminalText.escaped(line)))
            }
            for finding in snippet.lintFindings {
                lines.append("    " + style.bold(style.yellow("lint")) + ": " + TerminalText.escaped(finding))
            }
        }
        return lines
    }

    private func table(_ candidates: [PhraseCandidate]) -> [String] {
        let phrases = candidates.map { "'\(TerminalText.escaped($0.phrase))'" }
        let width = max(8, phrases.map(\.count).max() ?? 0)
        var lines = ["    " + style.dim("phrase".padded(to: width + 1) + "support  precision        fixed  broken   net")]
        for (candidate, phrase) in zip(candidates, phrases) {
            let precision = String(format: "%.2f", candidate.precision) + " of \(candidate.matches)"
            let net = candidate.heldOut.net > 0 ? style.green("+\(candidate.heldOut.net)") : candidate.heldOut.net < 0 ? style.red("\(candidate.heldOut.net)") : "0"
            var line = "    " + phrase.padded(to: width + 1) + String(candidate.support).leftPadded(7) + "  " + precision.padded(to: 15)
                + String(candidate.heldOut.fixed).leftPadded(6) + String(candidate.heldOut.broken).leftPadded(8) + net.leftPaddedVisible(6)
            if candidate.alreadyInPack { line += "  " + style.cyan("already in pack") }
            lines.append(line)
        }
        return lines
    }
}
