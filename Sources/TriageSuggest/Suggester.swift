import Foundation
import TriageEngine
import TriageEvaluation
import TriageSupport
import TriageSyntax

/// `triage suggest`: classifies labelled records with a pack, mines phrases from what each
/// category misses (and from what it wrongly takes), and measures what a rule for each
/// phrase would really change by compiling the pack with the candidate rules and classifying
/// again.
///
/// All candidates are compiled into one pack, each as its own rule: one pass over the
/// records tells which candidate rules fire where. Rules are evaluated independently and the
/// answer is a function of the set of rules that fired (`CompiledRuleSet.decide`), so the
/// answer with one candidate added is the decision over the pack's fired rules plus that
/// one: exactly what compiling the pack with only that rule gives. The snippets are checked
/// that way anyway (`SnippetWriter`).
public struct Suggester {
    public let pack: LoadedRulePack
    public let ruleSet: CompiledRuleSet
    public let settings: SuggestSettings
    public let tokenizer: PhraseTokenizer

    /// Why suggestions could not be made.
    public enum Failure: Error, Sendable {
        case unknownCategory(String, suggestion: String?)
        /// The pack with the candidate rules did not compile: a bug, with the first diagnostic.
        case candidatesDidNotCompile(String)

        public var message: String {
            switch self {
            case .unknownCategory(let id, let suggestion):
                return "unknown category '\(id)'" + (suggestion.map { ". did you mean '\($0)'?" } ?? "")
            case .candidatesDidNotCompile(let diagnostic):
                return "internal error: the candidate rules did not compile: \(diagnostic)"
            }
        }
    }

    /// Phrases are mined from the text the pack's patterns read (its normaliser), unless a
    /// tokenizer is given.
    public init(pack: LoadedRulePack, ruleSet: CompiledRuleSet, settings: SuggestSettings, tokenizer: PhraseTokenizer? = nil) {
        self.pack = pack
        self.ruleSet = ruleSet
        self.settings = settings
        self.tokenizer = tokenizer ?? PhraseTokenizer(normalizer: ruleSet.normalizer)
    }

    /// One phrase to simulate, for one category.
    struct Trial {
        let category: Int
        let phrase: String
        let kind: PhraseCandidate.Kind
        let support: Int
    }

    /// What one trial's rule did over the records, filled in by the batched pass.
    struct Tally {
        var matches = 0
        var matchesOfCategory = 0
        var heldOut = CandidateEffect()
        var mined = CandidateEffect()
        /// Records it fired on, for checking snippets.
        var records: [Int] = []
    }

    public func run(_ cases: [TestCase]) throws(Failure) -> SuggestionReport {
        let fallback = ruleSet.fallbackCategory
        var scope: [Int]
        if let id = settings.category {
            guard let category = ruleSet.category(id: id) else {
                throw .unknownCategory(id, suggestion: EditDistance.closest(to: id, among: ruleSet.categories.map(\.id)))
            }
            scope = [category.index]
        } else {
            scope = ruleSet.categories.indices.filter { $0 != fallback }
        }

        let split = HoldoutSplit(fraction: settings.holdout)
        let heldOut = cases.map { settings.holdout > 0 && split.isHeldOut($0) }
        let mined = heldOut.map { settings.holdout > 0 ? !$0 : true }
        let measured = heldOut.map { settings.holdout > 0 ? $0 : true }
        let expected = cases.map { ruleSet.category(id: $0.expectation.category)?.index }
        let messages = cases.map { Message($0.text) }

        // The pack as it is.
        let base = RecordClassifier.classify(messages, with: Classifier(ruleSet: ruleSet), jobs: settings.jobs)
        let answers = base.map(\.category)

        // Phrases of the records something is mined from, once each.
        var phraseCache: [Int: [String]] = [:]
        func phrases(_ record: Int) -> [String] {
            if let cached = phraseCache[record] { return cached }
            let text = messages[record].turns.filter { $0.speaker == .customer }.map(\.text).joined(separator: "\n")
            let found = tokenizer.phrases(in: text)
            phraseCache[record] = found
            return found
        }
        func frequent(_ records: [Int]) -> [(phrase: String, support: Int)] {
            var counts: [String: Int] = [:]
            for record in records { for phrase in phrases(record) { counts[phrase, default: 0] += 1 } }
            return counts.filter { $0.value >= settings.minimumSupport }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(settings.phrasesPerCategory).map { ($0.key, $0.value) }
        }
        var trials: [Trial] = []
        for category in scope {
            let misses = cases.indices.filter { mined[$0] && expected[$0] == category && answers[$0] != category }
            let wronglyTaken = cases.indices.filter { mined[$0] && expected[$0] != category && answers[$0] == category }
            trials += frequent(misses).map { Trial(category: category, phrase: $0.phrase, kind: .candidate, support: $0.support) }
            trials += frequent(wronglyTaken).map { Trial(category: category, phrase: $0.phrase, kind: .counterEvidence, support: $0.support) }
        }

        let weight = ruleSet.settings.threshold > 0 ? ruleSet.settings.threshold : 1
        let tallies = try measure(trials, weight: weight, messages: messages, expected: expected, answers: answers, mined: mined, measured: measured)

        let vocabulary = PackVocabulary(files: pack.files)
        let snippets = SnippetWriter(pack: pack, ruleSet: ruleSet, messages: messages, expected: expected, answers: answers,
                                     mined: mined, measured: measured, heldOutCount: heldOut.filter { $0 }.count)
        var reports: [CategorySuggestions] = []
        for category in scope {
            let id = ruleSet.categories[category].id
            func candidates(_ kind: PhraseCandidate.Kind) -> [PhraseCandidate] {
                trials.indices.filter { trials[$0].category == category && trials[$0].kind == kind }.map { index in
                    let trial = trials[index], tally = tallies[index]
                    return PhraseCandidate(phrase: trial.phrase, kind: kind, weight: kind == .candidate ? weight : -weight, support: trial.support,
                                           matches: tally.matches, matchesOfCategory: tally.matchesOfCategory, heldOut: tally.heldOut, mined: tally.mined,
                                           alreadyInPack: vocabulary.contains(trial.phrase, category: id), snippet: nil)
                }
                .sorted(by: Suggester.ranksHigher)
            }
            var positive = Array(candidates(.candidate).prefix(settings.limit))
            var counter = Array(candidates(.counterEvidence).filter { $0.heldOut.fixed + $0.mined.fixed > 0 }.prefix(min(settings.limit, settings.counterLimit)))
            let records = trialRecords(trials: trials, tallies: tallies)
            var written = 0
            for index in positive.indices where written < settings.snippets && positive[index].heldOut.net > 0 {
                positive[index] = snippets.attach(to: positive[index], category: ruleSet.categories[category], records: records[Key(category, positive[index])] ?? [],
                                                  minimumSupport: settings.minimumSupport)
                written += 1
            }
            if let first = counter.indices.first, counter[first].heldOut.net > 0 {
                counter[first] = snippets.attach(to: counter[first], category: ruleSet.categories[category], records: records[Key(category, counter[first])] ?? [],
                                                 minimumSupport: settings.minimumSupport)
            }
            var confusions: [String: Int] = [:]
            var total = 0, right = 0, falsePositives = 0
            for record in cases.indices {
                if expected[record] == category {
                    total += 1
                    if answers[record] == category { right += 1 } else { confusions[ruleSet.categories[answers[record]].id, default: 0] += 1 }
                } else if answers[record] == category {
                    falsePositives += 1
                }
            }
            reports.append(CategorySuggestions(
                category: id, title: ruleSet.categories[category].title, records: total, right: right,
                confusions: confusions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .map { CategorySuggestions.Confusion(expected: id, got: $0.key, count: $0.value) },
                falsePositives: falsePositives,
                minedMisses: cases.indices.filter { mined[$0] && expected[$0] == category && answers[$0] != category }.count,
                minedFalsePositives: cases.indices.filter { mined[$0] && expected[$0] != category && answers[$0] == category }.count,
                candidates: positive, counterEvidence: counter))
        }

        var unknown: [String: Int] = [:]
        for record in cases.indices where expected[record] == nil { unknown[cases[record].expectation.category, default: 0] += 1 }
        return SuggestionReport(settings: settings, records: cases.count, heldOut: heldOut.filter { $0 }.count, mined: mined.filter { $0 }.count,
                                right: cases.indices.filter { answers[$0] == expected[$0] }.count, weight: weight, phrasesTried: trials.count,
                                categories: reports, unknownLabels: unknown.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    struct Key: Hashable {
        let category: Int
        let phrase: String
        let kind: PhraseCandidate.Kind

        init(_ category: Int, _ candidate: PhraseCandidate) {
            self.category = category
            self.phrase = candidate.phrase
            self.kind = candidate.kind
        }

        init(_ trial: Trial) {
            self.category = trial.category
            self.phrase = trial.phrase
            self.kind = trial.kind
        }
    }

    private func trialRecords(trials: [Trial], tallies: [Tally]) -> [Key: [Int]] {
        Dictionary(trials.indices.map { (Key(trials[$0]), tallies[$0].records) }, uniquingKeysWith: { a, _ in a })
    }

    /// Compiles the pack with one rule per trial and classifies every record once.
    private func measure(_ trials: [Trial], weight: Double, messages: [Message], expected: [Int?], answers: [Int],
                         mined: [Bool], measured: [Bool]) throws(Failure) -> [Tally] {
        var tallies = Array(repeating: Tally(), count: trials.count)
        guard !trials.isEmpty else { return tallies }
        let taken = Set(ruleSet.rules.map(\.name))
        var prefix = "_suggest_"
        while taken.contains(where: { $0.hasPrefix(prefix) }) { prefix = "_" + prefix }
        var source = ""
        for (index, trial) in trials.enumerated() {
            let signed = trial.kind == .candidate ? weight : -weight
            source += "rule \(prefix)\(index) -> \(ruleSet.categories[trial.category].id) { when \(SnippetWriter.quoted(trial.phrase)) weight \(SnippetWriter.number(signed)) }\n"
        }
        var extended = pack
        let (file, parseDiagnostics) = Parser.parse(SourceFile(path: "<suggest>", text: source))
        if let error = parseDiagnostics.first(where: { $0.severity == .error }) {
            throw .candidatesDidNotCompile(DiagnosticRenderer.oneLine(error))
        }
        extended.files.append(file)
        let (compiled, diagnostics) = RulePackCompiler.compile(extended)
        guard let compiled else {
            throw .candidatesDidNotCompile(diagnostics.first(where: { $0.severity == .error }).map(DiagnosticRenderer.oneLine) ?? "unknown")
        }
        var trialByRule = Array(repeating: -1, count: compiled.rules.count)
        for rule in compiled.rules where rule.name.hasPrefix(prefix) {
            if let trial = Int(rule.name.dropFirst(prefix.count)) { trialByRule[rule.index] = trial }
        }
        let outcomes = RecordClassifier.classify(messages, with: Classifier(ruleSet: compiled), jobs: settings.jobs)
        for (record, outcome) in outcomes.enumerated() {
            let baseFired = outcome.firedRules.filter { trialByRule[$0] < 0 }
            for rule in outcome.firedRules where trialByRule[rule] >= 0 {
                let trial = trialByRule[rule]
                let after = compiled.decide(firedRules: baseFired + [rule]).index
                tallies[trial].matches += 1
                tallies[trial].records.append(record)
                if expected[record] == trials[trial].category { tallies[trial].matchesOfCategory += 1 }
                if measured[record] { tallies[trial].heldOut.count(expected: expected[record], before: answers[record], after: after) }
                if mined[record] { tallies[trial].mined.count(expected: expected[record], before: answers[record], after: after) }
            }
        }
        let measuredCount = measured.filter { $0 }.count, minedCount = mined.filter { $0 }.count
        for index in tallies.indices {
            tallies[index].heldOut.records = measuredCount
            tallies[index].mined.records = minedCount
        }
        return tallies
    }

    /// Net gain on the held-out records first; then on the mined records, precision, support, the phrase.
    static func ranksHigher(_ a: PhraseCandidate, _ b: PhraseCandidate) -> Bool {
        if a.heldOut.net != b.heldOut.net { return a.heldOut.net > b.heldOut.net }
        if a.mined.net != b.mined.net { return a.mined.net > b.mined.net }
        if a.precision != b.precision { return a.precision > b.precision }
        if a.support != b.support { return a.support > b.support }
        return a.phrase < b.phrase
    }
}
