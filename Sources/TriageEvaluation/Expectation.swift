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

    public init(category: String, secondary: String?? = nil, signals: [String]? = nil, requireNoSignals: Bool = false,
                entities: [EntityExpectation] = [], playbook: String? = nil) {
        self.category = category
        self.secondary = secondary
        self.signals = signals
        self.requireNoSignals = requireNoSignals
        self.entities = entities
        self.playbook = playbook
    }
}

public struct EntityExpectation: Sendable, Hashable {
    public let name: String
    public let value: String
}
