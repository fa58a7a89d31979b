import TriageLSP
import TriageSupport

/// `triage lsp`: the language server on stdin and stdout (Sources/TriageLSP, docs/editors.md).
enum LspCommand {
    static let spec = CommandSpec(
        name: "lsp",
        summary: "run the language server for rule files on stdin and stdout (for editors)",
        usage: ["triage lsp [options]"],
        options: [
            OptionSpec(name: .stdio, help: "talk on stdin and stdout (the default and only transport; accepted because editors pass it)"),
            .help,
        ],
        discussion: """
        Speaks the Language Server Protocol 3.17 (JSON-RPC with Content-Length headers):
        diagnostics as you type, formatting, go to definition, references, hover, completion,
        document symbols, rename and quick fixes. An editor starts it; see docs/editors.md.

        exit codes: 0 after 'shutdown' and 'exit' or when stdin closes; 1 on 'exit' without
        'shutdown'; 64 usage error.
        """
    )

    static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
        var exit = ExitCode.ok
        guard TriageCommand.parse(arguments, spec: spec, io: io, exit: &exit) != nil else { return exit }
        return StdioConnection.run() == 0 ? .ok : .ruleErrors
    }
}
