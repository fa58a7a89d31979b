import Foundation
import Testing
@testable import TriageEngine

/// `.decision` leaves out evidence spans and the rendered playbook, and nothing else.
@Suite struct ClassificationDetailTests {
    @Test func decisionIsTheSameDecisionWithoutEvidenceOrPlaybook() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (compiled, diagnostics) = RuleEngine.compile(paths: [root.appendingPathComponent("rules").path])
        let ruleSet = try #require(compiled, "the shipped rules do not compile: \(diagnostics.map(\.message))")
        let classifier = Classifier(ruleSet: ruleSet, today: (2026, 12, 1))
        let fixtures = root.appendingPathComponent("fixtures").path
        let files = (FileManager.default.enumerator(atPath: fixtures)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".triage") }.sorted()
        var withEntities = 0, withPlaybooks = 0
        for file in files {
            let text = try String(contentsOfFile: fixtures + "/" + file, encoding: .utf8)
            let full = classifier.classify(text)
            let decision = classifier.classify(text, detail: .decision)
            #expect(decision.category.id == full.category.id && decision.confidence == full.confidence, "\(file)")
            #expect(decision.secondary?.id == full.secondary?.id && decision.scores == full.scores, "\(file)")
            #expect(decision.evidence.map(\.rule) == full.evidence.map(\.rule), "\(file)")
            #expect(decision.evidence.allSatisfy { $0.spans.isEmpty })
            #expect(decision.signals == full.signals && decision.entities == full.entities, "\(file)")
            #expect(decision.playbook == nil && decision.category.playbook.map { ruleSet.playbooks[$0].name } == full.playbook?.name, "\(file)")
            if !full.entities.isEmpty { withEntities += 1 }
            if full.playbook != nil { withPlaybooks += 1 }
        }
        #expect(files.count >= 300 && withEntities > 20 && withPlaybooks > 100)
    }
}
