/// How much of one classification PCRE2 did: scans (one per pattern and turn it was asked
/// about) and match calls (a scan makes one per match, plus one). Counted for benchmarks.
public struct RegexWork: Sendable, Hashable {
    public var scans: Int
    public var calls: Int

    public init(scans: Int = 0, calls: Int = 0) {
        self.scans = scans
        self.calls = calls
    }
}
