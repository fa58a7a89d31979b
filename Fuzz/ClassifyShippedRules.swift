import Foundation
import TriageEngine
import TriagePCRE2

/// libFuzzer target: arbitrary text classified with the shipped pack (rules/, or the
/// directory in TRIAGE_FUZZ_RULES). Classification must not crash, every position it
/// reports (evidence, entities, traces) must fall inside the message, as the reports rely
/// on, and the answer must be the same without the prefilter.
private let classifier: Classifier = {
    let path = ProcessInfo.processInfo.environment["TRIAGE_FUZZ_RULES"] ?? "rules"
    guard let ruleSet = RuleEngine.compile(paths: [path]).0 else { fatalError("the rules in '\(path)' do not compile") }
    return Classifier(ruleSet: ruleSet)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func classifyShippedRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let message = Message(text)
    let result = classifier.classify(message, explain: size % 2 == 0)
    let positions = TextPositions(text)
    func check(turn: Int, range: Range<Int>) {
        guard turn >= 0, turn < message.turns.count, range.lowerBound >= 0, range.upperBound <= message.turns[turn].text.utf8.count else {
            fatalError("range \(range) in turn \(turn) is outside the message")
        }
        _ = RegexMatch.substring(range, of: message.turns[turn].text)
        _ = positions.position(ofUTF8: message.turns[turn].inputOffset + range.lowerBound)
        _ = positions.position(ofUTF8: message.turns[turn].inputOffset + range.upperBound)
    }
    for hit in result.evidence { for span in hit.spans { check(turn: span.turn, range: span.range) } }
    for trace in result.traces { for pattern in trace.patterns { for span in pattern.spans { check(turn: span.turn, range: span.range) } } }
    for entity in result.entities { check(turn: entity.turn, range: entity.range) }
    // The prefilter may only skip patterns that cannot match: same answer without it.
    if result.budgetExceeded == nil && result.limitHits.isEmpty {
        let naive = naiveClassifier.classify(message)
        if describe(naive) != describe(result) {
            fatalError("the prefilter changed the answer:\n\(describe(result))\n\(describe(naive))")
        }
    }
    return 0
}

/// No budget: running every pattern is slower, and a cut-short answer would differ for that alone.
private let naiveClassifier = Classifier(ruleSet: classifier.ruleSet, usePrefilter: false, timeBudget: nil)

private func describe(_ c: Classification) -> String {
    "\(c.category.id) \(c.score) \(c.secondary?.id ?? "-") \(c.evidence.map { "\($0.rule):\($0.spans.map { "\($0.turn):\($0.range)" })" }) "
        + "\(c.entities.map { "\($0.name)=\($0.value)" }) \(c.signals.map(\.signal.name))"
}
