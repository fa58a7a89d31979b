import Foundation
import TriageSupport

/// The `triage` executable as a library: `main.swift` calls `TriageCommand.main()`, tests call
/// `run(_:io:)` in-process.
public enum TriageCommand {
    public static let version = TriageVersion.current

    static let commands: [(spec: CommandSpec, run: @Sendable ([String], CommandIO) -> ExitCode)] = [
        (ClassifyCommand.spec, ClassifyCommand.run),
        (TestCommand.spec, TestCommand.run),
        (FmtCommand.spec, FmtCommand.run),
        (BatchCommand.spec, BatchCommand.run),
        (LintCommand.spec, LintCommand.run),
        (SuggestCommand.spec, SuggestCommand.run),
        (InitCommand.spec, InitCommand.run),
        (PackCommand.spec, PackCommand.run),
        (LspCommand.spec, LspCommand.run),
        (CompletionCommand.spec, CompletionCommand.run),
    ]

    /// `triage help`: handled here, described like the others so help, completion and the man page see it.
    static let helpSpec = CommandSpec(
        name: "help",
        summary: "show help for a command",
        usage: ["triage help [COMMAND]", "triage help --man"],
        options: [
            OptionSpec(name: .man, help: "print the man page (roff), generated from the option tables"),
            .help,
        ],
        positionalName: "COMMAND",
        minPositionals: 0,
        maxPositionals: 1
    )

    /// Every command's spec, `help` last: what completion and the man page list.
    static var allSpecs: [CommandSpec] { commands.map(\.spec) + [helpSpec] }

    static let topLevel = CommandSpec(
        name: "triage",
        summary: "classify customer-support complaints with rules, and answer with a resolution playbook",
        usage: ["triage COMMAND [options]", "triage help COMMAND", "triage --version"],
        options: [
            .help,
            OptionSpec(name: .version, help: "print the version"),
        ],
        positionalName: "COMMAND",
        minPositionals: 0,
        maxPositionals: nil,
        discussion: """
        commands:
        \(commands.map { "  " + $0.spec.name.padded(to: 12) + $0.spec.summary }.joined(separator: "\n"))
          help        show help for a command

        Run 'triage help COMMAND' or 'triage COMMAND --help' for a command's options.
        Documentation: docs/cli.md, docs/language.md.
        """
    )

    /// Runs the process and exits with the command's code.
    public static func main() -> Never {
        signal(SIGPIPE, SIG_IGN)
        let code = run(Array(CommandLine.arguments.dropFirst()), io: .process())
        exit(code.rawValue)
    }

    /// Runs one command line (without the program name). Output that could not be written and
    /// that the command did not report itself is reported here, so no command exits 74 silently.
    public static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
        let code = dispatch(arguments, io: io)
        guard io.writeFailed else { return code }
        if !io.writeFailureHandled {
            io.reportWriteFailure("output", style: TerminalStyle(mode: .auto, isTerminal: io.stderrIsTerminal, environment: io.environment))
            return .ioError
        }
        return code
    }

    private static func dispatch(_ arguments: [String], io: CommandIO) -> ExitCode {
        guard let first = arguments.first else {
            io.writeError(HelpFormatter.help(for: topLevel) + "\n")
            return .usage
        }
        switch first {
        case "--version", "-V", "version":
            io.write("triage \(version)\n")
            return .ok
        case "--help", "-h":
            io.write(HelpFormatter.help(for: topLevel) + "\n")
            return .ok
        case "help":
            var exit = ExitCode.ok
            guard let parsed = parse(Array(arguments.dropFirst()), spec: helpSpec, io: io, exit: &exit) else { return exit }
            if parsed.flag(.man) {
                io.write(ManPage.render(program: topLevel, commands: allSpecs, text: ManPageText.text))
                return io.writeFailed ? .ioError : .ok
            }
            guard let name = parsed.positionals.first else {
                io.write(HelpFormatter.help(for: topLevel) + "\n")
                return .ok
            }
            if name == "help" {
                io.write(HelpFormatter.help(for: helpSpec) + "\n")
                return .ok
            }
            guard let command = commands.first(where: { $0.spec.name == name }) else {
                return unknownCommand(name, io: io)
            }
            io.write(HelpFormatter.help(for: command.spec) + "\n")
            return .ok
        default:
            guard let command = commands.first(where: { $0.spec.name == first }) else {
                if first.hasPrefix("-") {
                    return usageError("unknown option '\(first)' before the command", command: topLevel, io: io)
                }
                return unknownCommand(first, io: io)
            }
            return command.run(Array(arguments.dropFirst()), io)
        }
    }

    private static func unknownCommand(_ name: String, io: CommandIO) -> ExitCode {
        var message = "unknown command '\(name)'"
        if let suggestion = EditDistance.closest(to: name, among: commands.map(\.spec.name) + ["help"]) {
            message += ". did you mean '\(suggestion)'?"
        }
        return usageError(message, command: topLevel, io: io)
    }

    /// Parses a command's arguments, answering `--help` and usage errors itself: nil means
    /// the command is done and `exit` holds its code.
    static func parse(_ arguments: [String], spec: CommandSpec, io: CommandIO, exit: inout ExitCode) -> ParsedArguments? {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(arguments, spec: spec)
        } catch {
            exit = usageError(error.message, command: spec, io: io)
            return nil
        }
        if parsed.flag(.help) {
            io.write(HelpFormatter.help(for: spec) + "\n")
            exit = .ok
            return nil
        }
        return parsed
    }

    /// Prints a usage error the way every command does: the message, the usage line, where to get help.
    static func usageError(_ message: String, command: CommandSpec, io: CommandIO) -> ExitCode {
        let style = TerminalStyle(mode: .auto, isTerminal: io.stderrIsTerminal, environment: io.environment)
        let name = command.name == "triage" ? "triage" : "triage \(command.name)"
        io.error(message, style: style)
        io.writeError("usage: \(command.usageLines.first ?? name)\nrun '\(name) --help' for more\n")
        return .usage
    }

    enum Stream { case stdout, stderr }

    static func style(_ mode: String?, io: CommandIO, stream: Stream) -> TerminalStyle {
        TerminalStyle(mode: ColorMode(rawValue: mode ?? "auto") ?? .auto,
                      isTerminal: stream == .stdout ? io.stdoutIsTerminal : io.stderrIsTerminal, environment: io.environment)
    }
}
