/// A phrase proposed for a category: as a new rule towards it (a candidate), or as
/// counter-evidence, a rule with a negative weight against it.
public struct PhraseCandidate: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Mined from the category's missed records; the rule adds weight to the category.
        case candidate
        /// Mined from records wrongly answered with the category; the rule takes weight away.
        case counterEvidence = "counter_evidence"
    }

    public let phrase: String
    public let kind: Kind
    /// The weight of the simulated rule.
    public let weight: Double
    /// Mined records the phrase occurs in: missed records of the category (candidates) or
    /// records wrongly given it (counter-evidence).
    public let support: Int
    /// Records of the whole corpus the rule fires on.
    public let matches: Int
    /// Of those, how many really are the category.
    public let matchesOfCategory: Int
    /// Effects on the held-out records (on every record when nothing is held out).
    public var heldOut: CandidateEffect
    /// Effects on the records the phrases were mined from.
    public var mined: CandidateEffect
    /// The phrase is already in one of the category's word lists.
    public let alreadyInPack: Bool
    public var snippet: RuleSnippet?

    /// How often a record containing the phrase really is the category (0 when it never fires).
    public var precision: Double { matches == 0 ? 0 : Double(matchesOfCategory) / Double(matches) }
}
