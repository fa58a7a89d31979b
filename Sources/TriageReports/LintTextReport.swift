import TriageLint
import TriageSupport
import TriageSyntax

/// `triage lint`: every finding drawn like a compiler diagnostic, then a one-line count.
struct LintTextReport: Reporter {
    static let format = ReportFormat.text
    static let summary = "findings with the source line and a caret, then the counts"

    let output: LintOutput
    let style: TerminalStyle

    init(_ output: LintOutput, options: ReportOptions) {
        self.output = output
        self.style = options.style
    }

    func render() -> String {
        let result = output.result
        var text = result.diagnostics.isEmpty ? "" : DiagnosticRenderer.styled(style).render(result.diagnostics)
        let files = output.fileCount
        var summary = "\(result.errors) error\(result.errors == 1 ? "" : "s"), \(result.warnings) warning\(result.warnings == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
        if result.suppressed > 0 { summary += " (\(result.suppressed) suppressed)" }
        if result.disabled > 0 { summary += " (\(result.disabled) from checks the pack disables)" }
        if result.inBaseline > 0 { summary += " (\(result.inBaseline) in the baseline)" }
        text += (result.errors > 0 ? style.red(summary) : result.warnings > 0 ? style.yellow(summary) : style.green(summary)) + "\n"
        return text
    }
}
