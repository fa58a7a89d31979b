/// One match, as UTF-8 byte ranges into the subject it came from.
public struct RegexMatch: Sendable, Hashable {
    /// The whole match.
    public let range: Range<Int>
    /// Capture groups 1, 2, … (index 0 is group 1); nil when a group did not take part. Empty
    /// for patterns without groups.
    public let captures: [Range<Int>?]

    public init(range: Range<Int>, captures: [Range<Int>?] = []) {
        self.range = range
        self.captures = captures
    }

    /// A group by number: 0 is the whole match; nil when the group did not take part.
    public func group(_ number: Int) -> Range<Int>? {
        number == 0 ? range : captures[number - 1]
    }

    /// The range converted to indices of `text`; valid because offsets always fall on scalar boundaries.
    public func range(in text: String) -> Range<String.Index> {
        RegexMatch.stringRange(range, in: text)
    }

    public static func stringRange(_ range: Range<Int>, in text: String) -> Range<String.Index> {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(lower, offsetBy: range.count)
        return lower..<upper
    }

    public static func substring(_ range: Range<Int>, of text: String) -> String {
        let bounds = stringRange(range, in: text)
        return String(decoding: text.utf8[bounds], as: UTF8.self)
    }
}

/// All matches of one pattern in one subject, or how far it got before a limit stopped it.
public struct RegexScan: Sendable, Hashable {
    public var matches: [RegexMatch]
    /// Set when a limit stopped the scan: the matches found before it are kept.
    public var limitHit: RegexLimitKind?
    /// True when the scan stopped at the caller's maximum number of matches.
    public var truncated: Bool

    public init(matches: [RegexMatch] = [], limitHit: RegexLimitKind? = nil, truncated: Bool = false) {
        self.matches = matches
        self.limitHit = limitHit
        self.truncated = truncated
    }
}
