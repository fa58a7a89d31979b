import TriageSupport

/// Expected labels checked against the pack before anything is classified: a label that is
/// not a category (`delivery.lat`) would only ever be a silent miss, so its case becomes an
/// input problem with a did-you-mean, and the run fails.
public enum LabelCheck {
    public static func split(_ cases: [TestCase], categories: [String]) -> (cases: [TestCase], problems: [InputProblem]) {
        let known = Set(categories)
        var kept: [TestCase] = []
        var problems: [InputProblem] = []
        for testCase in cases {
            var labels = [("label", testCase.expectation.category)]
            if case .some(.some(let secondary)) = testCase.expectation.secondary { labels.append(("secondary label", secondary)) }
            guard let (kind, label) = labels.first(where: { !known.contains($0.1) }) else {
                kept.append(testCase)
                continue
            }
            var message = "\(kind) '\(label)' is not a category of the pack"
            if let closest = EditDistance.closest(to: label, among: categories) { message += ". did you mean '\(closest)'?" }
            problems.append(InputProblem(file: testCase.file, line: testCase.line, message: message))
        }
        return (kept, problems)
    }
}
