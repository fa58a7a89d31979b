/// `words { late delayed "hasn't arrived" deliver* }`: literal words and phrases, matched
/// on word boundaries, case-insensitively unless `case-sensitive` is written.
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
    public let span: SourceSpan
}
