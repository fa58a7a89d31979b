/// Hard limits on rule packs, kept in one place and documented in docs/limits.md.
public enum RuleLimits {
    /// Largest rule file read, in bytes.
    public static let maximumRuleFileBytes = 8 << 20
    /// Deepest chain of imports.
    public static let maximumImportDepth = 32
    /// Most rule files in one pack.
    public static let maximumRuleFiles = 10_000
    /// Deepest chain of definitions referring to definitions.
    public static let maximumDefinitionDepth = 64
}
