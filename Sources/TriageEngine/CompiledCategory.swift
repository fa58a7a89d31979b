/// A category with its playbook and tie-break priority.
public struct CompiledCategory: Sendable, Hashable {
    public let index: Int
    public let id: String
    public let title: String
    public let priority: Double
    public let playbook: Int?
    public let description: String?
    /// Categories this one beats whenever both reach the threshold, directly or through
    /// others (`outranks`), by index.
    public var outranks: Set<Int> = []

    /// `delivery` for `delivery.late`; nil for a top-level id.
    public var parentID: String? {
        guard let dot = id.lastIndex(of: ".") else { return nil }
        return String(id[..<dot])
    }
}

/// A signal such as `urgent` that rules raise and playbooks react to.
public struct CompiledSignal: Sendable, Hashable {
    public let index: Int
    public let name: String
    public let title: String
}
