/// Splits labelled cases into a part to read and tune on and a held-out part to measure on
/// (`triage test --holdout`, `triage suggest --holdout`), by a hash of each record's id: the same record always lands on
/// the same side, whatever else is in the corpus and in whatever order it is read.
public struct HoldoutSplit: Sendable {
    /// Share of the records held out, from 0 (none: effects are measured on every record) to below 1.
    public let fraction: Double

    public init(fraction: Double) {
        self.fraction = fraction
    }

    public func isHeldOut(_ testCase: TestCase) -> Bool {
        guard fraction > 0 else { return false }
        let bucket = HoldoutSplit.hash(HoldoutSplit.key(of: testCase)) % 10_000
        return Double(bucket) < fraction * 10_000
    }

    /// The record's own id (`2565` in `data.jsonl#2565`), so renaming or moving the corpus
    /// file does not move records between the sides; the whole case id otherwise.
    public static func key(of testCase: TestCase) -> String {
        if testCase.kind == .corpus, let hash = testCase.id.lastIndex(of: "#") {
            return String(testCase.id[testCase.id.index(after: hash)...])
        }
        return testCase.id
    }

    /// 64-bit FNV-1a over the UTF-8 bytes: stable across runs and platforms, unlike `Hasher`.
    public static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
