import Foundation
import Testing
import TriageTestSupport
@testable import TriageEngine

/// A worker reuses one scan for every message, clearing only what the last message set: the
/// answers must be those of a fresh scan, whatever came before.
@Suite struct ScanReuseTests {
    @Test func slotTableResetClearsWhatWasSet() {
        var table = SlotTable<Int32>(slots: 8)
        table[3] = 7
        table[5] = -1
        table.reset(slots: 4)
        #expect((0..<4).allSatisfy { table[$0] == 0 })
        table.reset(slots: 20)
        table[19] = 2
        #expect(table[19] == 2)
        table.reset(slots: 20)
        #expect((0..<20).allSatisfy { table[$0] == 0 })
    }

    @Test func occurrencesResetForgetsTheLastText() {
        let automaton = LiteralAutomaton(literals: ["late", "parcel"])
        var occurrences = LiteralAutomaton.Occurrences(literals: 2)
        var text = "late parcel late"
        text.withUTF8 { automaton.scan($0, into: &occurrences) }
        occurrences.reset()
        var other = "parcel"
        other.withUTF8 { automaton.scan($0, into: &occurrences) }
        #expect(occurrences.firstEnd == [-1, 6])
        #expect(occurrences.head[0] == -1 && occurrences.end == [6])
    }

    @Test func aReusedScanAnswersLikeAFreshOne() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (compiled, diagnostics) = RuleEngine.compile(paths: [root.appendingPathComponent("rules").path])
        let ruleSet = try #require(compiled, "the shipped rules do not compile: \(diagnostics.map(\.message))")
        let fixtures = root.appendingPathComponent("fixtures").path
        let files = (FileManager.default.enumerator(atPath: fixtures)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".triage") }.sorted()
        var texts = try files.prefix(120).map { try String(contentsOfFile: fixtures + "/" + $0, encoding: .utf8) }
        // Long transcripts between short messages: tables grow, then shrink again.
        let transcript = (0..<300).map { $0 % 2 == 0 ? "customer: my parcel is late \($0)" : "agent: sorry about that" }.joined(separator: "\n")
        texts.insert(transcript, at: 10)
        texts.insert("customer: refund please\nagent: done\ncustomer: still no refund", at: 11)
        texts.insert("", at: 12)
        let reused = Classifier(ruleSet: ruleSet, today: (2026, 12, 1))
        var generator = SplitMix64(state: 3)
        for _ in 0..<2 {
            texts.shuffle(using: &generator)
            for text in texts {
                let fresh = Classifier(ruleSet: ruleSet, today: (2026, 12, 1)).classify(text)
                let again = reused.classify(text)
                #expect(again.evidence == fresh.evidence && again.category.id == fresh.category.id && again.entities == fresh.entities,
                        "differs on '\(text.prefix(60))'")
            }
        }
    }
}
