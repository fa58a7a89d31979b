/// A playbook ready to render against one message's signals and entities.
public struct CompiledPlaybook: Sendable {
    public enum Channel: String, Sendable, Hashable, CaseIterable {
        case selfService = "self_service", chat, phone, email

        /// How the channel is shown to a reader.
        public var label: String {
            switch self {
            case .selfService: return "self-service"
            case .chat: return "chat"
            case .phone: return "phone"
            case .email: return "email"
            }
        }
    }

    public indirect enum Requirement: Sendable {
        case signal(Int)
        case has(String)
        case not(Requirement)
        case and([Requirement])
        case or([Requirement])
    }

    public struct Step: Sendable {
        public let channel: Channel
        public let text: Template
        public let requirement: Requirement?
    }

    public struct Need: Sendable {
        /// The entity that satisfies the need, or nil for things only to have ready (photos).
        public let entity: String?
        public let description: String
    }

    public let index: Int
    public let name: String
    public let title: String?
    public let needs: [Need]
    public let steps: [Step]
    public let records: [Template]
    public let escalations: [Step]
}
