import TriageEngine
import TriageReports
import TriageShippedRules
import TriageSupport
import TriageSyntax

/// `--rules PATH` and `--allow-outside-imports`, shared by the commands that run rules: loads
/// the rules given, else the shipped pack, and prints every diagnostic on stderr like a
/// compiler. (The engine's `RulePackLoader` only reads files; this compiles and reports.)
struct RulesOption {
    static let spec = OptionSpec(name: .rules, short: "r", kind: .repeatable(placeholder: "PATH"), help: "rule file or directory to use instead of the shipped pack")
    static let allowOutsideImportsSpec = OptionSpec(name: .allowOutsideImports, help: "let imports read rule files outside the directory given to --rules")

    let io: CommandIO
    let style: TerminalStyle

    /// The packs built into this binary: `import "triage:ecommerce"` names the shipped pack.
    static let embeddedPacks = [EmbeddedPack(name: "ecommerce", version: TriageVersion.current,
                                             files: ShippedRules.files.map { ($0.path, $0.contents) })]

    /// The rules `parsed` names, compiled; nil (errors printed) when they do not compile.
    func load(_ parsed: ParsedArguments) -> CompiledRuleSet? {
        load(paths: parsed.values(.rules), allowOutsideImports: parsed.flag(.allowOutsideImports))
    }

    /// `allowOutsideImports` is `--allow-outside-imports`: imports may leave the pack's directory.
    func load(paths: [String], allowOutsideImports: Bool = false) -> CompiledRuleSet? {
        let (ruleSet, diagnostics) = paths.isEmpty
            ? RuleEngine.compile(embedded: ShippedRules.files.map { ($0.path, $0.contents) }, root: ShippedRules.root)
            : RuleEngine.compile(paths: paths, allowOutsideImports: allowOutsideImports, embeddedPacks: RulesOption.embeddedPacks)
        report(diagnostics)
        return ruleSet
    }

    /// Like `load`, but also returns the parsed files, for commands that add rules to the pack.
    func loadPack(paths: [String], allowOutsideImports: Bool = false) -> (pack: LoadedRulePack, ruleSet: CompiledRuleSet)? {
        let pack = paths.isEmpty
            ? RulePackLoader.load(embedded: ShippedRules.files.map { ($0.path, $0.contents) }, root: ShippedRules.root)
            : RulePackLoader.load(paths: paths, allowOutsideImports: allowOutsideImports, embeddedPacks: RulesOption.embeddedPacks)
        let (ruleSet, diagnostics) = RulePackCompiler.compile(pack)
        report(diagnostics)
        return ruleSet.map { (pack, $0) }
    }

    private func report(_ diagnostics: [Diagnostic]) {
        if !diagnostics.isEmpty {
            io.writeError(renderer.render(diagnostics))
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            if errors > 0 {
                io.error("rules not loaded: \(errors) error\(errors == 1 ? "" : "s")\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")", style: style)
            }
        }
    }

    var renderer: DiagnosticRenderer { DiagnosticRenderer.styled(style) }
}
