import Foundation
import TriageEvaluation
import TriageSupport

/// `triage test --junit FILE`: JUnit XML as CI test reporters read it (GitHub Actions
/// reporters, GitLab, Jenkins). Described in docs/test-reports.md.
///
/// One suite per fixture directory (fixtures live in one folder per category, so a suite is a
/// category) and one per corpus file; input problems are `<error>` cases in the suite of their
/// file; unmet minimums are failing cases of a `triage.gates` suite, which also holds the
/// metrics as properties. The report agrees with the exit code: only what fails the run is a
/// `<failure>`; todo cases and wrong answers that do not fail the run are `<skipped>`.
struct TestJUnitReport: Reporter {
    static let format = ReportFormat.junit
    static let summary = "write a JUnit XML report"

    static let gatesSuite = "triage.gates"

    let run: TestRun

    init(_ run: TestRun, options: ReportOptions) {
        self.run = run
    }

    func render() -> String {
        XMLWriter.document(root)
    }

    private enum Outcome {
        case passed, failure, error, skipped
    }

    /// A suite being filled: its cases and what they came to.
    private struct Suite {
        let name: String
        var cases: [XMLWriter.Element] = []
        var outcomes: [Outcome] = []
        var properties: [XMLWriter.Element] = []

        func count(_ outcome: Outcome) -> Int { outcomes.filter { $0 == outcome }.count }

        var element: XMLWriter.Element {
            // Cases are classified in parallel and not timed one by one; only the whole run
            // has a time (on <testsuites>), so suites and cases say 0 rather than a made-up share.
            var suite = XMLWriter.Element("testsuite", [
                "name": name, "tests": String(cases.count), "failures": String(count(.failure)),
                "errors": String(count(.error)), "skipped": String(count(.skipped)), "time": "0",
            ])
            if !properties.isEmpty { suite.append(XMLWriter.Element("properties", children: properties.map { .element($0) })) }
            for testcase in cases { suite.append(testcase) }
            return suite
        }
    }

    var root: XMLWriter.Element {
        var suites: [Suite] = []
        var suiteIndex: [String: Int] = [:]
        func add(_ testcase: XMLWriter.Element, _ outcome: Outcome, to name: String) {
            let index = suiteIndex[name] ?? {
                suites.append(Suite(name: name))
                suiteIndex[name] = suites.count - 1
                return suites.count - 1
            }()
            suites[index].cases.append(testcase)
            suites[index].outcomes.append(outcome)
        }

        let blocking = Set(run.blockingFailures.map(\.testCase.id))
        for result in run.results {
            let (testcase, outcome) = element(for: result, blocking: blocking.contains(result.testCase.id))
            add(testcase, outcome, to: Self.suiteName(file: result.testCase.file))
        }
        for problem in run.problems {
            add(element(for: problem), .error, to: Self.suiteName(file: problem.file))
        }
        // By name, so a suite stays in its place however its files were given; gates last.
        suites.sort { $0.name < $1.name }
        var gates = Suite(name: Self.gatesSuite)
        gates.properties = metricProperties
        for failure in run.gateFailures {
            gates.cases.append(XMLWriter.Element("testcase", ["name": Self.gateName(failure), "classname": Self.gatesSuite, "time": "0"], children: [
                .element(XMLWriter.Element("failure", ["message": failure, "type": "minimum-not-met"], text: failure)),
            ]))
            gates.outcomes.append(.failure)
        }
        suites.append(gates)

        let all = suites.flatMap(\.outcomes)
        return XMLWriter.Element("testsuites", [
            "name": "triage", "tests": String(all.count), "failures": String(all.filter { $0 == .failure }.count),
            "errors": String(all.filter { $0 == .error }.count), "skipped": String(all.filter { $0 == .skipped }.count),
            "time": String(format: "%.3f", run.seconds),
        ], children: suites.map { .element($0.element) })
    }

    private var metricProperties: [XMLWriter.Element] {
        let m = run.metrics
        let values: [(String, String)] = [
            ("accuracy", number(m.accuracy)), ("macro_f1", number(m.macroF1)), ("micro_f1", number(m.microF1)),
            ("fallback_share", number(m.fallbackShare)), ("cases", String(run.results.count)),
            ("fixtures", String(run.fixtureCount)), ("corpus_records", String(run.corpusCount)), ("examples", String(run.exampleCount)),
            ("passed", String(run.passed)),
        ]
        return values.map { XMLWriter.Element("property", ["name": $0.0, "value": $0.1]) }
    }

    private func element(for result: CaseResult, blocking: Bool) -> (XMLWriter.Element, Outcome) {
        let testCase = result.testCase
        var testcase = XMLWriter.Element("testcase", [
            "name": Self.caseName(testCase), "classname": Self.suiteName(file: testCase.file),
            "file": testCase.file, "line": String(testCase.line), "time": "0",
        ])
        var outcome = Outcome.passed
        switch result.status {
        case .passed:
            break
        case .fixedTodo:
            testcase.append(XMLWriter.Element("system-out", text: "todo case now passes: remove its 'todo' line (todo: \(testCase.todo ?? ""))"))
        case .knownFailure:
            testcase.append(XMLWriter.Element("skipped", ["message": "todo: \(testCase.todo ?? "")"], text: details(result)))
            outcome = .skipped
        case .failed where blocking:
            let type = result.category == testCase.expectation.category && !testCase.expectation.negated ? "expectation-not-met" : "wrong-category"
            testcase.append(XMLWriter.Element("failure", ["message": result.failures.joined(separator: "; "), "type": type], text: details(result)))
            outcome = .failure
        case .failed:
            // Corpus records are gated by the minimums, and with a baseline only newly broken
            // cases count: a red <failure> here would contradict a passing run.
            let why = run.baseline == nil ? "corpus records are gated by the minimums" : "already failing in the baseline"
            testcase.append(XMLWriter.Element("skipped", ["message": "not blocking (\(why)): " + result.failures.joined(separator: "; ")], text: details(result)))
            outcome = .skipped
        }
        if !result.limitHits.isEmpty {
            testcase.append(XMLWriter.Element("system-err", text: "patterns stopped by a match limit: " + result.limitHits.joined(separator: ", ")))
        }
        return (testcase, outcome)
    }

    private func element(for problem: InputProblem) -> XMLWriter.Element {
        let name = problem.file.hasSuffix("." + FixtureParser.fileExtension) ? Self.fixtureName(problem.file) : problem.line > 0 ? "line \(problem.line)" : "file"
        return XMLWriter.Element("testcase", [
            "name": name, "classname": Self.suiteName(file: problem.file),
            "file": problem.file, "line": String(max(1, problem.line)), "time": "0",
        ], children: [
            .element(XMLWriter.Element("error", ["message": problem.message, "type": "input-problem"], text: problem.description)),
        ])
    }

    /// The body of a failure: expected and got, why, and the rules that fired with the words
    /// they matched, so the CI page explains the case without the full report.
    private func details(_ result: CaseResult) -> String {
        let testCase = result.testCase
        var lines = [
            "\(testCase.file):\(testCase.line)",
            "expected: \(testCase.expectation.categoryText)",
            "got:      \(result.category) (confidence \(String(format: "%.2f", result.confidence)))",
        ]
        if !result.failures.isEmpty {
            lines.append("failures:")
            lines += result.failures.map { "  " + $0 }
        }
        lines.append("rules that fired:")
        if result.evidence.isEmpty { lines.append("  none") }
        for evidence in result.evidence {
            let weight = evidence.weight >= 0 ? "+\(evidence.weight.compact)" : evidence.weight.compact
            let words = evidence.matches.map { "'\($0.text)' \($0.line):\($0.column)" }.joined(separator: ", ")
            lines.append("  \(evidence.rule) -> \(evidence.target) \(weight)" + (words.isEmpty ? "" : ": " + words))
        }
        let text = testCase.text.unicodeScalars
        let limit = 500
        lines.append("message:")
        var shown = String(String.UnicodeScalarView(text.prefix(limit)))
        while shown.last?.isWhitespace == true { shown.removeLast() }
        lines += shown.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        if text.count > limit { lines.append("  … (\(text.count - limit) more characters)") }
        return lines.joined(separator: "\n")
    }

    /// Fixtures are grouped by folder, corpus records by file.
    static func suiteName(file: String) -> String {
        guard file.hasSuffix("." + FixtureParser.fileExtension) else { return file }
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    static func caseName(_ testCase: TestCase) -> String {
        switch testCase.kind {
        case .fixture:
            return fixtureName(testCase.file)
        case .corpus:
            let prefix = testCase.file + "#"
            return testCase.id.hasPrefix(prefix) ? "id " + testCase.id.dropFirst(prefix.count) : "line \(testCase.line)"
        case .example:
            return "example line \(testCase.line)"
        }
    }

    private static func fixtureName(_ file: String) -> String {
        ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// "accuracy 0.8 is below the minimum 0.9" → "accuracy": a name that stays the same from
    /// run to run, so CI history can follow the gate.
    static func gateName(_ failure: String) -> String {
        guard let range = failure.range(of: " is below the minimum") else { return failure }
        let subject = failure[..<range.lowerBound].split(separator: " ")
        return subject.count > 1 ? "minimum " + subject.dropLast().joined(separator: " ") : failure
    }

    private func number(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}
