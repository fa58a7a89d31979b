import TriageSyntax

/// Where a rule's weight goes once it fires.
public enum CompiledTarget: Sendable, Hashable {
    case category(Int)
    case signal(Int)
}

/// A rule ready to evaluate. A class, so handing one around during classification costs
/// one reference count, not one per field.
public final class CompiledRule: Sendable {
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
    /// Its `example` items, for `triage test`.
    public let examples: [CompiledExample]
    /// The patterns of its `when` condition, without those only its `unless` clauses use.
    public var conditionPatterns: [Int] { condition.patternIndices }
    /// Where the rule is written: `rules/delivery.rules:12`.
    public var definedAt: String { "\(file.path):\(file.location(of: span.start).line)" }

    init(index: Int, name: String, target: CompiledTarget, condition: Condition, exceptions: [Condition], weight: Double,
         speaker: SpeakerScope, description: String?, file: SourceFile, span: SourceSpan, patterns: [Int], examples: [CompiledExample] = []) {
        self.index = index
        self.name = name
        self.target = target
        self.condition = condition
        self.exceptions = exceptions
        self.weight = weight
        self.speaker = speaker
        self.description = description
        self.file = file
        self.span = span
        self.patterns = patterns
        self.examples = examples
    }
}
