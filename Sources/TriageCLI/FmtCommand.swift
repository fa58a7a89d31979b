import Foundation
import TriageEngine
import TriageSupport
import TriageSyntax

/// `triage fmt`: rewrites rule files in the canonical layout of docs/fmt.md; `--check` and
/// `--diff` only report, for CI.
enum FmtCommand {
    static let spec = CommandSpec(
        name: "fmt",
        summary: "rewrite rule files in the canonical layout, keeping every comment",
        usage: ["triage fmt [options] [PATH...]", "triage fmt [options] - [--stdin-filename NAME]"],
        options: [
            OptionSpec(name: .check, help: "write nothing; list the files that are not formatted"),
            OptionSpec(name: .stdinFilename, kind: .value(placeholder: "NAME"), help: "with '-': the name standard input is shown under in diagnostics and --check/--diff"),
            OptionSpec(name: .diff, help: "write nothing; show how each file would change, as a unified diff"),
            // Accepted like the other commands that take rule paths, so scripts can pass it to all of them.
            OptionSpec(name: .allowOutsideImports, help: "accepted for symmetry with lint and test; fmt formats only the files named and does not follow imports"),
            .color("colour diagnostics and the diff"),
            .help,
        ],
        positionalName: "PATH",
        minPositionals: 0,
        maxPositionals: nil,
        discussion: """
        PATHs are rule files and directories (searched recursively for *.rules; hidden files
        and directories are skipped). With no PATH, the ./rules directory is formatted if it
        exists. A file is rewritten, atomically, only when its text changes. A file with syntax
        errors is not formatted: its diagnostics are printed and it is left as it is.

        'triage fmt -' formats standard input to standard output (for editors and hooks);
        with --check it prints nothing and exits 2 when the text is not formatted, with --diff
        it prints the diff. On syntax errors it prints the diagnostics and nothing on stdout.

        exit codes: 0 formatted, or nothing to change; 1 a file has syntax errors (or could not
        be read or formatted); 2 with --check or --diff: some file is not formatted; 64 usage
        error; 66 a PATH does not exist; 74 a file could not be written.

        examples:
          triage fmt                   format ./rules in place
          triage fmt --check rules     in CI: fail when a file is not formatted
          triage fmt --diff my.rules   show what would change
          triage fmt - < a.rules       format standard input to standard output
        """
    )

    /// Exit code when `--check` or `--diff` finds a file that is not formatted: 2, the value
    /// `triage test` uses for "the check failed", so CI tells it apart from rule errors (1).
    static let notFormatted = ExitCode.testsFailed

    static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
        run(arguments, io: io, currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// `currentDirectory` resolves relative PATHs (and the default `rules`); paths are shown as given.
    static func run(_ arguments: [String], io: CommandIO, currentDirectory: String) -> ExitCode {
        var exit = ExitCode.ok
        guard let parsed = TriageCommand.parse(arguments, spec: spec, io: io, exit: &exit) else { return exit }
        let style = TriageCommand.style(parsed.value(.color), io: io, stream: .stdout)
        let errorStyle = TriageCommand.style(parsed.value(.color), io: io, stream: .stderr)
        let check = parsed.flag(.check)
        let diff = parsed.flag(.diff)
        func resolved(_ path: String) -> String { path.hasPrefix("/") ? path : currentDirectory + "/" + path }
        func fail(_ message: String) { io.error("\(message)", style: errorStyle) }

        var paths = parsed.positionals
        if paths.contains("-") {
            guard paths == ["-"] else {
                return TriageCommand.usageError("'-' (standard input) cannot be combined with other PATHs", command: spec, io: io)
            }
            return formatStandardInput(name: parsed.value(.stdinFilename) ?? "<stdin>", check: check, diff: diff, io: io, style: style, errorStyle: errorStyle)
        }
        if parsed.value(.stdinFilename) != nil {
            return TriageCommand.usageError("--stdin-filename goes with '-' (standard input)", command: spec, io: io)
        }
        if paths.isEmpty {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved("rules"), isDirectory: &isDirectory), isDirectory.boolValue else {
                return TriageCommand.usageError("no PATH given and no ./rules directory here", command: spec, io: io)
            }
            paths = ["rules"]
        }
        var files: [String] = []
        var missing = false
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved(path), isDirectory: &isDirectory) else {
                fail("no such file or directory '\(path)'")
                missing = true
                continue
            }
            if isDirectory.boolValue {
                let found = ruleFiles(under: path, resolvedAs: resolved(path))
                if found.isEmpty { io.warning("no '.rules' files in directory '\(path)'", style: errorStyle) }
                files += found
            } else {
                files.append(path)
            }
        }
        if missing { return .noInput }
        var seen: Set<String> = []
        files = files.filter { seen.insert(URL(fileURLWithPath: resolved($0)).standardizedFileURL.path).inserted }

        let renderer = RulesOption(io: io, style: errorStyle).renderer
        var failed = 0
        var changed = 0
        var writeFailed = false
        for path in files {
            guard let data = FileManager.default.contents(atPath: resolved(path)) else {
                fail("cannot read '\(path)'")
                failed += 1
                continue
            }
            guard let original = String(validating: data, as: UTF8.self) else {
                fail("'\(path)' is not valid UTF-8 text; it was left as it is")
                failed += 1
                continue
            }
            // A byte order mark and CRLF line ends are the file's, not the layout's: formatted
            // without them, and put back.
            let fileStyle = FileTextStyle(original)
            let text = fileStyle.plain(original)
            switch RuleFormatter.format(SourceFile(path: path, text: text)) {
            case .failure(.syntaxErrors(let diagnostics)):
                io.writeError(renderer.render(diagnostics.sortedForDisplay()))
                failed += 1
            case .failure(.internalError(let problem)):
                fail("internal error: formatting '\(path)' went wrong, so it was left as it is: \(problem). please report this with the file")
                failed += 1
            case .success(let formatted):
                guard formatted != text else { continue }
                changed += 1
                if check { io.write(TerminalText.escaped(path) + "\n") }
                if diff { io.write(colored(RuleFormatterDiff.unified(old: text, new: formatted, oldName: "a/" + path, newName: "b/" + path), style: style)) }
                if !check && !diff {
                    if let problem = replace(resolved(path), expecting: data, with: fileStyle.restore(formatted)) {
                        fail("cannot write '\(path)': \(problem)")
                        writeFailed = true
                    } else {
                        io.write("formatted \(TerminalText.escaped(path))\n")
                    }
                }
            }
        }
        if failed > 0 {
            fail("\(failed) file\(failed == 1 ? "" : "s") not formatted because of errors")
        }
        if (check || diff) && changed > 0 {
            io.writeError("\(changed) of \(files.count) file\(files.count == 1 ? "" : "s") not formatted; run 'triage fmt' to format \(changed == 1 ? "it" : "them")\n")
        }
        if writeFailed || io.writeFailed { return .ioError }
        if failed > 0 { return .ruleErrors }
        return (check || diff) && changed > 0 ? notFormatted : .ok
    }

    /// `triage fmt -`: standard input to standard output, or with `--check`/`--diff` a verdict.
    static func formatStandardInput(name: String, check: Bool, diff: Bool, io: CommandIO, style: TerminalStyle, errorStyle: TerminalStyle) -> ExitCode {
        func fail(_ message: String) -> ExitCode {
            io.error(message, style: errorStyle)
            return .ruleErrors
        }
        let data = io.readStandardInput(limit: RuleLimits.maximumRuleFileBytes)
        if data.count > RuleLimits.maximumRuleFileBytes { return fail("standard input is larger than \(RuleLimits.maximumRuleFileBytes >> 20) MiB") }
        guard let text = String(validating: data, as: UTF8.self) else { return fail("standard input is not valid UTF-8 text") }
        switch RuleFormatter.format(SourceFile(path: name, text: text)) {
        case .failure(.syntaxErrors(let diagnostics)):
            io.writeError(RulesOption(io: io, style: errorStyle).renderer.render(diagnostics.sortedForDisplay()))
            return fail("\(name) not formatted because of errors")
        case .failure(.internalError(let problem)):
            return fail("internal error: formatting \(name) went wrong: \(problem). please report this with the file")
        case .success(let formatted):
            let changed = formatted != text
            if check {
                if changed { io.write(name + "\n") }
            } else if diff {
                if changed { io.write(colored(RuleFormatterDiff.unified(old: text, new: formatted, oldName: "a/" + name, newName: "b/" + name), style: style)) }
            } else {
                io.write(formatted)
            }
            if io.writeFailed { return .ioError }
            return (check || diff) && changed ? notFormatted : .ok
        }
    }

    /// Every `*.rules` file below `directory`, sorted, shown under the path as given.
    static func ruleFiles(under directory: String, resolvedAs base: String) -> [String] {
        let baseURL = URL(fileURLWithPath: base).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: baseURL, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var result: [String] = []
        for case let url as URL in walker where url.pathExtension == "rules" {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(baseURL.path + "/") ? String(path.dropFirst(baseURL.path.count + 1)) : url.lastPathComponent
            result.append((directory.hasSuffix("/") ? directory : directory + "/") + relative)
        }
        return result.sorted()
    }

    /// Replaces the file's contents with `text`, refusing when it no longer holds `expected`
    /// (someone wrote to it while it was formatted: their change would be lost) or is
    /// read-only. Nil on success, else why not.
    static func replace(_ path: String, expecting expected: Data, with text: String) -> String? {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        var info = stat()
        guard stat(target.path, &info) == 0 else { return String(cString: strerror(errno)) }
        // The owner's write bit, not access(2): root may write anything, but a read-only rule
        // file says "leave me alone".
        guard info.st_mode & S_IWUSR != 0 else { return "it is read-only; it was left as it is" }
        guard FileManager.default.contents(atPath: target.path) == expected else {
            return "it changed while it was being formatted; it was left as it is, run 'triage fmt' again"
        }
        // Hard links share the file: write into it, so every name sees the new text.
        if info.st_nlink > 1 { return writeInPlace(text, to: target.path) }
        return writeAtomically(text, to: target.path, owner: (info.st_uid, info.st_gid))
    }

    private static func writeInPlace(_ text: String, to path: String) -> String? {
        guard let handle = FileHandle(forWritingAtPath: path) else { return String(cString: strerror(errno)) }
        defer { try? handle.close() }
        do {
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            return "\(error.localizedDescription)"
        }
        return nil
    }

    /// Writes beside the file and renames over it, so a reader never sees half a file; the
    /// file keeps its permissions and (when allowed) its owner, and a symbolic link keeps
    /// pointing at it. Nil on success.
    static func writeAtomically(_ text: String, to path: String, owner: (uid_t, gid_t)? = nil) -> String? {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).fmt-\(UUID().uuidString)").path
        var attributes: [FileAttributeKey: Any] = [:]
        if let permissions = try? FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] {
            attributes[.posixPermissions] = permissions
        }
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: attributes) else {
            return "cannot create a temporary file in '\(target.deletingLastPathComponent().path)'"
        }
        if let owner { _ = chown(temporary, owner.0, owner.1) }
        guard rename(temporary, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            return reason
        }
        return nil
    }

    private static func colored(_ diff: String, style: TerminalStyle) -> String {
        diff.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("+++") || line.hasPrefix("---") { return style.bold(String(line)) }
            if line.hasPrefix("@@") { return style.cyan(String(line)) }
            if line.hasPrefix("+") { return style.green(String(line)) }
            if line.hasPrefix("-") { return style.red(String(line)) }
            return String(line)
        }.joined(separator: "\n")
    }
}
