internal import TriagePCRE2
import TriageSyntax

/// The front door for callers: load a rule pack from disk or memory and compile it.
public enum RuleEngine {
    /// Loads rule files and directories and compiles them; nil when there are errors.
    /// Imports stay inside each path's directory unless `allowOutsideImports`.
    /// `embeddedPacks` are what `import "triage:NAME"` may name.
    public static func compile(paths: [String], allowOutsideImports: Bool = false, embeddedPacks: [EmbeddedPack] = []) -> (CompiledRuleSet?, [Diagnostic]) {
        RulePackCompiler.compile(RulePackLoader.load(paths: paths, allowOutsideImports: allowOutsideImports, embeddedPacks: embeddedPacks))
    }

    /// Compiles an in-memory pack (the shipped rules); `root` prefixes paths in diagnostics.
    public static func compile(embedded files: [(path: String, contents: String)], root: String) -> (CompiledRuleSet?, [Diagnostic]) {
        RulePackCompiler.compile(RulePackLoader.load(embedded: files, root: root))
    }

    /// Compiles rule text given directly, as if it were a file at `path`.
    public static func compile(source: String, path: String = "<rules>") -> (CompiledRuleSet?, [Diagnostic]) {
        compile(embedded: [(path: path, contents: source)], root: "")
    }
}

extension CompiledRule {
    /// Definition names for the patterns this rule uses (`late` for the `late` word list).
    public var patternNames: [Int: String] {
        var names: [Int: String] = [:]
        func walk(_ condition: Condition, label: String?) {
            switch condition {
            case .pattern(let index): if let label, names[index] == nil { names[index] = label }
            case .labelled(let name, let inner): walk(inner, label: name)
            case .not(let inner), .polarity(_, let inner), .speaker(_, let inner): walk(inner, label: label)
            case .and(let items), .or(let items), .atLeast(_, let items): items.forEach { walk($0, label: nil) }
            case .proximity(let left, let right, _, _): walk(left, label: nil); walk(right, label: nil)
            }
        }
        walk(condition, label: nil)
        exceptions.forEach { walk($0, label: nil) }
        return names
    }
}
