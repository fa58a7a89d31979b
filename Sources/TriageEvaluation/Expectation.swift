/// What a labelled case says the answer must be. Only what is given is checked.
public struct Expectation: Sendable, Hashable {
    public var category: String
    /// `.some(nil)` means "no secondary category" (`secondary: none`); nil means unchecked.
    public var secondary: String??
    /// Signals that must be raised; `requireNoSignals` for `signals: none`.
    public var signals: [String]?
    public var requireNoSignals: Bool
    /// Entities that must be found, as normalised values.
    public var entities: [EntityExpectation]
    public var playbook: String?
    /// A rule's `example "…" -> not category`: any category but `category` passes.
    public var negated: Bool

    public init(category: String, secondary: String?? = nil, signals: [String]? = nil, requireNoSignals: Bool = false,
                entities: [EntityExpectation] = [], playbook: String? = nil, negated: Bool = false) {
        self.category = category
        self.secondary = secondary
        self.signals = signals
        self.requireNoSignals = requireNoSignals
        self.entities = entities
        self.playbook = playbook
        self.negated = negated
    }

    /// The expected category as reports show it: `delivery.late` or `not delivery.late`.
    public var categoryText: String { (negated ? "not " : "") + category }
}

public struct EntityExpectation: Sendable, Hashable {
    public let name: String
    public let value: String
}
