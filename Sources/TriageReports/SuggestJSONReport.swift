import TriageSuggest
import TriageSupport

/// `triage suggest --format json`: schema `triage.suggest`, version 1 (docs/suggest.md).
struct SuggestJSONReport: Reporter {
    static let format = ReportFormat.json
    static let summary = "schema triage.suggest, version 1 (docs/suggest.md)"
    static let schema = "triage.suggest"
    static let version = 1

    let report: SuggestionReport

    init(_ report: SuggestionReport, options: ReportOptions) {
        self.report = report
    }

    func render() -> String {
        JSONWriter.write(value, pretty: true) + "\n"
    }

    var value: JSONValue {
        let settings = report.settings
        return .object([
            JSONMember("schema", .string(Self.schema)),
            JSONMember("version", .int(Self.version)),
            JSONMember("settings", .object([
                JSONMember("category", settings.category.map { .string($0) } ?? .null),
                JSONMember("min_support", .int(settings.minimumSupport)),
                JSONMember("limit", .int(settings.limit)),
                JSONMember("holdout", .double(settings.holdout)),
            ])),
            JSONMember("records", .int(report.records)),
            JSONMember("mined", .int(report.mined)),
            JSONMember("held_out", .int(report.heldOut)),
            JSONMember("right", .int(report.right)),
            JSONMember("weight", .double(report.weight)),
            JSONMember("phrases_tried", .int(report.phrasesTried)),
            JSONMember("unknown_labels", .array(report.unknownLabels.map { .object([JSONMember("label", .string($0.label)), JSONMember("records", .int($0.records))]) })),
            JSONMember("categories", .array(report.categories.map(category))),
        ])
    }

    private func category(_ c: CategorySuggestions) -> JSONValue {
        .object([
            JSONMember("category", .string(c.category)),
            JSONMember("title", .string(c.title)),
            JSONMember("records", .int(c.records)),
            JSONMember("right", .int(c.right)),
            JSONMember("missed", .int(c.missed)),
            JSONMember("wrongly_answered", .int(c.falsePositives)),
            JSONMember("mined_misses", .int(c.minedMisses)),
            JSONMember("mined_wrongly_answered", .int(c.minedFalsePositives)),
            JSONMember("confusions", .array(c.confusions.map {
                .object([JSONMember("expected", .string($0.expected)), JSONMember("got", .string($0.got)), JSONMember("count", .int($0.count))])
            })),
            JSONMember("candidates", .array(c.candidates.map(candidate))),
            JSONMember("counter_evidence", .array(c.counterEvidence.map(candidate))),
        ])
    }

    private func candidate(_ p: PhraseCandidate) -> JSONValue {
        .object([
            JSONMember("phrase", .string(p.phrase)),
            JSONMember("kind", .string(p.kind.rawValue)),
            JSONMember("weight", .double(p.weight)),
            JSONMember("support", .int(p.support)),
            JSONMember("matches", .int(p.matches)),
            JSONMember("matches_of_category", .int(p.matchesOfCategory)),
            JSONMember("precision", .double((p.precision * 10_000).rounded() / 10_000)),
            JSONMember("already_in_pack", .bool(p.alreadyInPack)),
            JSONMember("held_out", effect(p.heldOut)),
            JSONMember("mined", effect(p.mined)),
            JSONMember("below_min_support", .bool(p.heldOut.net > 0 && p.heldOut.fixed < report.settings.minimumSupport)),
            JSONMember("snippet", p.snippet.map { snippet in
                .object([
                    JSONMember("rule", .string(snippet.ruleName)),
                    JSONMember("text", .string(snippet.text)),
                    JSONMember("lint", .array(snippet.lintFindings.map { .string($0) })),
                    JSONMember("verified", .bool(snippet.verified)),
                ])
            } ?? .null),
        ])
    }

    private func effect(_ e: CandidateEffect) -> JSONValue {
        .object([
            JSONMember("records", .int(e.records)), JSONMember("fixed", .int(e.fixed)), JSONMember("broken", .int(e.broken)),
            JSONMember("changed", .int(e.changed)), JSONMember("net", .int(e.net)),
        ])
    }
}
