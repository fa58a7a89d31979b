import TriageLint
import TriageSyntax

/// `triage lint --format github`: one workflow command per finding, shown inline on pull requests.
struct LintGitHubReport {
    let result: Linter.Result

    func render() -> String {
        result.diagnostics.map { d -> String in
            let kind = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
            var properties: [String] = []
            if let file = d.file {
                properties.append("file=" + escapeProperty(file.path))
                if let span = d.span {
                    let start = file.location(of: span.start), end = file.location(of: span.end)
                    properties += ["line=\(start.line)", "col=\(start.column)"]
                    if end.line == start.line { properties.append("endColumn=\(end.column)") }
                }
            }
            properties.append("title=" + escapeProperty("triage lint (\(d.id))"))
            let message = d.message + (d.hint.map { ". hint: " + $0 } ?? "")
            return "::\(kind) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }.joined()
    }

    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
