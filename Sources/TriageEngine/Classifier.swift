internal import TriagePCRE2

/// Classifies messages with a compiled rule set. A value type over immutable state, so one
/// classifier can be used from many threads at once.
public struct Classifier: Sendable {
    public let ruleSet: CompiledRuleSet
    public let limits: MatchLimits
    /// Skip patterns whose required literals do not occur (results are the same either way).
    public let usePrefilter: Bool
    /// Time one message may spend matching patterns (nil: no limit). Checked before each
    /// pattern and between the match attempts of one pattern, so a message takes at most the
    /// budget plus one match attempt, which PCRE2's match limit bounds (docs/limits.md).
    public let timeBudget: Duration?
    /// How dates are read: the pack's `date_order`, and the day relative dates are counted
    /// from (given, or today in UTC when the classifier is made).
    public let dates: DateContext
    private let scans: ScanPool

    public init(ruleSet: CompiledRuleSet, limits: MatchLimits = MatchLimits(), usePrefilter: Bool = true,
                timeBudget: Duration? = RuleLimits.defaultTimeBudget, today: (year: Int, month: Int, day: Int)? = nil) {
        self.ruleSet = ruleSet
        self.dates = today.map { DateContext(order: ruleSet.settings.dateOrder, today: $0) } ?? DateContext.current(order: ruleSet.settings.dateOrder)
        self.limits = limits
        self.usePrefilter = usePrefilter
        self.timeBudget = timeBudget
        self.scans = ScanPool(ruleSet: ruleSet, limits: limits.regexLimits)
    }

    public func classify(_ text: String, explain: Bool = false, detail: ClassificationDetail = .full) -> Classification {
        classify(Message(text), explain: explain, detail: detail)
    }

    /// With `explain`, every rule is traced (and the detail is always full).
    public func classify(_ message: Message, explain: Bool = false, detail: ClassificationDetail = .full) -> Classification {
        let scan = scans.take()
        defer { scans.give(scan) }
        return classify(message, explain: explain, detail: explain ? .full : detail, scan: scan)
    }

    /// Classifies and counts the PCRE2 work it took: for benchmarks that track how much of a
    /// message's matching is left to the regex engine.
    public func classifyCountingRegexWork(_ message: Message) -> (Classification, RegexWork) {
        let scan = scans.take()
        defer { scans.give(scan) }
        let matcher = scan.matcher
        let (scanCount, calls) = (matcher.scans, matcher.matchCalls)
        let classification = classify(message, explain: false, detail: .full, scan: scan)
        return (classification, RegexWork(scans: matcher.scans - scanCount, calls: matcher.matchCalls - calls))
    }

    private func classify(_ message: Message, explain: Bool, detail: ClassificationDetail, scan: Scan) -> Classification {
        // Patterns read the normalised text; everything reported points into the original.
        // Normalising is one linear pass, outside the matching budget.
        let (normalized, maps) = ruleSet.normalizer.normalize(message)
        let deadline = timeBudget.map { ContinuousClock.now.advanced(by: $0) }
        let toOriginal = SpanMapper(maps: maps)
        scan.begin(normalized, usePrefilter: usePrefilter, deadline: deadline)
        let evaluator = ConditionEvaluator(scan: scan)

        var hits: [RuleHit] = []
        /// The same hits with spans in the normalised text, to read their captures.
        var normalizedHits: [RuleHit] = []
        var traces: [RuleTrace] = []
        var undecided: [Int] = []
        // With --explain every rule is traced; otherwise rules the prefilter rules out are skipped.
        let selected = explain ? Array(ruleSet.rules.indices) : scan.rulesToEvaluate()
        for index in selected {
            let rule = ruleSet.rules[index]
            let skippedBefore = scan.skippedLookups
            // Decide with as few matches as possible; collect every matched word only for rules that fire.
            let held = evaluator.holds(rule.condition, scope: rule.speaker)
            var blockedBy: Int?
            if held {
                blockedBy = rule.exceptions.firstIndex { evaluator.holds($0, scope: rule.speaker) }
            }
            var fired = held && blockedBy == nil
            var outcome: ConditionEvaluator.Outcome?
            if fired {
                // Spans are collected for evidence, and for named captures, which become entities.
                let needsSpans = detail == .full || ruleSet.rulesWithCaptures[rule.index]
                outcome = needsSpans ? evaluator.evaluate(rule.condition, scope: rule.speaker) : ConditionEvaluator.Outcome(holds: true, spans: [])
            }
            // A skipped pattern reads as "no match", which could make `not …` hold: a rule that
            // met one is undecided, neither fired nor false.
            let isUndecided = scan.skippedLookups > skippedBefore
            if isUndecided {
                undecided.append(rule.index)
                fired = false
            } else if let outcome {
                let spans = outcome.spans.isEmpty ? [] : Array(Set(outcome.spans)).sorted()
                normalizedHits.append(RuleHit(rule: rule.index, spans: spans))
                // Several patterns can match the same words, and two places in the normalised text
                // can map to one in the input: evidence quotes each place once.
                hits.append(RuleHit(rule: rule.index, spans: detail == .full ? MatchSpan.onePerPlace(toOriginal.spans(spans)) : []))
            }
            if explain {
                let patterns = Classifier.orderedUnique(rule.patterns).map { pattern in
                    let spans = scan.spans(pattern: pattern, scope: rule.speaker)
                    return PatternTrace(pattern: pattern, spans: toOriginal.spans(spans), negated: spans.map(scan.isNegated),
                                        normalizedTexts: spans.map(normalized.text(of:)))
                }
                traces.append(RuleTrace(rule: rule.index, fired: fired, conditionHeld: held, blockedByException: blockedBy,
                                        undecided: isUndecided, patterns: patterns))
            }
        }

        var signalRules: [Int: [Int]] = [:]
        var categoryRules: [Int: [Int]] = [:]
        for hit in hits {
            switch ruleSet.rules[hit.rule].target {
            case .signal(let signal): signalRules[signal, default: []].append(hit.rule)
            case .category(let category): categoryRules[category, default: []].append(hit.rule)
            }
        }
        let signals = signalRules.keys.sorted().compactMap { index -> SignalHit? in
            let rules = signalRules[index]!
            let total = rules.reduce(0) { $0 + ruleSet.rules[$1].weight }
            return total > 0 ? SignalHit(signal: ruleSet.signals[index], rules: rules) : nil
        }

        var undecidedEntities: [String] = []
        let entities = extractEntities(scan: scan, original: message, hits: normalizedHits, toOriginal: toOriginal, undecided: &undecidedEntities)
        let scoring = Scorer(ruleSet: ruleSet).score(categoryRules)
        let category = ruleSet.categories[scoring.winner]
        let playbook = detail == .decision ? nil : category.playbook.map {
            PlaybookRenderer(ruleSet: ruleSet).render(ruleSet.playbooks[$0], signals: Set(signals.map(\.signal.index)), entities: entities)
        }
        return Classification(message: message, category: category, confidence: scoring.confidence, score: scoring.winnerScore,
                              secondary: scoring.secondary.map { ruleSet.categories[$0] }, scores: scoring.scores, decision: scoring.decision,
                              evidence: hits, signals: signals, entities: entities, playbook: playbook, limitHits: scan.limitHits,
                              budgetExceeded: scan.budgetExceeded ? BudgetExceeded(budget: timeBudget ?? .zero, undecidedRules: undecided,
                                                                                   undecidedEntities: undecidedEntities) : nil,
                              traces: traces, normalizedTurns: maps.indices.map { maps[$0] == nil ? nil : normalized.turns[$0].text })
    }

    /// Entities from `entity` declarations (anyone's words), then named captures of the
    /// rules that fired; one entry per distinct normalised value.
    private func extractEntities(scan: Scan, original: Message, hits: [RuleHit], toOriginal: SpanMapper, undecided: inout [String]) -> [EntityValue] {
        var values: [EntityValue] = []
        var seen = Set<String>()
        // The value is read from the normalised text ("2moro" → tomorrow); the quote and the
        // range are what the customer wrote.
        func add(_ name: String, _ raw: String, _ normalizer: EntityNormalizer, turn: Int, range: Range<Int>) {
            let (value, isRelative) = normalizer.normalize(raw, dates: dates)
            guard !value.isEmpty, seen.insert(name + "\u{1}" + value).inserted else { return }
            let writtenRange = toOriginal.range(range, turn: turn)
            let written = TriagePCRE2.RegexMatch.substring(writtenRange, of: original.turns[turn].text)
            values.append(EntityValue(name: name, value: value, text: written, turn: turn, range: writtenRange, isRelative: isRelative))
        }
        for entity in ruleSet.entities {
            let skippedBefore = scan.skippedLookups
            // Every alternative's matches in text order; where two overlap, the one that
            // starts first (then the longer) is the entity.
            var spans = entity.patterns.flatMap { scan.spans(pattern: $0, scope: .any) }
            if scan.skippedLookups > skippedBefore { undecided.append(entity.name) }
            spans.sort { ($0.turn, $0.range.lowerBound, -$0.range.count) < ($1.turn, $1.range.lowerBound, -$1.range.count) }
            var covered: (turn: Int, end: Int)?
            for span in spans {
                if let covered, covered.turn == span.turn, span.range.lowerBound < covered.end { continue }
                covered = (span.turn, span.range.upperBound)
                guard let match = scan.match(for: span) else { continue }
                // A group named like the entity is the value; with several of that name
                // (`(?J)`), the first that took part in the match.
                let groups = ruleSet.patterns[span.pattern].regex.namedGroups.filter { $0.name == entity.name }.map(\.number)
                let range = groups.lazy.compactMap { match.group($0) }.first ?? match.range
                let text = scan.message.turns[span.turn].text
                add(entity.name, TriagePCRE2.RegexMatch.substring(range, of: text), entity.normalizer, turn: span.turn, range: range)
            }
        }
        for hit in hits {
            for span in hit.spans {
                let pattern = ruleSet.patterns[span.pattern]
                guard !pattern.captureNames.isEmpty, let match = scan.match(for: span) else { continue }
                let text = scan.message.turns[span.turn].text
                for (name, number) in pattern.regex.namedGroups {
                    guard let range = match.group(number) else { continue }
                    let normalizer = ruleSet.entities.first { $0.name == name }?.normalizer ?? EntityNormalizer.implied(byName: name)
                    add(name, TriagePCRE2.RegexMatch.substring(range, of: text), normalizer, turn: span.turn, range: range)
                }
            }
        }
        return values
    }

    static func orderedUnique(_ values: [Int]) -> [Int] {
        var seen = Set<Int>()
        return values.filter { seen.insert($0).inserted }
    }
}
