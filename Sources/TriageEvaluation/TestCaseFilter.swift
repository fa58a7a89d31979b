/// `triage test --filter TEXT`: keeps the cases whose file, name (id) or expected label
/// contains one of the texts, ignoring case. Several texts keep a case that matches any.
public struct TestCaseFilter: Sendable {
    public let texts: [String]

    public init(_ texts: [String]) {
        self.texts = texts.filter { !$0.isEmpty }
    }

    /// No text given: every case runs.
    public var isEmpty: Bool { texts.isEmpty }

    public func keeps(_ testCase: TestCase) -> Bool {
        if texts.isEmpty { return true }
        let fields = [testCase.file, testCase.id, testCase.expectation.category].map { $0.lowercased() }
        return texts.contains { text in
            let wanted = text.lowercased()
            return fields.contains { $0.contains(wanted) }
        }
    }

    /// The cases to run, in their order; the rest are counted so the report can say so.
    public func apply(_ cases: [TestCase]) -> (kept: [TestCase], filteredOut: Int) {
        guard !texts.isEmpty else { return (cases, 0) }
        let kept = cases.filter(keeps)
        return (kept, cases.count - kept.count)
    }
}
