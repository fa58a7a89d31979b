/// An option's long name without dashes (`format` for `--format`). Commands declare each
/// name once as a static constant and look options up by it, so a misspelt name is a
/// compile error rather than an option that is silently never given.
public struct OptionName: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }
}
