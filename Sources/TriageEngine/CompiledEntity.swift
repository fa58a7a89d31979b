/// An `entity` declaration: a pattern whose matches are pulled out and normalised.
public struct CompiledEntity: Sendable {
    public let name: String
    public let title: String
    public let pattern: Int
    public let normalizer: EntityNormalizer
}
