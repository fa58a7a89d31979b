import Testing
import TriageEngine

@Suite struct MatchingTests {
    @Test func wordListsAreCaseInsensitiveWordBoundedAndEscaped() throws {
        #expect(try fires("words { late \"c++ book\" }", on: "It is LATE again"))
        #expect(try !fires("words { late }", on: "see you later"))
        #expect(try fires("words { \"c++ book\" }", on: "my C++ Book"))
        #expect(try !fires("words { \"c++ book\" }", on: "my cxx book"))
        #expect(try fires("words { deliver* }", on: "Deliveries are slow"))
        #expect(try !fires("words { deliver* }", on: "undelivered"))
    }

    @Test func caseSensitiveListsOptOut() throws {
        #expect(try fires("words case-sensitive { iPhone }", on: "my iPhone broke"))
        #expect(try !fires("words case-sensitive { iPhone }", on: "my IPHONE broke"))
    }

    @Test func phrasesMatchAnyWhitespaceAndEitherApostrophe() throws {
        #expect(try fires("\"hasn't arrived\"", on: "it hasn’t\n  arrived"))
        #expect(try fires("words { \"still waiting\" }", on: "STILL   waiting"))
    }

    @Test func regexLiteralsTakeFlags() throws {
        #expect(try fires("/refund(ed)?/i", on: "REFUNDED?"))
        #expect(try !fires("/refund(ed)?/", on: "REFUNDED?"))
    }

    @Test func nonASCIITextMatchesWithWordBoundaries() throws {
        #expect(try fires("words { colis cassé }", on: "Mon colis est arrivé CASSÉ!"))
        #expect(try !fires("words { cass }", on: "colis cassé"))
    }

    @Test func booleanOperatorsAndQuantifiers() throws {
        #expect(try fires("\"late\" and \"parcel\"", on: "parcel late"))
        #expect(try !fires("\"late\" and \"parcel\"", on: "late"))
        #expect(try fires("\"late\" or \"parcel\"", on: "parcel"))
        #expect(try fires("not \"late\"", on: "parcel"))
        #expect(try fires("at least 2 of (\"a\", \"b\", \"c\")", on: "c and a"))
        #expect(try !fires("at least 2 of (\"a\", \"b\", \"c\")", on: "just b"))
        #expect(try fires("all of (\"a\", \"b\")", on: "b a"))
        #expect(try fires("any of (\"x\", \"b\")", on: "b"))
    }

    @Test func proximityCountsWordsBetweenMatches() throws {
        let near = "words { late } within 2 words of words { parcel }"
        #expect(try fires(near, on: "late parcel"))
        #expect(try fires(near, on: "parcel is late"))
        #expect(try !fires(near, on: "parcel is very very late"))
        #expect(try fires("words { late } within 3 words of \"my parcel\"", on: "my parcel is so late"))
        #expect(try fires("\"late\" within 5 words before \"parcel\"", on: "late, the parcel"))
        #expect(try !fires("\"late\" within 5 words before \"parcel\"", on: "parcel is late"))
        #expect(try fires("\"late\" within 5 words after \"parcel\"", on: "parcel is late"))
    }

    @Test func negationAwareMatching() throws {
        let damaged = "affirmed(words { damaged broken })"
        #expect(try fires(damaged, on: "the box arrived damaged"))
        #expect(try !fires(damaged, on: "it is not damaged, just late"))
        #expect(try !fires(damaged, on: "nothing was broken"))
        #expect(try !fires(damaged, on: "it wasn’t really damaged"))
        #expect(try fires(damaged, on: "not late, but damaged"))
        #expect(try fires(damaged, on: "not only late but damaged"))
        #expect(try fires(damaged, on: "no. it arrived damaged"))
        #expect(try fires("negated(words { arrived })", on: "it never arrived"))
        #expect(try !fires("negated(words { arrived })", on: "it arrived"))
        // Beyond the window of three words the negation no longer applies.
        #expect(try fires(damaged, on: "not that I care much about it being damaged"))
        #expect(try fires("\"late\" and not negated(\"late\")", on: "it is late"))
        #expect(try !fires("\"late\" and not negated(\"late\")", on: "it is not late"))
    }

    @Test func rulesLookAtTheCustomerByDefault() throws {
        let transcript = """
        agent: Hello! Was the item damaged?
        customer: No, it never arrived.
        """
        #expect(try !fires("words { damaged }", on: transcript))
        #expect(try fires("words { damaged }", on: transcript, speaker: "agent"))
        #expect(try fires("words { damaged }", on: transcript, speaker: "any"))
        #expect(try fires("agent(words { damaged })", on: transcript))
        #expect(try !fires("customer(words { damaged })", on: transcript, speaker: "any"))
    }

    @Test func proximityDoesNotReachAcrossTurns() throws {
        let transcript = "customer: my parcel\nagent: ok\ncustomer: is late"
        #expect(try !fires("\"parcel\" within 5 words of \"late\"", on: transcript))
        #expect(try fires("\"parcel\" and \"late\"", on: transcript))
    }

    @Test func unlessStopsARule() throws {
        let ruleSet = try compile(pack("""
        category c "C" { playbook pc }
        playbook pc { step chat "C." }
        rule r -> c {
          when "late"
          unless "on time"
        }
        """))
        let trace = Classifier(ruleSet: ruleSet).classify("late? no, on time", explain: true).traces[0]
        #expect(trace.conditionHeld)
        #expect(!trace.fired)
        #expect(trace.blockedByException == 0)
    }
}
