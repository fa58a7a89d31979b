/// Everything `triage classify` answers for one message.
public struct Classification: Sendable {
    public let message: Message
    public let category: CompiledCategory
    /// From 0 to 1; see docs/language.md, "Scoring".
    public let confidence: Double
    public let score: Double
    public let secondary: CompiledCategory?
    /// Every category with a non-zero score, best first.
    public let scores: [CategoryScore]
    public let decision: Decision
    /// Rules that fired, in rule order, with the words they matched.
    public let evidence: [RuleHit]
    public let signals: [SignalHit]
    public let entities: [EntityValue]
    public let playbook: RenderedPlaybook?
    public let limitHits: [LimitHit]
    /// Set when the time budget ran out before every pattern was run.
    public let budgetExceeded: BudgetExceeded?
    /// Every rule considered, for `--explain`; empty unless asked for.
    public let traces: [RuleTrace]
    /// Per turn, the text the patterns read when normalisation changed it (nil: as written).
    public let normalizedTurns: [String?]
}

public struct CategoryScore: Sendable, Hashable {
    public let category: CompiledCategory
    public let score: Double
    /// Rules that contributed, by index.
    public let rules: [Int]
}

/// Why the winner won, in terms the scoring model documents.
public enum Decision: Sendable, Hashable {
    /// Highest score, clear of the runner-up (nil when there was none).
    case highestScore(runnerUp: String?)
    /// Tied on score; the tie went to the winner for `reason`.
    case tieBroken(against: [String], reason: TieBreak)
    /// The winner reached the threshold and `outranks` the category with the highest score,
    /// which becomes the secondary.
    case precedence(over: String)
    /// The best score was below the threshold.
    case belowThreshold(best: String?, bestScore: Double, threshold: Double)

    public enum TieBreak: String, Sendable, Hashable {
        case priority = "higher category priority"
        case strongestRule = "stronger single rule"
        case declarationOrder = "declared earlier in the rule pack"
    }
}

public struct RuleHit: Sendable, Hashable {
    public let rule: Int
    public let spans: [MatchSpan]
}

public struct SignalHit: Sendable, Hashable {
    public let signal: CompiledSignal
    public let rules: [Int]
}

/// An entity found in the message, normalised, with where it was written.
public struct EntityValue: Sendable, Hashable {
    public let name: String
    public let value: String
    public let text: String
    public let turn: Int
    public let range: Range<Int>
    /// Computed from a relative date ("next friday") against the classifier's date context.
    public var isRelative = false
}

/// One rule's evaluation, for `--explain`.
public struct RuleTrace: Sendable {
    public let rule: Int
    public let fired: Bool
    public let conditionHeld: Bool
    /// The first `unless` clause that held, when it stopped the rule.
    public let blockedByException: Int?
    /// The time budget ran out before the rule could be decided.
    public let undecided: Bool
    /// Each pattern the rule uses, with what it matched in the rule's speaker scope.
    public let patterns: [PatternTrace]
}

public struct PatternTrace: Sendable {
    public let pattern: Int
    public let spans: [MatchSpan]
    /// For each span, whether a negation word precedes it.
    public let negated: [Bool]
    /// For each span, the words as the pattern read them (normalised: "rcvd" reads
    /// "received"), so coverage can tell which entry of a word list matched.
    public let normalizedTexts: [String]
}
