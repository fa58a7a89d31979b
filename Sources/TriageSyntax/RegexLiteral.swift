/// A `/pattern/flags` literal. `patternStart` is the UTF-8 offset of the pattern's first
/// byte in the file, so a PCRE2 error offset maps to an exact column.
public struct RegexLiteral: Sendable, Hashable {
    public let pattern: String
    public let flags: String
    public let span: SourceSpan

    public var patternStart: Int { span.start + 1 }
}
