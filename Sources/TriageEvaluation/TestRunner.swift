import Foundation
import TriageEngine
import TriageSupport

/// Classifies every case on all cores and checks it against its expectation.
public struct TestRunner: Sendable {
    public let classifier: Classifier
    /// Trace every rule of every case to count what matched (`--coverage`); slower.
    public let collectsCoverage: Bool

    public init(classifier: Classifier, collectsCoverage: Bool = false) {
        self.classifier = classifier
        self.collectsCoverage = collectsCoverage
    }

    /// Results in the order of `cases`. `progress` is called with the number of cases done,
    /// from worker threads.
    public func run(_ cases: [TestCase], jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                    progress: (@Sendable (Int) -> Void)? = nil) -> [CaseResult] {
        OrderedParallelWork(cases, jobs: jobs, progress: progress, transform: evaluate).results()
    }

    public func evaluate(_ testCase: TestCase) -> CaseResult {
        let classification = classifier.classify(Message(testCase.text), explain: collectsCoverage)
        let ruleSet = classifier.ruleSet
        let expectation = testCase.expectation
        var failures: [String] = []

        let category = classification.category.id
        if expectation.negated ? category == expectation.category : category != expectation.category {
            failures.append("expected \(expectation.categoryText), got \(category)")
        }
        let secondary = classification.secondary?.id
        if let expected = expectation.secondary, expected != secondary {
            failures.append("expected secondary \(expected ?? "none"), got \(secondary ?? "none")")
        }
        let signals = classification.signals.map(\.signal.name)
        if expectation.requireNoSignals {
            if !signals.isEmpty { failures.append("expected no signals, got \(signals.joined(separator: ", "))") }
        } else if let expected = expectation.signals {
            let missing = expected.filter { !signals.contains($0) }
            if !missing.isEmpty { failures.append("signal\(missing.count == 1 ? "" : "s") not raised: \(missing.joined(separator: ", "))") }
        }
        let entities = classification.entities.map { EntityExpectation(name: $0.name, value: $0.value) }
        for entity in expectation.entities where !entities.contains(entity) {
            let found = entities.filter { $0.name == entity.name }.map(\.value)
            failures.append("entity \(entity.name)=\(entity.value) not found" + (found.isEmpty ? "" : " (found \(found.joined(separator: ", ")))"))
        }
        let playbook = classification.playbook?.name
        if let expected = expectation.playbook, expected != playbook {
            failures.append("expected playbook \(expected), got \(playbook ?? "none")")
        }

        let positions = TextPositions(testCase.text)
        let evidence = classification.evidence.map { hit -> CaseResult.Evidence in
            let rule = ruleSet.rules[hit.rule]
            let matches = hit.spans.prefix(20).map { span -> CaseResult.MatchedWords in
                let turn = classification.message.turns[span.turn]
                let start = positions.position(ofUTF8: turn.inputOffset + span.range.lowerBound)
                let end = positions.position(ofUTF8: turn.inputOffset + span.range.upperBound)
                return CaseResult.MatchedWords(text: classification.message.text(of: span), start: start.offset, end: end.offset,
                                               line: testCase.textLine + start.line - 1,
                                               column: start.line == 1 ? testCase.textColumn + start.column - 1 : start.column)
            }
            let target = ruleSet.targetName(of: rule)
            return CaseResult.Evidence(rule: rule.name, target: target, weight: rule.weight, matches: Array(matches))
        }
        let status: CaseResult.Status
        if testCase.todo != nil {
            status = failures.isEmpty ? .fixedTodo : .knownFailure
        } else {
            status = failures.isEmpty ? .passed : .failed
        }
        var result = CaseResult(testCase: testCase, status: status, category: category, secondary: secondary, confidence: classification.confidence,
                          signals: signals, entities: entities, playbook: playbook, evidence: evidence,
                          firedRules: classification.evidence.map(\.rule), failures: failures,
                          limitHits: classification.limitHits.map { "\($0.users.joined(separator: ", ")) (\($0.limit.rawValue))" }
                            + (classification.budgetExceeded.map { budget in
                                ["time budget used up; not evaluated: " + budget.undecidedRules.map { ruleSet.rules[$0].name }.joined(separator: ", ")]
                            } ?? []))
        if collectsCoverage { result.coverage = Self.coverage(of: classification, ruleSet: ruleSet) }
        return result
    }

    private static func coverage(of classification: Classification, ruleSet: CompiledRuleSet) -> CaseCoverage {
        var patterns = Set<Int>()
        var words: [Int: Set<String>] = [:]
        for trace in classification.traces {
            for pattern in trace.patterns where !pattern.spans.isEmpty {
                patterns.insert(pattern.pattern)
                if ruleSet.patterns[pattern.pattern].kind == .words {
                    words[pattern.pattern, default: []].formUnion(pattern.normalizedTexts.map { $0.lowercased() })
                }
            }
        }
        return CaseCoverage(matchedPatterns: patterns.sorted(), matchedWords: words.mapValues { $0.sorted() })
    }
}
