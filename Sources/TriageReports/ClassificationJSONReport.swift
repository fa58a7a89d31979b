import TriageEngine
import TriageSupport

/// The `--format json` answer of `triage classify`: schema `triage.classification`,
/// version 1, documented field by field in docs/cli.md.
public struct ClassificationJSONReport: Reporter {
    public static let format = ReportFormat.json
    public static let summary = "schema triage.classification, version 1 (docs/cli.md)"
    static let schema = "triage.classification"
    static let version = 1

    let classification: Classification
    let ruleSet: CompiledRuleSet
    let includeExplanation: Bool
    /// Warning ids about the input, such as `input_repaired`.
    let warnings: [String]
    let pretty: Bool

    public init(_ output: ClassifyOutput, options: ReportOptions) {
        classification = output.classification
        ruleSet = output.ruleSet
        includeExplanation = output.explain
        warnings = output.warnings
        pretty = options.pretty
    }

    public func render() -> String {
        JSONWriter.write(value, pretty: pretty) + "\n"
    }

    /// The object alone, for reports that embed it (`triage batch --full`).
    public var value: JSONValue {
        let c = classification
        let quoter = EvidenceQuoter(message: c.message)
        var members: [JSONMember] = [
            JSONMember("schema", .string(Self.schema)),
            JSONMember("version", .int(Self.version)),
            JSONMember("category", category(c.category)),
            JSONMember("confidence", .double(c.confidence)),
            JSONMember("score", .double(c.score)),
            JSONMember("secondary", c.secondary.map { secondary in
                let score = c.scores.first { $0.category.index == secondary.index }?.score ?? 0
                return .object(category(secondary).objectMembers + [JSONMember("score", .double(score))])
            } ?? .null),
            JSONMember("decision", decision(c.decision)),
            JSONMember("scores", .array(c.scores.map { score in
                .object([JSONMember("category", .string(score.category.id)), JSONMember("score", .double(score.score)),
                         JSONMember("rules", .array(score.rules.map { .string(ruleSet.rules[$0].name) }))])
            })),
            JSONMember("signals", .array(c.signals.map { hit in
                .object([JSONMember("id", .string(hit.signal.name)), JSONMember("title", .string(hit.signal.title)),
                         JSONMember("rules", .array(hit.rules.map { .string(ruleSet.rules[$0].name) }))])
            })),
            JSONMember("entities", .array(c.entities.map { entity in
                let start = quoter.positions.position(ofUTF8: c.message.turns[entity.turn].inputOffset + entity.range.lowerBound)
                let end = quoter.positions.position(ofUTF8: c.message.turns[entity.turn].inputOffset + entity.range.upperBound)
                return .object([JSONMember("name", .string(entity.name)), JSONMember("value", .string(entity.value)),
                                JSONMember("text", .string(entity.text)), JSONMember("speaker", .string(c.message.turns[entity.turn].speaker.rawValue)),
                                JSONMember("start", .int(start.offset)), JSONMember("end", .int(end.offset)),
                                JSONMember("line", .int(start.line)), JSONMember("column", .int(start.column))]
                               + (entity.isRelative ? [JSONMember("relative", .bool(true))] : []))
            })),
            JSONMember("evidence", .array(c.evidence.map { hit in
                let rule = ruleSet.rules[hit.rule]
                return .object([JSONMember("rule", .string(rule.name)), JSONMember("target", target(rule)),
                                JSONMember("weight", .double(rule.weight)),
                                JSONMember("matches", .array(hit.spans.map { match($0, quoter: quoter, negated: nil) }))])
            })),
            JSONMember("playbook", c.playbook.map(playbook) ?? .null),
            JSONMember("limits", .array(c.limitHits.map { hit in
                .object([JSONMember("limit", .string(hit.limit.rawValue)), JSONMember("pattern", .string(ruleSet.patterns[hit.pattern].source)),
                         JSONMember("rules", .array(hit.users.map { .string($0) })), JSONMember("turn", .int(hit.turn))])
            })),
            JSONMember("budget_exceeded", .bool(c.budgetExceeded != nil)),
            JSONMember("not_evaluated", .array((c.budgetExceeded?.undecidedRules ?? []).map { .string(ruleSet.rules[$0].name) })),
            JSONMember("warnings", .array(warnings.map { .string($0) })),
            JSONMember("input", .object([
                JSONMember("kind", .string(c.message.isTranscript ? "transcript" : "text")),
                JSONMember("characters", .int(c.message.input.unicodeScalars.count)),
                JSONMember("turns", .array(c.message.turns.map { turn in
                    .object([JSONMember("speaker", .string(turn.speaker.rawValue)),
                             JSONMember("start", .int(quoter.positions.position(ofUTF8: turn.inputOffset).offset)),
                             JSONMember("end", .int(quoter.positions.position(ofUTF8: turn.inputOffset + turn.text.utf8.count).offset))])
                })),
            ])),
        ]
        if includeExplanation {
            members.append(JSONMember("explanation", .array(c.traces.map { trace in
                let rule = ruleSet.rules[trace.rule]
                let names = rule.patternNames
                return .object([
                    JSONMember("rule", .string(rule.name)), JSONMember("target", target(rule)), JSONMember("weight", .double(rule.weight)),
                    JSONMember("file", .string(rule.file.path)), JSONMember("line", .int(rule.file.location(of: rule.span.start).line)),
                    JSONMember("speaker", .string(rule.speaker.rawValue)), JSONMember("fired", .bool(trace.fired)),
                    JSONMember("condition_held", .bool(trace.conditionHeld)),
                    JSONMember("blocked_by_unless", trace.blockedByException.map { .int($0 + 1) } ?? .null),
                    JSONMember("patterns", .array(trace.patterns.map { pattern in
                        .object([JSONMember("name", names[pattern.pattern].map { .string($0) } ?? .null),
                                 JSONMember("source", .string(ruleSet.patterns[pattern.pattern].source)),
                                 JSONMember("matches", .array(zip(pattern.spans, pattern.negated).map { match($0, quoter: quoter, negated: $1) }))])
                    })),
                ])
            })))
        }
        return .object(members)
    }

    private func category(_ category: CompiledCategory) -> JSONValue {
        .object([JSONMember("id", .string(category.id)), JSONMember("title", .string(category.title)),
                 JSONMember("parent", category.parentID.map { .string($0) } ?? .null)])
    }

    private func target(_ rule: CompiledRule) -> JSONValue {
        switch rule.target {
        case .category(let index): return .object([JSONMember("kind", "category"), JSONMember("id", .string(ruleSet.categories[index].id))])
        case .signal(let index): return .object([JSONMember("kind", "signal"), JSONMember("id", .string(ruleSet.signals[index].name))])
        }
    }

    private func decision(_ decision: Decision) -> JSONValue {
        let threshold = JSONMember("threshold", .double(ruleSet.settings.threshold))
        switch decision {
        case .highestScore(let runnerUp):
            return .object([JSONMember("kind", "highest_score"), JSONMember("runner_up", runnerUp.map { .string($0) } ?? .null), threshold])
        case .tieBroken(let against, let reason):
            return .object([JSONMember("kind", "tie_broken"), JSONMember("tied_with", .array(against.map { .string($0) })),
                            JSONMember("reason", .string(reason.rawValue)), threshold])
        case .precedence(let over):
            return .object([JSONMember("kind", "precedence"), JSONMember("outranked", .string(over)), threshold])
        case .belowThreshold(let best, let score, _):
            return .object([JSONMember("kind", "below_threshold"), JSONMember("best", best.map { .string($0) } ?? .null),
                            JSONMember("best_score", .double(score)), threshold])
        }
    }

    private func match(_ span: MatchSpan, quoter: EvidenceQuoter, negated: Bool?) -> JSONValue {
        let start = quoter.position(span)
        var members = [
            JSONMember("text", .string(quoter.text(span))),
            JSONMember("speaker", .string(classification.message.turns[span.turn].speaker.rawValue)),
            JSONMember("start", .int(start.offset)), JSONMember("end", .int(quoter.endOffset(span))),
            JSONMember("line", .int(start.line)), JSONMember("column", .int(start.column)),
        ]
        if let negated { members.append(JSONMember("negated", .bool(negated))) }
        return .object(members)
    }

    private func playbook(_ playbook: RenderedPlaybook) -> JSONValue {
        func steps(_ steps: [RenderedPlaybook.Step]) -> JSONValue {
            .array(steps.map { .object([JSONMember("channel", .string($0.channel.rawValue)), JSONMember("text", .string($0.text))]) })
        }
        return .object([
            JSONMember("id", .string(playbook.name)),
            JSONMember("title", playbook.title.map { .string($0) } ?? .null),
            JSONMember("steps", steps(playbook.steps)),
            JSONMember("needs", .array(playbook.needs.map { need in
                .object([JSONMember("description", .string(need.description)), JSONMember("entity", need.entity.map { .string($0) } ?? .null),
                         JSONMember("value", need.value.map { .string($0) } ?? .null), JSONMember("missing", .bool(need.isMissing))])
            })),
            JSONMember("missing", .array(playbook.missing.map { .string($0) })),
            JSONMember("record", .array(playbook.record.map { .string($0) })),
            JSONMember("escalation", steps(playbook.escalation)),
        ])
    }
}

extension JSONValue {
    var objectMembers: [JSONMember] {
        if case .object(let members) = self { return members }
        return []
    }
}
