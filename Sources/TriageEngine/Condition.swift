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

    /// Every pattern the condition can use, for coverage and the prefilter.
    var patternIndices: [Int] {
        switch self {
        case .pattern(let index): return [index]
        case .not(let inner), .polarity(_, let inner), .speaker(_, let inner), .labelled(_, let inner): return inner.patternIndices
        case .and(let items), .or(let items), .atLeast(_, let items): return items.flatMap(\.patternIndices)
        case .proximity(let left, let right, _, _): return left.patternIndices + right.patternIndices
        }
    }
}

public enum ProximityOrder: String, Sendable {
    case either, before, after
}
