import Foundation
import Testing
import TriagePCRE2
import TriageTestSupport
@testable import TriageEngine

/// The direct word-list matcher must give exactly the matches of the PCRE2 regex built for the
/// same list: checked on examples, on random lists and texts, and on every fixture with the
/// shipped pack.
@Suite struct WordListMatcherTests {
    /// The pattern of a one-rule pack whose condition is `list`.
    private func wordList(_ list: String) throws -> (CompiledRuleSet, Int) {
        let ruleSet = try compile(singleRule(list))
        let pattern = try #require(ruleSet.patterns.firstIndex { $0.kind == .words || $0.kind == .phrase })
        return (ruleSet, pattern)
    }

    /// The direct matcher's matches, or nil when it leaves the pattern or the text to PCRE2.
    private func direct(_ ruleSet: CompiledRuleSet, _ pattern: Int, _ text: String) -> [Range<Int>]? {
        direct(ruleSet, [pattern], text)?[0]
    }

    /// The same for several patterns, looking the text's words up once.
    private func direct(_ ruleSet: CompiledRuleSet, _ patterns: [Int], _ text: String) -> [[Range<Int>]]? {
        guard patterns.allSatisfy({ ruleSet.patterns[$0].wordList != nil }) else { return nil }
        var copy = text
        return copy.withUTF8 { bytes -> [[Range<Int>]]? in
            guard WordListMatcher.isDirectText(bytes) else { return nil }
            var candidates: [WordListIndex.Candidate] = []
            ruleSet.wordLists.candidates(in: bytes, into: &candidates)
            return patterns.map { pattern in
                ruleSet.wordLists.matches(pattern: pattern, candidates: candidates, in: bytes, limit: Scan.maximumMatchesPerTurn).map(\.range)
            }
        }
    }

    private func pcre2(_ ruleSet: CompiledRuleSet, _ pattern: Int, _ text: String) -> [Range<Int>] {
        RegexMatcher().scan(ruleSet.patterns[pattern].regex, in: text, maxMatches: Scan.maximumMatchesPerTurn).matches.map(\.range)
    }

    /// The matched text of each direct match.
    private func matched(_ list: String, _ text: String) throws -> [String] {
        let (ruleSet, pattern) = try wordList(list)
        let ranges = try #require(direct(ruleSet, pattern, text), "not matched directly")
        return ranges.map { RegexMatch.substring($0, of: text) }
    }

    @Test func matchesWholeWordsIgnoringCase() throws {
        #expect(try matched("words { late }", "Late, LATE; later chocolate late_ 2late late") == ["Late", "LATE", "late"])
        #expect(try matched("words case-sensitive { iPhone }", "iphone IPHONE iPhone") == ["iPhone"])
    }

    @Test func readsApostrophesSpacesAndStars() throws {
        #expect(try matched("words { \"hasn't arrived\" }", "it hasn’t   arrived, it hasn't\narrived; hasnt arrived") == ["hasn’t   arrived", "hasn't\narrived"])
        #expect(try matched("words { deliver* }", "delivery delivered deliver undeliver deliver_x2 …deliveries") == ["delivery", "delivered", "deliver", "deliver_x2", "deliveries"])
        #expect(try matched("words { \"re-order\" e-mail }", "re-order re order email e-mail") == ["re-order", "e-mail"])
    }

    @Test func triesLongerEntriesFirstAndNeverOverlaps() throws {
        #expect(try matched("words { \"not\" \"not received\" received }", "not received not  received received") == ["not received", "not  received", "received"])
    }

    @Test func allowsGapWordsGreedily() throws {
        #expect(try matched("words gap 2 { \"not received\" }", "not yet received, not yet been received, not yet even been received, not - received")
                == ["not yet received", "not yet been received"])
        #expect(try matched("words gap 1 { \"didn't make it\" }", "didn't even make it didn't, make it") == ["didn't even make it"])
    }

    @Test func forgivesOneTypoInFuzzyWords() throws {
        let list = "words fuzzy { refund \"delivery woman\" }"
        // Changed, dropped, added, swapped; not added before the first letter, not two edits.
        #expect(try matched(list, "refumd refnd refuund rfeund xrefund rfnd refund") == ["refumd", "refnd", "refuund", "rfeund", "refund"])
        #expect(try matched(list, "delivry womn, delivery  woman, delivery-woman") == ["delivry womn", "delivery  woman"])
        // A real word is never a typo ("refunds" is a common word).
        #expect(try matched(list, "refunds") == [])
        #expect(try matched("words case-sensitive fuzzy { Refund }", "Refnd refnd REFUND Rfeund") == ["Refnd", "Rfeund"])
    }

    @Test func leavesOtherTextsAndListsToPCRE2() throws {
        let (ruleSet, pattern) = try wordList("words { late }")
        #expect(direct(ruleSet, pattern, "café late") == nil)
        #expect(direct(ruleSet, pattern, "\u{212A}ayak late") == nil)
        #expect(direct(ruleSet, pattern, "late\u{00A0}now") == nil)
        #expect(direct(ruleSet, pattern, "“late” — it’s late…") != nil)
        for list in ["words { café }", "words { \"'em\" }", "words { \"-ish\" }"] {
            let (other, index) = try wordList(list)
            #expect(other.patterns[index].wordList == nil, "\(list)")
        }
    }

    /// Random lists and texts: every match must be PCRE2's.
    @Test func givesPCRE2sMatchesOnRandomListsAndTexts() throws {
        var generator = SplitMix64(state: 15)
        let entries = ["late", "delivered", "received", "refund", "refunds", "hasn't arrived", "deliver*", "never arrived",
                       "still waiting", "not received", "can't", "re-order", "e-mail", "2nd", "package", "parcel", "damaged",
                       "customer service", "money back", "wrong item", "door", "o'clock", "x", "ab", "cancelled", "cancel",
                       "Refund", "iPhone", "on time", "didn't make it", "a.m.", "c++", "50%", "delivery woman", "not yet",
                       "refund*", "it's", "box", "boxes", "recieved", "damaged box", "not", "money", "mone*", "waiting for a response"]
        let words = entries.flatMap { $0.split(separator: " ").map(String.init) } + ["the", "my", "it", "yet", "even", "been", "a", "don't"]
        let separators = [" ", " ", " ", "  ", "\n", ", ", "-", "'", "’", "_", "…", "—", "\t", ".", "“", "! ", "7", " - "]
        func mutate(_ word: String) -> String {
            var letters = Array(word)
            guard letters.count > 2 else { return word }
            let index = Int.random(in: 0..<letters.count - 1, using: &generator)
            switch Int.random(in: 0..<7, using: &generator) {
            case 0: letters.remove(at: index)
            case 1: letters.insert(Character(Unicode.Scalar(UInt8.random(in: 97...122, using: &generator))), at: index)
            case 2: letters.swapAt(index, index + 1)
            case 3: letters[index] = Character(Unicode.Scalar(UInt8.random(in: 97...122, using: &generator)))
            case 4: return word.uppercased()
            case 5: letters.append("s")
            default: break
            }
            return String(letters)
        }
        var checked = 0, withMatches = 0
        for _ in 0..<60 {
            let flags = [["fuzzy"], [], ["case-sensitive"], ["gap 1"], ["fuzzy", "gap 2"], ["case-sensitive", "fuzzy"]].randomElement(using: &generator)!
            let chosen = (0..<Int.random(in: 1...8, using: &generator)).map { _ in entries.randomElement(using: &generator)! }
            let list = "words " + flags.joined(separator: " ") + " { " + chosen.map { "\"\($0)\"" }.joined(separator: " ") + " }"
            let (ruleSet, pattern) = try wordList(list)
            #expect(ruleSet.patterns[pattern].wordList != nil, "\(list)")
            for _ in 0..<80 {
                let text = (0..<Int.random(in: 1...14, using: &generator)).map { _ in
                    let word = Int.random(in: 0..<3, using: &generator) == 0 ? chosen.randomElement(using: &generator)! : words.randomElement(using: &generator)!
                    return (Bool.random(using: &generator) ? mutate(word) : word) + separators.randomElement(using: &generator)!
                }.joined()
                let expected = pcre2(ruleSet, pattern, text)
                let got = try #require(direct(ruleSet, pattern, text))
                #expect(got == expected, "\(list) on '\(text)'")
                checked += 1
                if !expected.isEmpty { withMatches += 1 }
            }
        }
        #expect(checked == 4_800)
        #expect(withMatches > 1_000)
    }

    /// The shipped pack's word lists on every fixture, as written and with other non-ASCII
    /// characters made spaces (so the direct matcher takes them too).
    @Test func givesPCRE2sMatchesForTheShippedPackOnEveryFixture() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (compiled, diagnostics) = RuleEngine.compile(paths: [root.appendingPathComponent("rules").path])
        let ruleSet = try #require(compiled, "the shipped rules do not compile: \(diagnostics.map(\.message))")
        let direct = ruleSet.patterns.filter { $0.wordList != nil }.map(\.index)
        let lists = ruleSet.patterns.filter { $0.kind == .words || $0.kind == .phrase }
        #expect(direct.count == lists.count, "word lists left to PCRE2: \(lists.filter { $0.wordList == nil }.map(\.source))")
        let fixtures = root.appendingPathComponent("fixtures").path
        let files = (FileManager.default.enumerator(atPath: fixtures)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".triage") }.sorted()
        #expect(files.count >= 300)
        var directTexts = 0, matches = 0
        for file in files {
            let written = try String(contentsOfFile: fixtures + "/" + file, encoding: .utf8)
            let spaced = String(String.UnicodeScalarView(written.unicodeScalars.map { $0.isASCII || "’“”–—…".unicodeScalars.contains($0) ? $0 : " " }))
            for text in [written, spaced] {
                guard let got = self.direct(ruleSet, direct, text) else { continue }
                directTexts += 1
                for (pattern, ranges) in zip(direct, got) {
                    let expected = pcre2(ruleSet, pattern, text)
                    #expect(ranges == expected, "\(ruleSet.patterns[pattern].source) on \(file)")
                    matches += expected.count
                }
            }
        }
        #expect(directTexts >= files.count)
        #expect(matches > 1_000)
    }
}
