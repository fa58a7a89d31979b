/// One rule file of the pack shipped in `rules/`, embedded at build time.
public struct ShippedRuleFile: Sendable, Equatable {
    /// Path relative to `rules/`, with `/` separators.
    public let path: String
    public let contents: String
}

/// The rule pack shipped with Triage (the repository's `rules/` folder, embedded by `EmbedRulesPlugin`).
public enum ShippedRules {
    /// The virtual root under which shipped files are reported in diagnostics.
    public static let root = "<shipped>/rules"

    public static let files: [ShippedRuleFile] = shippedRuleFileData.map {
        ShippedRuleFile(path: $0.path, contents: $0.contents)
    }
}
