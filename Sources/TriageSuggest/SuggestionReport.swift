/// The result of `triage suggest`: per category, what is missed and which phrases would help.
public struct SuggestionReport: Sendable {
    public let settings: SuggestSettings
    /// Records classified (fixtures and corpus records).
    public let records: Int
    /// Records held out to measure effects on; the rest are mined.
    public let heldOut: Int
    public let mined: Int
    /// Right answers of the pack as it is, over every record.
    public let right: Int
    /// The weight of simulated candidate rules: the pack's threshold.
    public let weight: Double
    /// Phrases simulated, over every category and both kinds.
    public let phrasesTried: Int
    public let categories: [CategorySuggestions]
    /// Labels in the corpus that the pack has no category for, with their record counts.
    public let unknownLabels: [(label: String, records: Int)]
}
