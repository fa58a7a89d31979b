import Foundation
import Testing
import TriageEngine
@testable import TriageEvaluation

@Suite struct BaselineTests {
    func result(_ id: String, expected: String, got: String, todo: String? = nil) -> CaseResult {
        let testCase = TestCase(id: id, kind: .fixture, file: id, line: 1, text: "x", textLine: 1, expectation: Expectation(category: expected), todo: todo)
        let failed = expected != got
        let status: CaseResult.Status = todo != nil ? (failed ? .knownFailure : .fixedTodo) : (failed ? .failed : .passed)
        return CaseResult(testCase: testCase, status: status, category: got, secondary: nil, confidence: 1, signals: [], entities: [],
                          playbook: nil, evidence: [], firedRules: [], failures: failed ? ["expected \(expected), got \(got)"] : [], limitHits: [])
    }

    @Test func roundTripsThroughItsFile() throws {
        let baseline = Baseline(results: [result("a", expected: "x", got: "x"), result("b \"q\"", expected: "x", got: "y")])
        let path = NSTemporaryDirectoryPath() + "/baseline-\(UInt64.random(in: 0...UInt64.max)).json"
        try baseline.serialized().write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Baseline.read(path) == baseline)
    }

    @Test func comparisonFindsNewlyBrokenFixedAndChanged() {
        let baseline = Baseline(results: [
            result("stays", expected: "x", got: "x"), result("breaks", expected: "x", got: "x"),
            result("fixes", expected: "x", got: "y"), result("shifts", expected: "x", got: "y"), result("gone", expected: "x", got: "x"),
        ])
        let comparison = baseline.compare([
            result("stays", expected: "x", got: "x"), result("breaks", expected: "x", got: "z"),
            result("fixes", expected: "x", got: "x"), result("shifts", expected: "x", got: "z"),
            result("new-failing", expected: "x", got: "q"), result("new-todo", expected: "x", got: "q", todo: "known"),
        ])
        #expect(comparison.newlyBroken.map(\.testCase.id) == ["breaks", "new-failing"])
        #expect(comparison.newlyFixed.map(\.testCase.id) == ["fixes"])
        #expect(comparison.changed.map(\.testCase.id) == ["shifts"])
        #expect(comparison.removed == ["gone"])
    }
}

private func NSTemporaryDirectoryPath() -> String {
    FileManager.default.temporaryDirectory.path
}
