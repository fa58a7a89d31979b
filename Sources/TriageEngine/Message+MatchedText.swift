internal import TriagePCRE2

extension Message {
    /// The words a span covers, from the turn it was found in.
    public func text(of span: MatchSpan) -> String {
        RegexMatch.substring(span.range, of: turns[span.turn].text)
    }
}
