/// Who said a turn of a conversation.
public enum Speaker: String, Sendable, Hashable, CaseIterable {
    case customer, agent
}

/// Whose words a rule or pattern looks at.
public enum SpeakerScope: String, Sendable, Hashable, CaseIterable {
    case customer, agent, any

    func includes(_ speaker: Speaker) -> Bool {
        switch self {
        case .any: return true
        case .customer: return speaker == .customer
        case .agent: return speaker == .agent
        }
    }
}
