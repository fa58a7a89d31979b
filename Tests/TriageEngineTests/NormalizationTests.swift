import Testing
@testable import TriageEngine

/// What patterns read: the normalised message (docs/language.md, "Normalisation"), and the
/// way back from it to what the customer wrote.
@Suite struct NormalizationTests {
    static let spelling = """
    spelling {
      u -> you
      nt -> not
      rcvd recvd -> received
      plz -> please
      2moro -> tomorrow
      atleast -> "at least"
    }
    """

    private func normalized(_ text: String, spelling: [String: String] = [:]) -> String {
        TextNormalizer(spelling: spelling).normalize(text).text
    }

    @Test(arguments: [
        ("fish &amp; chips &lt;3 &#39;ok&#x27; &quot;x&quot;", "fish & chips <3 'ok' \"x\""),
        ("@AmazonHelp my order", "  my order"),
        ("mail me@example.com", "mail me@example.com"),
        ("[USER] hi [url] there", "  hi   there"),
        ("see https://t.co/abc. now www.x.com/y?z=1", "see  . now  "),
        ("#refund please, order #123", "refund please, order #123"),
        ("not 😡😡 received", "not   received"),
        ("arrived 👍🏽 fine", "arrived   fine"),
        ("price £20 € café", "price £20 € café"),
        ("goooood sooooo pleeeease stilllll helllloooo", "good so please still hello"),
        ("AAA batteries XXXL zzz", "AAA batteries XXXL zzz"),
        ("&#7; stays &bogus; and &", "&#7; stays &bogus; and &"),
    ])
    func rewritesWhatIsNoise(_ input: String, _ expected: String) {
        #expect(normalized(input) == expected)
    }

    @Test func unchangedTextIsNotCopied() {
        let result = TextNormalizer(spelling: ["u": "you"]).normalize("Where is my parcel? It's late.")
        #expect(result.map == nil)
        #expect(result.text == "Where is my parcel? It's late.")
    }

    @Test func spellingVariantsAreWholeWordsInAnyCase() {
        let table = ["u": "you", "nt": "not", "dont": "don't", "atleast": "at least"]
        #expect(normalized("U said nt, DONT u", spelling: table) == "you said not, don't you")
        #expect(normalized("unit ntl atleast", spelling: table) == "unit ntl at least")
        #expect(normalized("i dont’ know dont’s", spelling: table) == "i don't’ know dont’s")
    }

    @Test func rangesLeadBackToTheOriginal() throws {
        let text = "@h u nt rcvd &amp; #late 😡 x"
        let result = TextNormalizer(spelling: ["u": "you", "nt": "not", "rcvd": "received"]).normalize(text)
        let map = try #require(result.map)
        func original(_ word: String) -> String {
            let normalized = Array(result.text.utf8)
            let needle = Array(word.utf8)
            let start = (0...(normalized.count - needle.count)).first { Array(normalized[$0..<($0 + needle.count)]) == needle }!
            let range = map.originalRange(start..<(start + needle.count))
            return String(decoding: Array(text.utf8)[range], as: UTF8.self)
        }
        #expect(original("you") == "u")
        #expect(original("not received") == "nt rcvd")
        #expect(original("&") == "&amp;")
        #expect(original("late") == "late")
        #expect(original("x") == "x")
        #expect(original("received & late") == "rcvd &amp; #late")
    }

    @Test func patternsAndNegationReadTheNormalisedText() throws {
        let rules = try compile(pack(Self.spelling + """
        category late "Late" { playbook pl }
        playbook pl { step chat "Late." }
        rule not_received -> late { when negated("received") weight 2 }
        rule please -> late { when "please help" }
        """))
        let result = Classifier(ruleSet: rules).classify("@AmazonHelp I have nt rcvd my order, plz 🙏 help")
        #expect(fired(result, rules) == ["not_received", "please"])
        // Evidence quotes what the customer wrote.
        let turn = Array(result.message.turns[0].text.utf8)
        let quotes = result.evidence.flatMap(\.spans).map { String(decoding: turn[$0.range], as: UTF8.self) }
        #expect(quotes == ["rcvd", "plz 🙏 help"])
        #expect(result.normalizedTurns == ["  I have not received my order, please   help"])
    }

    @Test func normalisationCanBeTurnedOff() throws {
        let rules = try compile(pack(Self.spelling + """
        category late "Late" { playbook pl }
        playbook pl { step chat "Late." }
        rule received -> late { when "received" }
        """, settings: "threshold 1 normalize off"))
        #expect(Classifier(ruleSet: rules).classify("nt rcvd").category.id == "other")
        #expect(Classifier(ruleSet: rules).classify("nt received").normalizedTurns == [nil])
    }

    @Test func entitiesAreReadNormalisedAndQuotedAsWritten() throws {
        let rules = try compile(pack(Self.spelling + """
        entity date "date" = /\\b(?:today|tomorrow|next\\s+(?:monday|friday))\\b/i as date
        """))
        let result = Classifier(ruleSet: rules, today: (2026, 12, 5)).classify("need it 2moro or next  Friday")
        #expect(result.entities.map(\.value) == ["2026-12-06", "2026-12-11"])
        #expect(result.entities.map(\.text) == ["2moro", "next  Friday"])
    }

    @Test func fuzzyListsForgiveOneTypoInLongWords() throws {
        let condition = "words fuzzy { received delivered clean late \"not here\" }"
        for typo in ["recieved", "recived", "receivedd", "rceived", "deliverd", "dellivered", "cleen", "RECIEVED"] {
            #expect(try fires(condition, on: "it was \(typo) today"), "\(typo)")
        }
        // Two edits, short words, and real words one edit away are not typos.
        for other in ["dilvered", "lame", "clear", "clan", "deceived", "relieved"] {
            #expect(try !fires(condition, on: "it was \(other) today"), "\(other)")
        }
        #expect(try fires(condition, on: "not here"))
        #expect(try !fires("words { received }", on: "recieved"))
    }

    @Test func fuzzyListsKeepThePacksOwnWords() throws {
        // "refunds" is one edit from "refund", and the pack uses it elsewhere: never a typo.
        let rules = try compile(singleRule("words fuzzy { refund }") + "\ndefine plural = words { refunds }\nrule uses -> c { when plural weight 0 }")
        #expect(Classifier(ruleSet: rules).classify("my refnd please").category.id == "c")
        #expect(fired(Classifier(ruleSet: rules).classify("two refunds"), rules) == ["uses"])
    }

    @Test func thePrefilterGivesTheSameAnswers() throws {
        let rules = try compile(pack(Self.spelling + """
        category late "Late" { playbook pl }
        playbook pl { step chat "Late." }
        rule fuzzy -> late { when words fuzzy { received delivered "turned up" } }
        rule phrase -> late { when negated("received") weight 2 }
        rule regex -> late { when /where\\s+is\\s+my\\s+(?:order|parcel)/i }
        rule gap -> late { when words gap 2 fuzzy { "didn't make it" "still waiting" } }
        """))
        let messages = [
            "nt rcvd", "I have not recieved it", "where  is my #parcel", "never turnd up", "delivred", "clear", "received",
            "u said 2moro &amp; it never came", "@x [USER] https://t.co/z delivereed!!", "", "   ", "deliver",
            "it didnt even make it", "still, waiting", "still not really waiting", "stil waiting", "didn't make",
        ]
        for message in messages {
            let fast = Classifier(ruleSet: rules).classify(message)
            let slow = Classifier(ruleSet: rules, usePrefilter: false).classify(message)
            #expect(fast.evidence == slow.evidence, "\(message)")
            #expect(fast.category.id == slow.category.id, "\(message)")
        }
    }

    @Test func phraseGapsAllowThatManyWordsBetween() throws {
        let condition = "words gap 1 { \"didn't make it\" \"not received\" late }"
        for text in ["it didn't make it", "it didn't even make it", "not yet received", "so late"] {
            #expect(try fires(condition, on: text), "\(text)")
        }
        for text in ["didn't even really make it", "not yet been received", "didn't, make it", "it didn't make"] {
            #expect(try !fires(condition, on: text), "\(text)")
        }
        #expect(try !fires("words { \"didn't make it\" }", on: "didn't even make it"))
    }

    @Test func letterRunsPreferThePacksWords() {
        #expect(TextNormalizer().normalize("noooo loooove kindeeeel").text == "no love kindeel")
        #expect(TextNormalizer(packVocabulary: ["kindel"]).normalize("kindeeeel").text == "kindel")
    }

    @Test func wordListsAndPhrasesFeedTheVocabulary() throws {
        let rules = try compile(singleRule("words { kindel } or \"oasys box\""))
        #expect(Classifier(ruleSet: rules).classify("my kindeeeel").category.id == "c")
        #expect(Classifier(ruleSet: rules).classify("an oasyyyys box").category.id == "c")
    }
}
