import Foundation

/// Reads the cases of collected inputs: every fixture, then every corpus record. What cannot
/// be read, and blank messages (which cannot be classified), become input problems.
public enum TestCaseLoader {
    public static func load(_ collected: TestInputCollector.Collected, reader: CorpusReader) -> (cases: [TestCase], problems: [InputProblem]) {
        var cases: [TestCase] = []
        var problems: [InputProblem] = []
        for path in collected.fixtures {
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(InputProblem(file: path, line: 0, message: "cannot read the file"))
                continue
            }
            guard let content = String(validating: data, as: UTF8.self) else {
                problems.append(InputProblem(file: path, line: 1, message: "fixture is not valid UTF-8"))
                continue
            }
            switch FixtureParser.parse(content, path: path) {
            case .success(let testCase): cases.append(testCase)
            case .failure(let problem): problems.append(problem)
            }
        }
        for path in collected.corpora {
            let (corpusCases, corpusProblems) = reader.read(path)
            cases += corpusCases
            problems += corpusProblems
        }
        cases.removeAll { testCase in
            guard testCase.text.allSatisfy(\.isWhitespace) else { return false }
            problems.append(InputProblem(file: testCase.file, line: testCase.line, message: "the message is empty"))
            return true
        }
        return (cases, problems)
    }
}
