/// A rule's `when` condition after name resolution: definitions are inlined and every
/// pattern points into the rule set's pattern table.
public indirect enum Condition: Sendable {
    public enum Polarity: String, Sendable {
        case negated, affirmed
    }

    case pattern(Int)
    case not(Condition)
    case and([Condition])
    case or([Condition])
    case atLeast(Int, [Condition])
    case proximity(Condition, Condition, distance: Int, order: ProximityOrder)
    case polarity(Polarity, Condition)
    case speaker(SpeakerScope, Condition)
    /// Adds the source text the node came from, for `--explain`.
    case labelled(String, Condition)

    /// True when the node yields matched spans (usable in `within` and `negated(…)`).
    var yieldsSpans: Bool {
        switch self {
        case .pattern, .proximity: return true
        case .polarity(_, let inner), .speaker(_, let inner), .labelled(_, let inner): return inner.yieldsSpans
        case .or(let items): return items.allSatisfy(\.yieldsSpans)
        case .atLeast(let count, let items): return count == 1 && items.allSatisfy(\.yieldsSpans)
        case .not, .and: return false
        }
    }

    /// True when the condition can only hold if one of its patterns matches (no `not`
    /// inside): then a rule whose patterns the prefilter ruled out need not be evaluated.
    var needsAMatch: Bool {
        switch self {
        case .pattern: return true
        case .not: return false
        case .polarity(_, let inner), .speaker(_, let inner), .labelled(_, let inner): return inner.needsAMatch
        case .and(let items): return !items.isEmpty && items.contains { $0.needsAMatch }
        case .or(let items): return items.allSatisfy(\.needsAMatch)
        case .atLeast(let count, let items): return count >= 1 && items.allSatisfy(\.needsAMatch)
        case .proximity: return true
        }
    }

    /// Every pattern the condition can use, for coverage and the prefilter.
    var patternIndices: [Int] {
        var indices: [Int] = []
        walk { condition in
            if case .pattern(let index) = condition { indices.append(index) }
            return true
        }
        return indices
    }
}

public enum ProximityOrder: String, Sendable {
    case either, before, after
}

extension Condition {
    /// A canonical text for the condition, equal for conditions that are built the same way
    /// (definition labels ignored), so checks can compare conditions.
    public var canonicalKey: String {
        switch self {
        case .pattern(let index): return "p\(index)"
        case .labelled(_, let inner): return inner.canonicalKey
        case .not(let inner): return "not(\(inner.canonicalKey))"
        case .and(let items): return "and(" + items.map(\.canonicalKey).joined(separator: ",") + ")"
        case .or(let items): return "or(" + items.map(\.canonicalKey).joined(separator: ",") + ")"
        case .atLeast(let count, let items): return "atleast\(count)(" + items.map(\.canonicalKey).joined(separator: ",") + ")"
        case .proximity(let left, let right, let distance, let order):
            return "near\(distance)\(order.rawValue)(\(left.canonicalKey),\(right.canonicalKey))"
        case .polarity(let polarity, let inner): return "\(polarity.rawValue)(\(inner.canonicalKey))"
        case .speaker(let scope, let inner): return "\(scope.rawValue)(\(inner.canonicalKey))"
        }
    }

    /// The top-level conjuncts: `a and (b and c)` gives a, b, c.
    public var conjuncts: [Condition] {
        switch self {
        case .labelled(_, let inner): return inner.conjuncts
        case .and(let items): return items.flatMap(\.conjuncts)
        default: return [self]
        }
    }
}
