import TriageSupport

/// `triage completion bash|zsh|fish`: a completion script generated from the command and
/// option tables that drive parsing and `--help`.
enum CompletionCommand {
    static let spec = CommandSpec(
        name: "completion",
        summary: "print a shell completion script (bash, zsh or fish)",
        usage: ["triage completion bash|zsh|fish"],
        options: [.help],
        positionalName: CompletionScript.Shell.allCases.map(\.rawValue).joined(separator: "|"),
        minPositionals: 1,
        maxPositionals: 1,
        discussion: """
        The script completes commands, options and their values (formats, colour modes, file
        names) from the same tables that parse them.

        install:
          bash   source <(triage completion bash)          # in ~/.bashrc
          zsh    triage completion zsh > "${fpath[1]}/_triage"
          fish   triage completion fish > ~/.config/fish/completions/triage.fish
        """
    )

    static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
        var exit = ExitCode.ok
        guard let parsed = TriageCommand.parse(arguments, spec: spec, io: io, exit: &exit) else { return exit }
        guard let shell = CompletionScript.Shell(rawValue: parsed.positionals[0]) else {
            return TriageCommand.usageError("unknown shell '\(parsed.positionals[0])'; use bash, zsh or fish", command: spec, io: io)
        }
        io.write(CompletionScript.script(for: shell, program: TriageCommand.topLevel, commands: TriageCommand.allSpecs))
        return io.writeFailed ? .ioError : .ok
    }
}
