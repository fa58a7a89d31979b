import Testing
import TriageEngine

@Suite struct EntityAndPlaybookTests {
    static let rules = pack("""
    signal urgent "Now"
    entity order_id "order number" = /\\b\\d{3}-\\d{7}-\\d{7}\\b/
    entity amount "amount" = /[$£€]\\s?\\d[\\d,]*(?:\\.\\d{1,2})?/
    entity tracking_number "tracking number" = /\\bTBA\\d{12}\\b/i
    category late "Late" { playbook late_delivery }
    rule is_late -> late { when "late" }
    rule lost_on -> late { when /lost on (?<date>\\w+ \\d{1,2})/i }
    rule hurry -> signal urgent { when "asap" }
    playbook late_delivery {
      needs order_id "the order number"
      needs "a photo"
      step self_service "Track order {order_id|(no number given)}."
      step phone "Call: it is urgent." when urgent
      step email "Email us about {order_id}." when not urgent and has order_id
      step chat "Chat with us{{ok}}." when missing order_id
      record "Amount {amount}"
      escalate chat "Quote {tracking_number}."
    }
    """)

    @Test func entitiesAreFoundAndNormalised() throws {
        let ruleSet = try compile(Self.rules)
        let result = Classifier(ruleSet: ruleSet).classify("Order 112-3456789-1234567 is late, I paid $1,299.5 and tba123456789012 was lost on Nov 3")
        let values = Dictionary(result.entities.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(values["order_id"] == "112-3456789-1234567")
        #expect(values["amount"] == "USD 1299.50")
        #expect(values["tracking_number"] == "TBA123456789012")
        #expect(values["date"] == "--11-03")
        #expect(result.entities.first { $0.name == "amount" }?.text == "$1,299.5")
    }

    @Test func playbookStepsFollowSignalsAndEntities() throws {
        let ruleSet = try compile(Self.rules)
        let withOrder = Classifier(ruleSet: ruleSet).classify("order 112-3456789-1234567 is late")
        let steps = try #require(withOrder.playbook).steps
        #expect(steps.map(\.channel) == [.selfService, .email])
        #expect(steps[0].text == "Track order 112-3456789-1234567.")
        #expect(steps[1].text == "Email us about 112-3456789-1234567.")
        #expect(withOrder.playbook?.missing == [])
        #expect(withOrder.playbook?.record == ["Amount [amount]"])
        #expect(withOrder.playbook?.escalation.map(\.text) == ["Quote [tracking number]."])

        let urgent = Classifier(ruleSet: ruleSet).classify("late! asap")
        let urgentSteps = try #require(urgent.playbook).steps
        #expect(urgentSteps.map(\.channel) == [.selfService, .phone, .chat])
        #expect(urgentSteps[0].text == "Track order (no number given).")
        #expect(urgentSteps[2].text == "Chat with us{ok}.")
        #expect(urgent.playbook?.missing == ["the order number"])
        #expect(urgent.playbook?.needs.map(\.description) == ["the order number", "a photo"])
    }

    @Test(arguments: [
        ("$1,299.5", "USD 1299.50"), ("£12", "GBP 12.00"), ("€40", "EUR 40.00"), ("Rs 499", "INR 499.00"),
        ("₹1,00,000", "INR 100000.00"), ("25 dollars", "USD 25.00"), ("1.299,50 EUR", "EUR 1299.50"),
    ])
    func amountsNormalise(_ input: String, _ expected: String) {
        #expect(EntityNormalizer.amount.normalize(input) == expected)
    }

    @Test(arguments: [
        ("Nov 3rd", "--11-03"), ("3 November 2026", "2026-11-03"), ("11/3", "--11-03"), ("25/12/2025", "2025-12-25"),
        ("2026-11-03", "2026-11-03"), ("Monday", "monday"), ("November 3, 2026", "2026-11-03"), ("someday", "someday"),
    ])
    func datesNormalise(_ input: String, _ expected: String) {
        #expect(EntityNormalizer.date.normalize(input) == expected)
    }

    @Test func otherNormalisers() {
        #expect(EntityNormalizer.orderID.normalize("11234567891234567") == "112-3456789-1234567")
        #expect(EntityNormalizer.trackingNumber.normalize("tba 1234-5678") == "TBA12345678")
        #expect(EntityNormalizer.digits.normalize("a1b2") == "12")
    }
}
