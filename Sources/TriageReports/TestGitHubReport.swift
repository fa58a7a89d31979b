import TriageEvaluation
import TriageSupport

/// GitHub Actions workflow commands: one `::error` per failing case, input problem and
/// unmet minimum, and a `::warning` per todo case that now passes.
struct TestGitHubReport: Reporter {
    static let format = ReportFormat.github
    static let summary = "print GitHub Actions annotations (also when GITHUB_ACTIONS=true)"

    let run: TestRun

    init(_ run: TestRun, options: ReportOptions) {
        self.run = run
    }

    func render() -> String {
        var commands: [GitHubWorkflowCommand] = []
        func at(_ file: String, _ line: Int, _ title: String) -> [(String, String)] {
            [("file", file), ("line", "\(max(1, line))"), ("title", title)]
        }
        for result in run.blockingFailures {
            let evidence = result.evidence.isEmpty ? "no rule fired" : result.evidence.map { "\($0.rule) -> \($0.target)" }.joined(separator: ", ")
            commands.append(GitHubWorkflowCommand(.error, properties: at(result.testCase.file, result.testCase.line, "triage test"),
                                                  message: result.failures.joined(separator: "; ") + " (fired: \(evidence))"))
        }
        for result in run.fixedTodos {
            commands.append(GitHubWorkflowCommand(.warning, properties: at(result.testCase.file, result.testCase.line, "triage test"),
                                                  message: "todo case now passes: remove its 'todo' line"))
        }
        for problem in run.problems {
            commands.append(GitHubWorkflowCommand(.error, properties: at(problem.file, problem.line, "triage test: unreadable input"), message: problem.message))
        }
        for failure in run.gateFailures {
            commands.append(GitHubWorkflowCommand(.error, properties: [("title", "triage test")], message: failure))
        }
        return commands.map { $0.line + "\n" }.joined()
    }
}
