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

    /// The text a span covers, whatever pattern matched it: two spans at one place quote the
    /// same words.
    public struct Place: Hashable, Sendable {
        public let turn: Int
        public let range: Range<Int>
    }

    public var place: Place { Place(turn: turn, range: range) }

    /// `spans` in order, one per place: evidence quotes each stretch of text once, however many
    /// patterns (or places in the normalised text) led to it.
    public static func onePerPlace(_ spans: [MatchSpan]) -> [MatchSpan] {
        var seen: Set<Place> = []
        return spans.sorted().filter { seen.insert($0.place).inserted }
    }
}
