import Foundation
import TriageEngine
import TriageLint
import TriageReports
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
            OptionSpec(name: .stdinFilename, kind: .value(placeholder: "PATH"), help: "with '-': lint standard input as if it were this file (its imports and findings use this path)"),
            OptionSpec(name: .format, short: "f", kind: .value(placeholder: "FORMAT"), help: "output format", allowedValues: ReportRegistry.lint.formatNames(), defaultValue: ReportFormat.text.rawValue),
            OptionSpec(name: .strict, help: "exit non-zero on warnings too"),
            OptionSpec(name: .helpBaseURL, kind: .value(placeholder: "URL"),
                       help: "with --format sarif, link each rule to URL/diagnostics.md#ID (URL: the docs/ directory of the Triage repository)"),
            RulesOption.allowOutsideImportsSpec,
            OptionSpec(name: .list, help: "list every lint check and exit"),
            OptionSpec(name: .catalogue, help: "print the lint section of docs/diagnostics.md (markdown) and exit"),
            OptionSpec(name: .fix, help: "apply the fixes lint is certain of, then format; report what is left"),
            OptionSpec(name: .diff, help: "with --fix, print the changes as a unified diff instead of writing them"),
            OptionSpec(name: .baseline, kind: .value(placeholder: "FILE"), help: "report only findings not in this baseline"),
            OptionSpec(name: .updateBaseline, help: "write this run's findings to the --baseline file"),
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
        or a whole check for the pack with a 'lint { disable ID }' block (docs/language.md).

        --fix removes duplicate words, lowers capitals in caseless lists, trims punctuation,
        replaces spelling variants and corrects a misspelt name with one close candidate, then
        formats. --baseline FILE hides the findings recorded in FILE (by id, file and message).

        exit codes: 0 no errors (and no warnings with --strict), 1 errors (or warnings with --strict),
        64 usage error, 66 a PATH does not exist or cannot be read, 74 output could not be written.
        """
    )

    /// `scheme://…` with no query or fragment: something `diagnostics.md#ID` can be appended to.
    static func isAbsoluteURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme, !scheme.isEmpty,
              components.host?.isEmpty == false || scheme == "file" else { return false }
        return components.query == nil && components.fragment == nil
    }

    /// Whether `path` exists and can be read (a directory: listed).
    private static func isReadable(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path) && FileManager.default.isReadableFile(atPath: path)
    }

    static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
        var exit = ExitCode.ok
        guard let parsed = TriageCommand.parse(arguments, spec: spec, io: io, exit: &exit) else { return exit }
        let errorStyle = TriageCommand.style(parsed.value(.color), io: io, stream: .stderr)
        if parsed.flag(.list) {
            for check in Linter.checks {
                io.write(check.id.rawValue.padded(to: 28) + check.severity.rawValue.padded(to: 9) + check.summary + "\n")
            }
            return .ok
        }
        if parsed.flag(.catalogue) {
            io.write(LintCatalogue.markdown())
            return .ok
        }
        let stdinName = parsed.value(.stdinFilename)
        if parsed.positionals.contains("-") {
            guard parsed.positionals == ["-"] else {
                return TriageCommand.usageError("'-' (standard input) cannot be combined with other PATHs", command: spec, io: io)
            }
            if parsed.flag(.fix) { return TriageCommand.usageError("'--fix' changes files; it cannot read standard input", command: spec, io: io) }
        } else if stdinName != nil {
            return TriageCommand.usageError("--stdin-filename goes with '-' (standard input)", command: spec, io: io)
        }
        // A PATH that is not there is a mistake on the command line, not in the rules: said
        // before anything is linted, with the code `fmt` and `test` use.
        let unreadable = parsed.positionals.filter { $0 != "-" && !isReadable($0) }
        for path in unreadable {
            io.error(FileManager.default.fileExists(atPath: path) ? "cannot read '\(path)': permission denied" : "no such file or directory '\(path)'", style: errorStyle)
        }
        if !unreadable.isEmpty {
            io.hint("check the path given on the command line", style: errorStyle)
            return .noInput
        }
        let helpBaseURL = parsed.value(.helpBaseURL)
        if let helpBaseURL {
            guard ReportFormat(rawValue: parsed.value(.format) ?? "") == .sarif else {
                return TriageCommand.usageError("'--help-base-url' goes with '--format sarif'", command: spec, io: io)
            }
            guard isAbsoluteURL(helpBaseURL) else {
                return TriageCommand.usageError("invalid value '\(helpBaseURL)' for '--help-base-url'. expected an absolute URL without '?' or '#', "
                                                + "such as https://github.com/OWNER/triage/blob/main/docs", command: spec, io: io)
            }
        }
        var stdinText: String?
        if parsed.positionals == ["-"] {
            let data = io.readStandardInput(limit: RuleLimits.maximumRuleFileBytes)
            guard data.count <= RuleLimits.maximumRuleFileBytes, let text = String(validating: data, as: UTF8.self) else {
                io.error("standard input is \(data.count > RuleLimits.maximumRuleFileBytes ? "larger than \(RuleLimits.maximumRuleFileBytes >> 20) MiB" : "not valid UTF-8 text")", style: errorStyle)
                return .ruleErrors
            }
            stdinText = text
        }
        func loadPack() -> LoadedRulePack {
            if let stdinText {
                return stdinName.map { RulePackLoader.load(paths: [$0], allowOutsideImports: parsed.flag(.allowOutsideImports), overlay: [$0: stdinText],
                                                           embeddedPacks: RulesOption.embeddedPacks) }
                    ?? RulePackLoader.load(embedded: [("<stdin>", stdinText)], root: "", embeddedPacks: RulesOption.embeddedPacks)
            }
            return parsed.positionals.isEmpty
                ? RulePackLoader.load(embedded: ShippedRules.files.map { ($0.path, $0.contents) }, root: ShippedRules.root)
                : RulePackLoader.load(paths: parsed.positionals, allowOutsideImports: parsed.flag(.allowOutsideImports),
                                      embeddedPacks: RulesOption.embeddedPacks)
        }
        var pack = loadPack()
        if parsed.flag(.diff) && !parsed.flag(.fix) { return TriageCommand.usageError("'--diff' goes with '--fix'", command: spec, io: io) }
        if parsed.flag(.updateBaseline) && parsed.value(.baseline) == nil {
            return TriageCommand.usageError("'--update-baseline' needs '--baseline FILE'", command: spec, io: io)
        }
        if parsed.flag(.fix) {
            guard !parsed.positionals.isEmpty else {
                return TriageCommand.usageError("'--fix' needs the rule files or directories to change; the shipped pack is built in", command: spec, io: io)
            }
            let outcome = LintFixer.fix(pack, embeddedPacks: RulesOption.embeddedPacks)
            if parsed.flag(.diff) {
                for change in outcome.changes {
                    io.write(RuleFormatterDiff.unified(old: change.old, new: change.new, oldName: "a/" + change.path, newName: "b/" + change.path))
                }
                return outcome.changes.isEmpty ? .ok : .testsFailed
            }
            for change in outcome.changes {
                do {
                    try Data(change.new.utf8).write(to: URL(fileURLWithPath: change.path), options: .atomic)
                } catch {
                    io.error("cannot write '\(change.path)': \(error.localizedDescription)", style: errorStyle)
                    return .ioError
                }
            }
            io.writeError("fixed \(outcome.applied) finding\(outcome.applied == 1 ? "" : "s") in \(outcome.changes.count) file\(outcome.changes.count == 1 ? "" : "s")\n")
            pack = loadPack()
        }
        var result = Linter.lint(pack)
        if let path = parsed.value(.baseline) {
            if parsed.flag(.updateBaseline) {
                do {
                    try Data(LintBaseline.json(for: result.diagnostics).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    io.error("cannot write '\(path)': \(error.localizedDescription)", style: errorStyle)
                    return .ioError
                }
                io.writeError("wrote \(result.diagnostics.count) finding\(result.diagnostics.count == 1 ? "" : "s") to the baseline '\(path)'\n")
                return .ok
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                io.error("cannot read the baseline '\(path)'", style: errorStyle)
                return .noInput
            }
            do {
                let baseline = try LintBaseline(json: data)
                let (new, known) = baseline.newFindings(result.diagnostics)
                result = Linter.Result(diagnostics: new, suppressed: result.suppressed, disabled: result.disabled, inBaseline: known)
            } catch {
                io.error("'\(path)': \(error.message)", style: errorStyle)
                return .dataError
            }
        }
        let format = ReportFormat(rawValue: parsed.value(.format) ?? ReportFormat.text.rawValue)
        let style = TriageCommand.style(parsed.value(.color), io: io, stream: .stdout)
        guard let report = ReportRegistry.lint.render(LintOutput(result: result, fileCount: pack.files.count, helpBaseURL: helpBaseURL), as: format,
                                                 options: ReportOptions(style: style)) else {
            return TriageCommand.usageError("unknown format '\(format)'", command: spec, io: io)
        }
        io.write(report)
        if io.writeFailed {
            io.reportWriteFailure("report", style: errorStyle)
            return .ioError
        }
        if result.errors > 0 || (parsed.flag(.strict) && result.warnings > 0) { return .ruleErrors }
        return .ok
    }
}
