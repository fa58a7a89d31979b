/// The time budget of one classification ran out: the patterns not run by then were
/// skipped, and the rules and entities that needed one of them were not decided. The rules
/// decided before still classify the message.
public struct BudgetExceeded: Sendable, Hashable {
    /// The budget that was used up.
    public let budget: Duration
    /// Rules (by index) that needed a skipped pattern: they neither fired nor count as false.
    public let undecidedRules: [Int]
    /// Entities whose pattern was skipped, so they may be missing from the answer.
    public let undecidedEntities: [String]
}
