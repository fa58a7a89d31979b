internal import TriagePCRE2

/// A pattern stopped by a PCRE2 limit while scanning one turn: the rules that use it were
/// judged on the matches found before the limit, and the result says so.
public struct LimitHit: Sendable, Hashable {
    public let pattern: Int
    public let turn: Int
    public let limit: MatchLimitKind
    /// Names of the rules (and entities) that use the pattern.
    public let users: [String]
}
