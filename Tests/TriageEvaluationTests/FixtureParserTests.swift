import Testing
@testable import TriageEvaluation

@Suite struct FixtureParserTests {
    @Test func parsesEveryHeaderKey() throws {
        let content = """
        expect: delivery.late
        secondary: billing.refund
        signals: urgent, angry
        entities: order_id=112-3456789-1234567; amount=USD 25.00
        playbook: late_delivery
        todo: agent words mislead
        note: a note
        ---
        customer: where is it
        agent: checking
        """
        let testCase = try FixtureParser.parse(content, path: "f.triage").get()
        let e = testCase.expectation
        #expect(e.category == "delivery.late")
        #expect(e.secondary == .some("billing.refund"))
        #expect(e.signals == ["urgent", "angry"])
        #expect(e.entities == [EntityExpectation(name: "order_id", value: "112-3456789-1234567"), EntityExpectation(name: "amount", value: "USD 25.00")])
        #expect(e.playbook == "late_delivery")
        #expect(testCase.todo == "agent words mislead")
        #expect(testCase.text == "customer: where is it\nagent: checking")
        #expect(testCase.textLine == 9)
    }

    @Test func noneMeansNoneAndAbsentMeansUnchecked() throws {
        let none = try FixtureParser.parse("expect: other\nsecondary: none\nsignals: none\n---\nthanks!", path: "f").get()
        #expect(none.expectation.secondary == .some(nil))
        #expect(none.expectation.requireNoSignals)
        let plain = try FixtureParser.parse("expect: other\n---\nthanks!", path: "f").get()
        #expect(plain.expectation.secondary == nil)
        #expect(plain.expectation.signals == nil)
        #expect(!plain.expectation.requireNoSignals)
    }

    @Test(arguments: [
        ("expect: other\nthanks", 1, "no '---' line"),
        ("signals: urgent\n---\nx", 1, "missing 'expect: CATEGORY'"),
        ("expect: other\nexpct: x\n---\nx", 2, "unknown header key 'expct'"),
        ("expect: other\nexpect: late\n---\nx", 2, "given twice"),
        ("expect: other\njust words\n---\nx", 2, "is not 'key: value'"),
        ("expect: other\nentities: order_id\n---\nx", 2, "is not 'name=value'"),
        ("expect: other\n---\n   \n", 3, "the message after '---' is empty"),
    ])
    func malformedFixturesSayWhereAndWhy(_ content: String, _ line: Int, _ message: String) {
        guard case .failure(let problem) = FixtureParser.parse(content, path: "bad.triage") else {
            Issue.record("expected a problem")
            return
        }
        #expect(problem.line == line)
        #expect(problem.message.contains(message), "\(problem.message)")
    }
}
