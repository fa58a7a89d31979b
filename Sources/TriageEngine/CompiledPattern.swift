internal import TriagePCRE2
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
    let regex: Regex
    /// The regular expression as PCRE2 reads it (phrases and word lists compile to one).
    public var expression: String { regex.pattern }
    /// How the author wrote it, for `--explain` and reports.
    public let source: String
    public let file: SourceFile
    public let span: SourceSpan
    /// Sets of lower-cased literals: any match contains one literal of every set. Nil when
    /// unknown. The prefilter runs the pattern only when every set has a literal in the text.
    public let requiredLiterals: [[String]]?
    /// The most UTF-8 bytes a match spans (nil: unbounded or unknown), so PCRE2 can start
    /// near the literals the prefilter found instead of at the start of the text.
    public let maximumLength: Int?
    /// Alternatives that are plain words between word boundaries: a whole-word occurrence of
    /// one is a match (empty unless the pattern is caseless and has that shape).
    public let exactWords: [String]
    /// Every alternative is an exact word: whole-word occurrences decide the match both ways.
    public let isExactWordList: Bool
    /// Parallel to `requiredLiterals`: the order in which sets' literals occur in any match
    /// (smaller first); -1 when unknown.
    public let literalSetPositions: [Int]
    /// Named groups, whose captures become entities.
    public let captureNames: [String]
    /// Every match contains a character `\d` matches: skipped on texts without one.
    let needsDigit: Bool
    /// For word lists the direct matcher reproduces exactly: it, so PCRE2 is not needed on
    /// texts it handles (`WordListIndex`).
    let wordList: WordListMatcher?
}
