import Foundation
import TriageEngine
import TriageLint
import TriageShippedRules
import TriageSupport
import TriageSyntax

/// `triage lint`: every problem in rule files — parse and compile errors and the lint
/// checks — as text, JSON, SARIF or GitHub annotations.
enum LintCommand {
    static let spec = CommandSpec(
        name: "lint",
        summary: "find mistakes in rule files: errors, dead code, conflicts, risky regexes",
        usage: ["triage lint [options] [PATH...]", "triage lint [options] - [--stdin-filename PATH]"],
        options: [
            OptionSpec(long: "stdin-filename", kind: .value(placeholder: "PATH"), help: "with '-': lint standard input as if it were this file (its imports and findings use this path)"),
            OptionSpec(long: "format", short: "f", kind: .value(placeholder: "FORMAT"), help: "output format", allowedValues: ["text", "json", "sarif", "github"], defaultValue: "text"),
            OptionSpec(long: "strict", help: "exit non-zero on warnings too"),
            OptionSpec(long: "allow-outside-imports", help: "let imports read rule files outside the directory given to --rules"),
            OptionSpec(long: "list", help: "list every lint check and exit"),
            OptionSpec(long: "catalogue", help: "print the lint section of docs/diagnostics.md (markdown) and exit"),
            .color("colour the text output"),
            .help,
        ],
        positionalName: "PATH",
        minPositionals: 0,
        maxPositionals: nil,
        discussion: """
        PATHs are rule files or directories (every *.rules below). With no PATH, the rules in use:
        the pack shipped in the binary. '-' lints standard input (an editor's unsaved buffer, a
        pre-commit hook): as the file --stdin-filename names, with its imports read from disk,
        or alone when no name is given.

        Silence one finding with a comment naming its id on its line or the line before:
            define late = words { late late }  # triage-ignore: duplicate-word

        exit codes: 0 no errors (and no warnings with --strict), 1 errors (or warnings with --strict),
        64 usage error.
        """
    )

    static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
        var exit = ExitCode.ok
        guard let parsed = TriageCommand.parse(arguments, spec: spec, io: io, exit: &exit) else { return exit }
        if parsed.flag("list") {
            for check in Linter.checks {
                io.write(check.id.padded(to: 28) + check.severity.rawValue.padded(to: 9) + check.summary + "\n")
            }
            return .ok
        }
        if parsed.flag("catalogue") {
            io.write(LintCatalogue.markdown())
            return .ok
        }
        let stdinName = parsed.value("stdin-filename")
        let pack: LoadedRulePack
        if parsed.positionals.contains("-") {
            guard parsed.positionals == ["-"] else {
                return TriageCommand.usageError("'-' (standard input) cannot be combined with other PATHs", command: spec, io: io)
            }
            let data = io.readStandardInput(limit: RuleLimits.maximumRuleFileBytes)
            guard data.count <= RuleLimits.maximumRuleFileBytes, let text = String(validating: data, as: UTF8.self) else {
                io.writeError("error: standard input is \(data.count > RuleLimits.maximumRuleFileBytes ? "larger than \(RuleLimits.maximumRuleFileBytes >> 20) MiB" : "not valid UTF-8 text")\n")
                return .ruleErrors
            }
            pack = stdinName.map { RulePackLoader.load(paths: [$0], allowOutsideImports: parsed.flag("allow-outside-imports"), overlay: [$0: text]) }
                ?? RulePackLoader.load(embedded: [("<stdin>", text)], root: "")
        } else if stdinName != nil {
            return TriageCommand.usageError("--stdin-filename goes with '-' (standard input)", command: spec, io: io)
        } else if parsed.positionals.isEmpty {
            pack = RulePackLoader.load(embedded: ShippedRules.files.map { ($0.path, $0.contents) }, root: ShippedRules.root)
        } else {
            pack = RulePackLoader.load(paths: parsed.positionals, allowOutsideImports: parsed.flag("allow-outside-imports"))
        }
        let result = Linter.lint(pack)
        switch parsed.value("format") {
        case "json": io.write(LintJSONReport(result: result).render())
        case "sarif": io.write(LintSARIFReport(result: result).render())
        case "github": io.write(LintGitHubReport(result: result).render())
        default:
            let style = TriageCommand.style(parsed.value("color"), io: io, stream: .stdout)
            let renderer = RuleSetLoader(io: io, style: style).renderer
            if !result.diagnostics.isEmpty { io.write(renderer.render(result.diagnostics)) }
            let files = pack.files.count
            var summary = "\(result.errors) error\(result.errors == 1 ? "" : "s"), \(result.warnings) warning\(result.warnings == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
            if result.suppressed > 0 { summary += " (\(result.suppressed) suppressed)" }
            io.write((result.errors > 0 ? style.red(summary) : result.warnings > 0 ? style.yellow(summary) : style.green(summary)) + "\n")
        }
        if io.writeFailed { return .ioError }
        if result.errors > 0 || (parsed.flag("strict") && result.warnings > 0) { return .ruleErrors }
        return .ok
    }
}
