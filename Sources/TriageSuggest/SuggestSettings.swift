/// What `triage suggest` looks at and how much it shows; the command's options, validated.
public struct SuggestSettings: Sendable {
    /// Only this category (its id), or every category of the pack but the fallback.
    public var category: String?
    /// A phrase must occur in at least this many missed records to be proposed.
    public var minimumSupport = 3
    /// Candidates shown per category.
    public var limit = 10
    /// Share of the records held out to measure effects on (0: measure on every record).
    public var holdout = 0.3
    /// Rule snippets written per category, for the best candidates with a positive net gain.
    public var snippets = 3
    /// Counter-evidence phrases shown per category.
    public var counterLimit = 5
    /// Most phrases tried per category and kind, the most frequent first; bounds the time taken.
    public var phrasesPerCategory = 400
    /// Worker threads for classifying.
    public var jobs = 1

    public init() {}
}
