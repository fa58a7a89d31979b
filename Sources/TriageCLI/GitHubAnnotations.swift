import TriageEvaluation

/// GitHub Actions workflow commands: one `::error` per failing case, input problem and
/// unmet minimum, and a `::warning` per todo case that now passes.
struct GitHubAnnotations {
    let run: TestRun

    func render() -> String {
        var lines: [String] = []
        for result in run.blockingFailures {
            let evidence = result.evidence.isEmpty ? "no rule fired" : result.evidence.map { "\($0.rule) -> \($0.target)" }.joined(separator: ", ")
            lines.append(command("error", file: result.testCase.file, line: result.testCase.line, title: "triage test",
                                 message: result.failures.joined(separator: "; ") + " (fired: \(evidence))"))
        }
        for result in run.fixedTodos {
            lines.append(command("warning", file: result.testCase.file, line: result.testCase.line, title: "triage test", message: "todo case now passes: remove its 'todo' line"))
        }
        for problem in run.problems {
            lines.append(command("error", file: problem.file, line: max(1, problem.line), title: "triage test: unreadable input", message: problem.message))
        }
        for failure in run.gateFailures {
            lines.append("::error title=triage test::" + escapeData(failure))
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    private func command(_ kind: String, file: String, line: Int, title: String, message: String) -> String {
        "::\(kind) file=\(escapeProperty(file)),line=\(line),title=\(escapeProperty(title))::\(escapeData(message))"
    }

    /// Escaping as GitHub's toolkit does it for messages.
    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// And for properties, which also escape ':' and ','.
    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
