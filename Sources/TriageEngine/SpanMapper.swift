/// Leads ranges in the normalised turns back to the turns as written.
struct SpanMapper {
    /// Per turn; nil where the turn was not changed.
    let maps: [OffsetMap?]

    func range(_ range: Range<Int>, turn: Int) -> Range<Int> {
        guard turn < maps.count, let map = maps[turn] else { return range }
        return map.originalRange(range)
    }

    func spans(_ spans: [MatchSpan]) -> [MatchSpan] {
        guard maps.contains(where: { $0 != nil }) else { return spans }
        return spans.map { MatchSpan(turn: $0.turn, range: range($0.range, turn: $0.turn), pattern: $0.pattern, matchIndex: $0.matchIndex) }
    }
}
