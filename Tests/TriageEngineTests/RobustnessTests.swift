import Foundation
import Testing
import TriageEngine
import TriagePCRE2

@Suite struct RobustnessTests {
    @Test func catastrophicPatternHitsItsLimitAndOtherRulesStillClassify() throws {
        let ruleSet = try compile(pack("""
        category c "C" { playbook pc }
        category d "D" { playbook pd }
        playbook pc { step chat "C." }
        playbook pd { step chat "D." }
        rule evil -> c { when /(a+)+$/ weight 5 }
        rule fine -> d { when "late" weight 2 }
        """))
        let text = "late " + String(repeating: "a", count: 5_000) + "!"
        let result = Classifier(ruleSet: ruleSet, limits: RegexLimits(matchLimit: 100_000)).classify(text)
        #expect(result.category.id == "d")
        let hit = try #require(result.limitHits.first)
        #expect(hit.limit == .matchLimit)
        #expect(hit.users == ["evil"])
    }

    @Test func classifyingFromManyThreadsGivesTheSingleThreadResults() async throws {
        let ruleSet = try compile(pack("""
        category late "Late" { playbook p }
        category broken "Broken" { playbook p }
        playbook p { step chat "P {order_id|x}." }
        entity order_id "order" = /\\d{3}-\\d{7}-\\d{7}/
        rule r1 -> late { when affirmed(words { late delayed }) within 4 words of words { parcel order } weight 2 }
        rule r2 -> broken { when affirmed(words { broken damaged }) weight 2 }
        """))
        let classifier = Classifier(ruleSet: ruleSet)
        let texts = (0..<200).map { i in
            ["my parcel is late \(i)", "order 123-4567890-1234567 arrived damaged", "not damaged, the order is delayed", "hello \(i)"][i % 4]
        }
        func summary(_ c: Classification) -> String {
            "\(c.category.id)|\(c.score)|\(c.entities.map(\.value))|\(c.evidence.map(\.spans))"
        }
        let expected = texts.map { summary(classifier.classify($0)) }
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, summary(classifier.classify(text))) }
            }
            var collected = Array(repeating: "", count: texts.count)
            for await (index, value) in group { collected[index] = value }
            return collected
        }
        #expect(results == expected)
    }

    @Test func largeMessageIsClassifiedWithBoundedEvidence() throws {
        let ruleSet = try compile(singleRule("words { late }"))
        let text = String(repeating: "my parcel is late. ", count: 200_000)
        let result = Classifier(ruleSet: ruleSet).classify(text)
        #expect(result.category.id == "c")
        #expect(result.evidence[0].spans.count == 1_000)
    }

    @Test func embeddedPacksResolveImportsAndReportCycles() {
        let files = [
            (path: "main.rules", contents: "import \"lib/shared.rules\"\ncategory other \"O\" { playbook p }\nplaybook p { step chat \"x\" }"),
            (path: "lib/shared.rules", contents: "import \"../main.rules\"\ndefine x = \"x\""),
        ]
        let (ruleSet, diagnostics) = RuleEngine.compile(embedded: files, root: "pack")
        #expect(ruleSet == nil)
        #expect(diagnostics.map(\.id) == ["import-cycle"])
        #expect(diagnostics.first?.locationDescription == "pack/main.rules:1:8")
    }

    @Test func missingPathsAndInvalidUTF8RuleFilesAreReported() throws {
        let (_, missing) = RuleEngine.compile(paths: ["/nonexistent/rules"])
        #expect(missing.map(\.id) == ["cannot-read"])

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.rules").path
        try Data("define a = \"ok\"\ndefine b = \"".utf8 + [0xFF, 0xFE] + Data("\"\n".utf8)).write(to: URL(fileURLWithPath: path))
        let (ruleSet, diagnostics) = RuleEngine.compile(paths: [path])
        #expect(ruleSet == nil)
        #expect(diagnostics.map(\.id) == ["invalid-utf8"])
        #expect(diagnostics.first?.location?.line == 2)
        #expect(diagnostics.first?.location?.column == 13)

        let empty = directory.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(RuleEngine.compile(paths: [empty]).1.map(\.id) == ["no-rule-files"])
    }
}
