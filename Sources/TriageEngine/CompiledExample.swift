import TriageSyntax

/// A rule's `example "text" -> category` item, resolved: `triage test` runs it as a case.
public struct CompiledExample: Sendable {
    public let text: String
    /// The category the message must get, or with `negated` must not get.
    public let category: Int
    public let negated: Bool
    public let file: SourceFile
    /// Where the example's message starts in `file` (1-based), to place matched words.
    public let line: Int
    public let column: Int
}
