/// What one case matched, for `triage test --coverage`: the patterns that matched in the
/// scope of a rule that uses them, and for word lists the words as they were read.
public struct CaseCoverage: Sendable {
    public let matchedPatterns: [Int]
    /// Word-list pattern → the normalised words each of its matches covered.
    public let matchedWords: [Int: [String]]
}
