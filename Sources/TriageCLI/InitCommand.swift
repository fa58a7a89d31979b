import Foundation
import TriageEngine
import TriageSupport

/// `triage init DIR`: writes the starter pack (TriageEngine's `StarterPack`) into a new or
/// empty directory; never overwrites a file.
enum InitCommand {
    static let spec = CommandSpec(
        name: "init",
        summary: "start a new rule pack: two example categories, playbooks, fixtures that pass",
        usage: ["triage init [options] DIR"],
        options: [
            OptionSpec(name: .name, kind: .value(placeholder: "NAME"), help: "the pack's name, for its README (default: the directory's name)"),
            .help,
        ],
        positionalName: "DIR",
        minPositionals: 1,
        maxPositionals: 1,
        discussion: """
        DIR is created if it does not exist; an existing DIR must be empty. The pack passes
        'triage lint --strict DIR' and 'triage test --rules DIR DIR' as written. See
        docs/authoring.md for turning it into a pack for your own domain.

        exit codes: 0 written, 64 usage error, 73 DIR is not empty or cannot be written.
        """
    )

    static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
        var exit = ExitCode.ok
        guard let parsed = TriageCommand.parse(arguments, spec: spec, io: io, exit: &exit) else { return exit }
        let errorStyle = TriageCommand.style(nil, io: io, stream: .stderr)
        let directory = parsed.positionals[0]
        let url = URL(fileURLWithPath: directory)
        let name = parsed.value(.name) ?? url.standardizedFileURL.lastPathComponent
        let files = StarterPack.files(name: name)
        do throws(NewDirectoryWriter.Refusal) {
            try NewDirectoryWriter.write(files, into: directory, command: "triage init")
        } catch {
            io.writeError(errorStyle.bold(errorStyle.red("error:")) + " \(error.message)\n" + (error.hint.map { "  = hint: \($0), e.g. 'triage init my-pack'\n" } ?? ""))
            return .cannotCreate
        }
        for file in files { io.write("created \(directory.hasSuffix("/") ? directory : directory + "/")\(file.path)\n") }
        io.write("""

        next: triage lint --strict \(directory)
              triage test --rules \(directory) \(directory)
              triage classify --rules \(directory) "I can't log in, the reset code never arrives"

        """)
        return .ok
    }
}
