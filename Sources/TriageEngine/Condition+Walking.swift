extension Condition {
    /// The conditions directly inside this one; empty for a pattern.
    public var children: [Condition] {
        switch self {
        case .pattern: return []
        case .not(let inner), .polarity(_, let inner), .speaker(_, let inner), .labelled(_, let inner): return [inner]
        case .and(let items), .or(let items), .atLeast(_, let items): return items
        case .proximity(let left, let right, _, _): return [left, right]
        }
    }

    /// Visits this condition and everything inside it, parents first; `visit` returns false to
    /// skip the children.
    public func walk(_ visit: (Condition) -> Bool) {
        guard visit(self) else { return }
        for child in children { child.walk(visit) }
    }
}
