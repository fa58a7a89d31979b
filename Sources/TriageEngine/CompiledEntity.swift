/// An `entity` declaration: a pattern whose matches are pulled out and normalised.
public struct CompiledEntity: Sendable {
    public let name: String
    public let title: String
    /// The patterns of `entity x = /a/ or words { … } or y`, in the order written.
    public let patterns: [Int]
    public let normalizer: EntityNormalizer
}
