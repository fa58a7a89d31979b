/// A name as written in a rule file, with where it was written.
public struct Identifier: Sendable, Hashable {
    public let name: String
    public let span: SourceSpan

    public init(name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }
}
