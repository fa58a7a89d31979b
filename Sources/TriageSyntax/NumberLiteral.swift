/// A number such as `3`, `0.5` or `-2`, with its text kept for the formatter.
public struct NumberLiteral: Sendable, Hashable {
    public let value: Double
    public let text: String
    public let span: SourceSpan
}
