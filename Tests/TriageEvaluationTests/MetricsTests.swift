import Testing
@testable import TriageEvaluation

@Suite struct MetricsTests {
    @Test func perCategoryMacroMicroAndConfusion() {
        let expected = ["a", "a", "a", "b", "b", "other"]
        let got = ["a", "a", "b", "b", "other", "other"]
        let m = ClassificationMetrics(expected: expected, got: got, order: ["b", "a", "other"], fallback: "other")
        #expect(m.labels == ["b", "a", "other"])
        #expect(m.confusion == [[1, 0, 1], [1, 2, 0], [0, 0, 1]])
        #expect(m.accuracy == 4.0 / 6.0)
        #expect(m.microF1 == m.accuracy)
        let a = m.metrics(for: "a")!
        #expect(a.precision == 1)
        #expect(a.recall == 2.0 / 3.0)
        #expect(abs(a.f1 - 0.8) < 1e-9)
        let b = m.metrics(for: "b")!
        #expect(b.precision == 0.5 && b.recall == 0.5 && b.f1 == 0.5)
        let other = m.metrics(for: "other")!
        #expect(abs(other.f1 - 2.0 / 3.0) < 1e-9)
        #expect(abs(m.macroF1 - (0.8 + 0.5 + 2.0 / 3.0) / 3) < 1e-9)
        #expect(m.fallbackShare == 2.0 / 6.0)
    }

    @Test func labelsOutsideThePackFollowSorted() {
        let m = ClassificationMetrics(expected: ["z", "y"], got: ["a", "a"], order: ["a"], fallback: "other")
        #expect(m.labels == ["a", "y", "z"])
        #expect(m.accuracy == 0)
        #expect(m.macroF1 == 0)
    }

    @Test func gatesNameWhatIsMissing() {
        let m = ClassificationMetrics(expected: ["a", "b"], got: ["a", "a"], order: ["a", "b"], fallback: "other")
        var gates = TestGates()
        gates.minimumAccuracy = 0.6
        gates.minimumMacroF1 = 0.1
        gates.minimumCategoryF1 = ["b": 0.5, "a": 0.5]
        #expect(gates.check(m) == ["accuracy 0.5 is below the minimum 0.6", "F1 of b 0.0 is below the minimum 0.5"])
    }
}
