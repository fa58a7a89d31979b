/// The pack-wide knobs of the scoring model (the `settings` block).
public struct ScoringSettings: Sendable, Hashable {
    /// A category needs at least this score to win; below it the answer is the fallback.
    public var threshold: Double = 1
    /// A runner-up becomes the secondary category when its score reaches this share of the winner's.
    public var secondaryRatio: Double = 0.5
    /// The category answered when nothing reaches the threshold.
    public var fallback: String = "other"
    /// How many words before a match a negation word may stand ("not really damaged").
    public var negationWindow: Int = 3
    /// Whether messages are normalised before matching (`normalize on|off`).
    public var normalize: Bool = true
    /// How "12/03" is read (`date_order month_first|day_first`).
    public var dateOrder: DateContext.Order = .monthFirst

    public init() {}
}
