/// A rule ready to paste into the pack, in `triage fmt` layout, with a comment giving its
/// measured effect.
public struct RuleSnippet: Sendable, Hashable {
    public let ruleName: String
    /// The formatted rule, comment first, ending with a line break.
    public let text: String
    /// What `triage lint` says about the snippet in the pack, one line each; empty when clean.
    public let lintFindings: [String]
    /// Whether compiling the pack with only this rule and classifying again gave the effects
    /// the batched measurement reported (if not, the recompiled numbers are the ones kept).
    public let verified: Bool
}
