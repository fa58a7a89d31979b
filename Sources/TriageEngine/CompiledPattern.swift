import TriagePCRE2
import TriageSyntax

/// One distinct pattern of the rule set, compiled once and shared by every rule that uses it.
public struct CompiledPattern: Sendable {
    public enum Kind: Sendable, Hashable {
        case regex
        case phrase
        case words
    }

    public let index: Int
    public let kind: Kind
    public let regex: Regex
    /// How the author wrote it, for `--explain` and reports.
    public let source: String
    public let file: SourceFile
    public let span: SourceSpan
    /// Lower-cased literals of which at least one must occur in any match, or nil when
    /// unknown. This is where a literal prefilter plugs in: a pattern whose literals are
    /// all absent cannot match and need not run.
    public let requiredLiterals: [String]?
    /// Named groups, whose captures become entities.
    public let captureNames: [String]
}
