import TriageSyntax

/// Where a rule's weight goes once it fires.
public enum CompiledTarget: Sendable, Hashable {
    case category(Int)
    case signal(Int)
}

/// A rule ready to evaluate.
public struct CompiledRule: Sendable {
    public let index: Int
    public let name: String
    public let target: CompiledTarget
    public let condition: Condition
    /// `unless` clauses: the rule does not fire when any of them holds.
    public let exceptions: [Condition]
    public let weight: Double
    public let speaker: SpeakerScope
    public let description: String?
    public let file: SourceFile
    public let span: SourceSpan
    /// Patterns the rule uses, so a limit hit can name the rules it affected.
    public let patterns: [Int]
}
