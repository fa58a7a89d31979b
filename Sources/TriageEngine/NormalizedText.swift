/// A turn's text as the patterns see it, with the way back to what was written.
public struct NormalizedText: Sendable, Hashable {
    public let text: String
    /// Nil when the text needed no change.
    public let map: OffsetMap?

    /// The range in the original text that a range of `text` came from.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        map?.originalRange(range) ?? range
    }
}
