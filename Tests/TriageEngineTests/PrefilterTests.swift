import Foundation
import Testing
import TriageTestSupport
@testable import TriageEngine

@Suite struct PrefilterTests {
    @Test(arguments: [
        ("late", ["late"]),
        ("\\blate\\b", ["late"]),
        ("Refund(ed)?", ["refund"]),
        ("(late|delayed)\\s+parcel", ["parcel"]),
        ("(late|delayed)", ["delayed", "late"]),
        ("\\b(late|delayed)\\b.{0,20}\\bparcels?\\b", ["parcel"]),
        ("(?:lost|stolen)+ box", [" box"]),
        ("(?<order>\\d{3})-late", ["-late"]),
        ("a\\.b", ["a.b"]),
        ("(?=x)late", ["late"]),
        ("colis cassé", ["colis cass"]),
        ("x{2,5}y", ["x"]),
        ("ab+c", ["a"]),
    ])
    func extractsRequiredLiterals(_ pattern: String, _ expected: [String]) {
        #expect(LiteralExtractor.requiredLiterals(pattern, extended: false) == expected.sorted())
    }

    @Test(arguments: ["(late)?", "late|", "\\d+", "(?i)late", "[a-z]+", "a*", "\\Qlate\\E", "(late)\\1", "late", "x"])
    func isConservativeWhenUnsure(_ pattern: String) {
        let literals = LiteralExtractor.requiredLiterals(pattern, extended: false)
        if pattern == "late" { #expect(literals == ["late"]) } else if pattern == "x" { #expect(literals == ["x"]) } else { #expect(literals == nil) }
        #expect(LiteralExtractor.requiredLiterals("late", extended: true) == nil)
    }

    @Test(arguments: [
        ("late", 4),
        ("\\blate\\b", 4),
        ("(late|delayed)\\s?parcel", 17),
        ("\\b(phone|sofa)\\b.{0,40}\\bstolen\\b", 5 + 160 + 6),
        ("x{2,5}y", 6),
        ("x{3}", 3),
        ("café", 7),
        ("[a-z]", 4),
        ("(?<!\\w)(?:late|on\\s?time)(?!\\w)", 10),
        ("(?=abc)x", 1),
    ])
    func knowsTheLongestMatch(_ pattern: String, _ bytes: Int) {
        #expect(LiteralExtractor.maximumLength(pattern, extended: false) == bytes)
    }

    @Test(arguments: ["late+", "x{2,}", ".*late", "\\X", "late\\d*", "(?i)late"])
    func hasNoLongestMatchWhenUnbounded(_ pattern: String) {
        #expect(LiteralExtractor.maximumLength(pattern, extended: false) == nil)
    }

    @Test(arguments: [
        ("\\b(fridge|monitor|sofa)\\b", true, ["fridge", "monitor", "sofa"]),
        ("\\bLate\\b", true, ["late"]),
        ("(?<!\\w)(?:late|deliver\\w*|on\\s+time|e37)(?!\\w)", true, ["late", "e37"]),
        ("\\b(fridge|monitor)\\b", false, []),
        ("\\b(fridge|monitor)s?\\b", true, []),
        ("\\b(bank\\s+statement)\\b", true, []),
        ("(fridge|monitor)", true, []),
        ("\\b(a-b)\\b", true, []),
        ("(?<!x)late(?!\\w)", true, []),
    ])
    func findsExactWords(_ pattern: String, _ caseless: Bool, _ expected: [String]) {
        #expect(LiteralExtractor.exactWords(pattern, extended: false, caseless: caseless) == expected)
    }

    @Test func knowsWhichSetsMatchInOrderAndWhichPatternsAreOnlyWords() {
        let sequence = LiteralExtractor.analyze("\\b(been|have)\\s+(\\w+\\s+)?(received|shipped)\\b", extended: false, caseless: true)
        #expect(sequence.requiredSets == [["received", "shipped"], ["been", "have"]])
        #expect(sequence.setPositions == [4, 1])
        #expect(!sequence.isExactWordList)
        let alternation = LiteralExtractor.analyze("late|(been|have)x", extended: false, caseless: true)
        #expect(alternation.setPositions.allSatisfy { $0 == -1 })
        #expect(LiteralExtractor.analyze("\\b(order|driver)\\b", extended: false, caseless: true).isExactWordList)
        #expect(!LiteralExtractor.analyze("\\b(order|order\\s+number)\\b", extended: false, caseless: true).isExactWordList)
        #expect(WordListPattern.analysis(for: ["late", "Delayed"], caseless: true).isExactWordList)
        #expect(!WordListPattern.analysis(for: ["late", "on time"], caseless: true).isExactWordList)
        #expect(!WordListPattern.analysis(for: ["late"], caseless: false).isExactWordList)
    }

    @Test(arguments: [
        ("\\d{3}-\\d{7}", true), ("order\\s+\\d+", true), ("(?:a\\d|b7)", true), ("1Z", true), ("x\\d*", false),
        ("(?:a\\d|b)", false), ("(?=\\d)x", false), ("\\D+", false), ("[0-9]+", false), ("late", false),
    ])
    func knowsWhichPatternsNeedADigit(_ pattern: String, _ expected: Bool) {
        #expect(LiteralExtractor.analyze(pattern, extended: false, caseless: true).needsDigit == expected)
    }

    /// A pattern that needs a digit is not run on a text without one, with the same answers.
    @Test func patternsThatNeedADigitAreSkippedOnlyWhereNoDigitCanBe() throws {
        let ruleSet = try compile(singleRule("/\\b\\d{2}\\b/"))
        let with = Classifier(ruleSet: ruleSet), without = Classifier(ruleSet: ruleSet, usePrefilter: false)
        for text in ["no digits here", "two 42 digits", "arabic ٤٢ digits", "fullwidth ４２", "quote’s 12…"] {
            #expect(with.classify(text).evidence == without.classify(text).evidence, "\(text)")
        }
        #expect(with.classify("arabic ٤٢ digits").evidence.count == 1)
        #expect(with.classify("no digits here").evidence.isEmpty)
    }

    @Test func intersectsSortedRanges() {
        #expect(Prefilter.intersect([0...5, 10...20, 30...40], [3...12, 18...31, 50...60]) == [3...5, 10...12, 18...20, 30...31])
        #expect(Prefilter.intersect([0...5], [6...9]).isEmpty)
    }

    /// Word lists are analysed from their entries, not by parsing the regex built for them;
    /// both must agree.
    @Test(arguments: [
        ["late", "Delayed", "e37"], ["hasn't arrived", "late"], ["deliver*", "late"], ["café", "colis", "x"],
        ["$5", "c++", "a.b"], ["’twas", "o'clock"], ["late\u{301}"], ["LATE"],
    ])
    func wordListAnalysisMatchesTheRegex(_ entries: [String]) throws {
        for caseless in [true, false] {
            let fromEntries = WordListPattern.analysis(for: entries, caseless: caseless)
            let fromRegex = LiteralExtractor.analyze(WordListPattern.regexSource(for: entries), extended: false, caseless: caseless)
            // Equal, or tighter where the entries know more (an apostrophe is at most 3 bytes; the class '['’]' reads as 4).
            #expect((fromEntries.maximumLength == nil) == (fromRegex.maximumLength == nil), "\(entries)")
            #expect((fromEntries.maximumLength ?? 0) <= (fromRegex.maximumLength ?? 0), "\(entries)")
            #expect(Set(fromEntries.exactWords) == Set(fromRegex.exactWords), "\(entries)")
        }
    }

    @Test func automatonFindsOverlappingLiteralsIgnoringASCIICase() {
        let automaton = LiteralAutomaton(literals: ["he", "she", "his", "hers", "late"])
        var occurrences = LiteralAutomaton.Occurrences(literals: 5)
        var text = "uSHErS and a LATEr one, she"
        text.withUTF8 { automaton.scan($0, into: &occurrences) }
        #expect(occurrences.firstEnd == [4, 4, -1, 6, 17])
        #expect(occurrences.lastStart == [25, 24, -1, 2, 13])
        // "she" and "he" end together; the longer one is reported first.
        #expect(occurrences.order == [1, 0, 3, 4])
        // Every occurrence, chained per literal: "he" ends at 4 and 27.
        var ends: [Int32] = []
        var occurrence = occurrences.head[0]
        while occurrence >= 0 {
            ends.append(occurrences.end[Int(occurrence)])
            occurrence = occurrences.next[Int(occurrence)]
        }
        #expect(ends == [4, 27])
        #expect(occurrences.isComplete)
    }

    /// Random patterns and texts: every pattern's matches must be the same with and without
    /// the prefilter.
    @Test func resultsAreIdenticalWithAndWithoutThePrefilter() throws {
        var generator = SplitMix64(state: 7)
        let words = ["late", "parcel", "Refund", "damaged", "box", "never", "arrived", "kayak", "sos", "café", "x", "ab"]
        func randomPattern() -> String {
            let word = { words.randomElement(using: &generator)! }
            switch Int.random(in: 0..<14, using: &generator) {
            case 0: return "\\b\(word())\\b"
            case 1: return "(\(word())|\(word()))\\s+\(word())"
            case 2: return "\(word())(s|ed)?"
            case 3: return "\\b(\(word())|\(word())|\(word()))\\b.{0,20}\(word())"
            case 4: return "[a-z]+\(word())"
            case 5: return "(?<n>\\d{2,3})-\(word())"
            case 6: return "\(word())+"
            case 7: return "(?:\(word()))?\(word())"
            case 8: return "(?!no)\(word())"
            case 9: return "\\b(\(word())|\(word()))\\b"
            case 10: return "\\b\(word())\\b.{0,\(Int.random(in: 0..<12, using: &generator))}\\b\(word())\\b"
            case 11: return "\(word())\\s?\(word())"
            case 12: return "\\b(\(word())|\(word()))\\s+(\\w+\\s+)?\(word())\\b"
            default: return "\(word()).\(word())"
            }
        }
        var rules = ""
        for index in 0..<60 {
            let flags = Bool.random(using: &generator) ? "i" : ""
            rules += "rule r\(index) -> c { when /\(randomPattern())/\(flags) }\n"
        }
        rules += "rule w -> c { when words { late \"never arrived\" Café kayak deliver* } }\n"
        rules += "rule v -> c { when words { box ab sos x } }\n"
        let ruleSet = try compile(pack("category c \"C\" { playbook general }\n" + rules))
        #expect(ruleSet.prefilterCoverage.filtered > 30)
        let with = Classifier(ruleSet: ruleSet)
        let without = Classifier(ruleSet: ruleSet, usePrefilter: false)
        var texts = ["", "LATE PARCEL", "the KAYAK is ſos", "café CAFÉ Café", "kelvin \u{212A}ayak", "123-late 45-box",
                     "élate latex late", "boxé box", "xbox box_ sos", "late\u{301} late"]
        for _ in 0..<600 {
            let count = Int.random(in: 1..<12, using: &generator)
            texts.append((0..<count).map { _ in
                var w = words.randomElement(using: &generator)!
                if Bool.random(using: &generator) { w = w.uppercased() }
                return w + ["", " ", ", ", "-", "s ", "é ", "_", "\u{301} "].randomElement(using: &generator)!
            }.joined(separator: " "))
        }
        for text in texts {
            let a = with.classify(text, explain: true)
            let b = without.classify(text, explain: true)
            #expect(a.traces.map { $0.patterns.map(\.spans) } == b.traces.map { $0.patterns.map(\.spans) }, "differs on '\(text)'")
            #expect(a.category.id == b.category.id && a.score == b.score)
            // Without tracing, rules are decided from first matches and windows.
            let c = with.classify(text)
            let d = without.classify(text)
            #expect(c.evidence == d.evidence, "differs on '\(text)'")
            #expect(c.evidence == a.evidence, "differs from the traced run on '\(text)'")
        }
    }

    /// Past the occurrence capacity only first and last occurrences are known: the answers
    /// must not change.
    @Test func moreOccurrencesThanRecordedGiveTheSameAnswers() throws {
        let ruleSet = try compile(pack("""
            category c "C" { playbook general }
            rule near -> c { when /\\b(late|box)\\b.{0,5}\\bparcel\\b/i }
            rule listed -> c { when words { lates boxed parcel } }
            rule order -> c { when /\\b(late)\\s+(\\w+\\s+)?(parcel)\\b/i }
            """))
        let text = String(repeating: "latex ", count: LiteralAutomaton.Occurrences.capacity + 10) + "box parcel"
        let with = Classifier(ruleSet: ruleSet).classify(text)
        let without = Classifier(ruleSet: ruleSet, usePrefilter: false).classify(text)
        #expect(with.evidence == without.evidence)
        #expect(with.evidence.map(\.rule) == [0, 1])
    }

    @Test func shippedRulesGiveTheSameAnswersOnEveryFixtureWithAndWithoutThePrefilter() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (compiled, diagnostics) = RuleEngine.compile(paths: [root.appendingPathComponent("rules").path])
        let ruleSet = try #require(compiled, "the shipped rules do not compile: \(diagnostics.map(\.message))")
        // No time budget: under a sanitizer on a loaded machine a long fixture could use it up
        // on one side only; equal answers are the point here, not speed.
        let with = Classifier(ruleSet: ruleSet, timeBudget: nil)
        let without = Classifier(ruleSet: ruleSet, usePrefilter: false, timeBudget: nil)
        let fixtures = root.appendingPathComponent("fixtures").path
        let files = (FileManager.default.enumerator(atPath: fixtures)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".triage") }
        #expect(files.count >= 300)
        for file in files {
            let text = try String(contentsOfFile: fixtures + "/" + file, encoding: .utf8)
            let a = with.classify(text, explain: true)
            let b = without.classify(text, explain: true)
            #expect(a.traces.map { $0.patterns.map(\.spans) } == b.traces.map { $0.patterns.map(\.spans) }, "\(file)")
            #expect(a.entities == b.entities, "\(file)")
        }
    }
}
