/// Evaluates compiled conditions against one message's `Scan`.
struct ConditionEvaluator {
    /// Whether the condition holds, and the matched words that made it hold.
    struct Outcome {
        var holds: Bool
        var spans: [MatchSpan]

        static let no = Outcome(holds: false, spans: [])
    }

    let scan: Scan

    /// Whether the condition holds, finding only as many matches as that takes: one per
    /// pattern where a yes or no is enough, all of them under `within` and `negated`.
    func holds(_ condition: Condition, scope: SpeakerScope) -> Bool {
        switch condition {
        case .pattern(let index): return scan.hasMatch(pattern: index, scope: scope)
        case .labelled(_, let inner): return holds(inner, scope: scope)
        case .speaker(let speaker, let inner): return holds(inner, scope: speaker)
        case .not(let inner): return !holds(inner, scope: scope)
        case .and(let items): return items.allSatisfy { holds($0, scope: scope) }
        case .or(let items): return items.contains { holds($0, scope: scope) }
        case .atLeast(let count, let items):
            var holding = 0
            for item in items where holds(item, scope: scope) {
                holding += 1
                if holding >= count { return true }
            }
            return false
        case .polarity, .proximity:
            return evaluate(condition, scope: scope).holds
        }
    }

    func evaluate(_ condition: Condition, scope: SpeakerScope) -> Outcome {
        switch condition {
        case .pattern(let index):
            let spans = scan.spans(pattern: index, scope: scope)
            return Outcome(holds: !spans.isEmpty, spans: spans)
        case .labelled(_, let inner):
            return evaluate(inner, scope: scope)
        case .speaker(let speaker, let inner):
            return evaluate(inner, scope: speaker)
        case .not(let inner):
            return Outcome(holds: !evaluate(inner, scope: scope).holds, spans: [])
        case .and(let items):
            var spans: [MatchSpan] = []
            for item in items {
                let outcome = evaluate(item, scope: scope)
                guard outcome.holds else { return .no }
                spans += outcome.spans
            }
            return Outcome(holds: true, spans: spans)
        case .or(let items):
            return atLeast(1, items, scope: scope)
        case .atLeast(let count, let items):
            return atLeast(count, items, scope: scope)
        case .polarity(let polarity, let inner):
            let outcome = evaluate(inner, scope: scope)
            let kept = outcome.spans.filter { scan.isNegated($0) == (polarity == .negated) }
            return Outcome(holds: !kept.isEmpty, spans: kept)
        case .proximity(let left, let right, let distance, let order):
            return proximity(left, right, distance: distance, order: order, scope: scope)
        }
    }

    private func atLeast(_ count: Int, _ items: [Condition], scope: SpeakerScope) -> Outcome {
        var holding = 0
        var spans: [MatchSpan] = []
        for item in items {
            let outcome = evaluate(item, scope: scope)
            if outcome.holds {
                holding += 1
                spans += outcome.spans
            }
        }
        return holding >= count ? Outcome(holds: true, spans: spans) : .no
    }

    private func proximity(_ left: Condition, _ right: Condition, distance: Int, order: ProximityOrder, scope: SpeakerScope) -> Outcome {
        let l = evaluate(left, scope: scope)
        guard l.holds else { return .no }
        let r = evaluate(right, scope: scope)
        guard r.holds else { return .no }
        var kept = Set<MatchSpan>()
        for a in l.spans {
            let index = scan.wordIndex(turn: a.turn)
            for b in r.spans where b.turn == a.turn {
                switch order {
                case .either: break
                case .before: if a.range.lowerBound >= b.range.lowerBound { continue }
                case .after: if a.range.lowerBound <= b.range.lowerBound { continue }
                }
                if index.distance(a.range, b.range) <= distance {
                    kept.insert(a)
                    kept.insert(b)
                }
            }
        }
        return Outcome(holds: !kept.isEmpty, spans: kept.sorted())
    }
}
