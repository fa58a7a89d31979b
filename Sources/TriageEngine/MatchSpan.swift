/// Where a pattern matched: a UTF-8 range in one turn's text.
public struct MatchSpan: Sendable, Hashable, Comparable {
    public let turn: Int
    public let range: Range<Int>
    public let pattern: Int
    /// Index of the match in the scan of (pattern, turn), to read its capture groups.
    let matchIndex: Int

    public static func < (lhs: MatchSpan, rhs: MatchSpan) -> Bool {
        (lhs.turn, lhs.range.lowerBound, lhs.range.upperBound, lhs.pattern) < (rhs.turn, rhs.range.lowerBound, rhs.range.upperBound, rhs.pattern)
    }
}
