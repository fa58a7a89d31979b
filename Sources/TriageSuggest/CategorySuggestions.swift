/// Everything `triage suggest` reports for one category.
public struct CategorySuggestions: Sendable {
    /// Records of the category answered with another one, by answer.
    public struct Confusion: Sendable, Hashable {
        public let expected: String
        public let got: String
        public let count: Int
    }

    public let category: String
    public let title: String
    /// Records labelled with the category, in the whole corpus.
    public let records: Int
    /// Of those, answered right.
    public let right: Int
    /// The missed ones, grouped by answer, most first.
    public let confusions: [Confusion]
    /// Records of other categories answered with this one.
    public let falsePositives: Int
    /// Missed records in the mined part: the candidates come from these.
    public let minedMisses: Int
    /// Wrongly answered records in the mined part: the counter-evidence comes from these.
    public let minedFalsePositives: Int
    /// Best first, by net gain on the held-out records.
    public let candidates: [PhraseCandidate]
    public let counterEvidence: [PhraseCandidate]

    public var missed: Int { records - right }
}
