/// `words { late delayed "hasn't arrived" deliver* }`: literal words and phrases, matched
/// on word boundaries, case-insensitively unless `case-sensitive` is written; `fuzzy` also
/// matches words of five letters or more written with one typo; `gap N` lets up to N other
/// words stand between a phrase's words.
public struct WordList: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// The word or phrase as the author meant it (quotes removed).
        public let text: String
        public let span: SourceSpan
        public let isQuoted: Bool

        public init(text: String, span: SourceSpan, isQuoted: Bool) {
            self.text = text
            self.span = span
            self.isQuoted = isQuoted
        }
    }

    public let entries: [Entry]
    public let isCaseSensitive: Bool
    /// `words fuzzy { … }`: one edit allowed in words of `WordList.fuzzyMinimumLength` letters or more.
    public let isFuzzy: Bool
    /// `words gap 2 { … }`: up to this many other words may stand between a phrase's words.
    public let gap: Int
    public let span: SourceSpan

    /// The widest gap a list may allow: wider ones join words from different sentences.
    public static let maximumGap = 5

    /// Shorter words are matched exactly even in a fuzzy list: one edit in "late" makes
    /// "lame", "lace", "gate".
    public static let fuzzyMinimumLength = 5

    public init(entries: [Entry], isCaseSensitive: Bool, isFuzzy: Bool = false, gap: Int = 0, span: SourceSpan) {
        self.entries = entries
        self.isCaseSensitive = isCaseSensitive
        self.isFuzzy = isFuzzy
        self.gap = gap
        self.span = span
    }
}
