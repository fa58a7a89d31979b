/// A playbook filled in for one message: the steps that apply, with entities substituted.
public struct RenderedPlaybook: Sendable, Hashable {
    public struct Step: Sendable, Hashable {
        public let channel: CompiledPlaybook.Channel
        public let text: String
    }

    public struct Need: Sendable, Hashable {
        public let description: String
        public let entity: String?
        /// The value found in the message, when the need names an entity that was found.
        public let value: String?
        /// True when the need names an entity the message does not contain.
        public var isMissing: Bool { entity != nil && value == nil }
    }

    public let name: String
    public let title: String?
    public let steps: [Step]
    public let needs: [Need]
    public let record: [String]
    public let escalation: [Step]

    public var missing: [String] { needs.filter(\.isMissing).map(\.description) }
}
