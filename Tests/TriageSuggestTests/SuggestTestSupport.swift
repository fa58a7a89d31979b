import Foundation
import Testing
import TriageEngine
import TriageEvaluation
import TriageSuggest

/// The small pack and labelled corpus in Fixtures: late parcels the pack misses say "still
/// waiting"; "parcel" is more frequent in them but also in refund records the pack gets right.
enum SuggestFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static let packPath = folder + "/pack.rules"
    static let corpusPath = folder + "/corpus.jsonl"

    static func load() throws -> (pack: LoadedRulePack, ruleSet: CompiledRuleSet, cases: [TestCase]) {
        let pack = RulePackLoader.load(paths: [packPath])
        let ruleSet = try #require(RulePackCompiler.compile(pack).0)
        let (cases, problems) = CorpusReader().read(corpusPath)
        #expect(problems.isEmpty)
        return (pack, ruleSet, cases)
    }

    static func run(holdout: Double = 0.3, limit: Int = 10, category: String? = nil) throws -> (report: SuggestionReport, pack: LoadedRulePack, ruleSet: CompiledRuleSet, cases: [TestCase]) {
        let (pack, ruleSet, cases) = try load()
        var settings = SuggestSettings()
        settings.holdout = holdout
        settings.limit = limit
        settings.category = category
        settings.jobs = 2
        return (try Suggester(pack: pack, ruleSet: ruleSet, settings: settings).run(cases), pack, ruleSet, cases)
    }
}
