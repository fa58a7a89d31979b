import TriageSyntax

/// Every parsed file of a rule pack (imports followed), with the problems found reading them.
public struct LoadedRulePack: Sendable {
    public var files: [RuleFile]
    public var diagnostics: [Diagnostic]
}
