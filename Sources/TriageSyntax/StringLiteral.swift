/// A decoded `"…"` string and its span (quotes included).
public struct StringLiteral: Sendable, Hashable {
    public let value: String
    public let span: SourceSpan
}
