import Foundation
import TriageEngine

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
            // Bytes that are not UTF-8 are repaired like a corpus record's (see `CorpusReader.strictUTF8`).
            let (content, invalid) = MessageBytes.decode(data)
            if invalid != nil && reader.strictUTF8 {
                problems.append(InputProblem(file: path, line: 1, message: "fixture is not valid UTF-8"))
                continue
            }
            switch FixtureParser.parse(content, path: path) {
            case .success(var testCase):
                testCase.repair = invalid.map { InputProblem.repaired(file: path, line: $0.line, $0) }
                cases.append(testCase)
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
