extension Expression {
    /// The expressions directly inside this one, in source order; empty for leaves
    /// (names, regexes, phrases, word lists).
    public var children: [Expression] {
        switch self {
        case .reference, .regex, .phrase, .words, .error: return []
        case .not(let inner, _), .call(_, let inner, _): return [inner]
        case .and(let items, _), .or(let items, _), .quantified(_, let items, _): return items
        case .proximity(let left, let right, _, _, _): return [left, right]
        }
    }

    /// Visits this expression and everything inside it, parents before children (swift-markdown's
    /// `MarkupWalker`): passes that only look at some kinds of node need no switch over all of
    /// them. `visit` returns false to skip the node's children.
    public func walk(_ visit: (Expression) -> Bool) {
        guard visit(self) else { return }
        for child in children { child.walk(visit) }
    }
}
