import CPCRE2

/// Pattern flags a rule author can set on a regex literal (`/…/i`).
public struct RegexOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let caseless = RegexOptions(rawValue: PCRE2_CASELESS)
    public static let dotAll = RegexOptions(rawValue: PCRE2_DOTALL)
    public static let extended = RegexOptions(rawValue: PCRE2_EXTENDED)
    public static let multiline = RegexOptions(rawValue: PCRE2_MULTILINE)
    public static let noAutoCapture = RegexOptions(rawValue: PCRE2_NO_AUTO_CAPTURE)

    /// Always on: patterns and subjects are UTF-8, `\w` and `\b` know Unicode letters,
    /// and invalid UTF-8 in a subject is skipped instead of failing the match; an offset
    /// limit may bound where matches start (the prefilter knows where literals are).
    static let always: UInt32 = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_USE_OFFSET_LIMIT
}
