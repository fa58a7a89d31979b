/// Hard limits on rule packs and on classifying one message, kept in one place and
/// documented in docs/limits.md.
public enum RuleLimits {
    /// Largest rule file read, in bytes.
    public static let maximumRuleFileBytes = 8 << 20
    /// Deepest chain of imports.
    public static let maximumImportDepth = 32
    /// Most rule files in one pack.
    public static let maximumRuleFiles = 10_000
    /// Deepest chain of definitions referring to definitions.
    public static let maximumDefinitionDepth = 64
    /// Most rules in one pack: ten times the largest pack benchmarked (scripts/bench.sh, 5,000).
    public static let maximumRules = 50_000
    /// Most distinct patterns in one pack. Each costs a compiled regex and, per message, a
    /// few bytes per transcript turn, so the bound also bounds the memory of one scan.
    public static let maximumPatterns = 100_000
    /// Largest message classified, in bytes of UTF-8: `classify` refuses a larger one, `test`
    /// and `batch` report it as an input problem instead of classifying it.
    public static let maximumMessageBytes = 32 << 20
    /// Time one message may spend in pattern matching before the remaining patterns are
    /// skipped; `Classifier(timeBudget:)` and `--time-budget` change it.
    public static let defaultTimeBudget = Duration.seconds(2)
}
