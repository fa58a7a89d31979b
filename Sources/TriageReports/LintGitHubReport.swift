import TriageLint
import TriageSupport
import TriageSyntax

/// `triage lint --format github`: one workflow command per finding, shown inline on pull requests.
struct LintGitHubReport: Reporter {
    static let format = ReportFormat.github
    static let summary = "GitHub Actions workflow commands, shown inline on pull requests"

    let result: Linter.Result

    init(_ output: LintOutput, options: ReportOptions) {
        result = output.result
    }

    func render() -> String {
        result.diagnostics.map { d -> String in
            let kind: GitHubWorkflowCommand.Kind = d.severity == .error ? .error : d.severity == .warning ? .warning : .notice
            var properties: [(String, String)] = []
            if let file = d.file {
                properties.append(("file", file.path))
                if let span = d.span {
                    let start = file.location(of: span.start), end = file.location(of: span.end)
                    properties += [("line", "\(start.line)"), ("col", "\(start.column)")]
                    if end.line == start.line { properties.append(("endColumn", "\(end.column)")) }
                }
            }
            properties.append(("title", "triage lint (\(d.id))"))
            let message = d.message + (d.hint.map { ". hint: " + $0 } ?? "")
            return GitHubWorkflowCommand(kind, properties: properties, message: message).line + "\n"
        }.joined()
    }
}
