/// What adding one rule changes on a set of records, compared with the pack as it is.
public struct CandidateEffect: Sendable, Hashable {
    /// Records measured (the held-out part, or the mined part).
    public var records = 0
    /// Wrong before, right after.
    public var fixed = 0
    /// Right before, wrong after.
    public var broken = 0
    /// Wrong before and after, but a different wrong answer.
    public var changed = 0

    public init(records: Int = 0, fixed: Int = 0, broken: Int = 0, changed: Int = 0) {
        self.records = records
        self.fixed = fixed
        self.broken = broken
        self.changed = changed
    }

    public var net: Int { fixed - broken }

    /// Counts one record whose answer goes from `before` to `after` (category indices).
    mutating func count(expected: Int?, before: Int, after: Int) {
        let wasRight = before == expected
        let isRight = after == expected
        if !wasRight && isRight { fixed += 1 }
        else if wasRight && !isRight { broken += 1 }
        else if !wasRight && before != after { changed += 1 }
    }
}
