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
            OptionSpec(long: "name", kind: .value(placeholder: "NAME"), help: "the pack's name, for its README (default: the directory's name)"),
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
        let name = parsed.value("name") ?? url.standardizedFileURL.lastPathComponent
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                io.writeError(errorStyle.bold(errorStyle.red("error:")) + " '\(directory)' exists and is not a directory\n")
                return .cannotCreate
            }
            let entries = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
            guard entries.isEmpty else {
                io.writeError(errorStyle.bold(errorStyle.red("error:")) + " '\(directory)' is not empty; triage init never overwrites files\n"
                              + "  = hint: pick a new directory, e.g. 'triage init my-pack'\n")
                return .cannotCreate
            }
        }
        do {
            for file in StarterPack.files(name: name) {
                let target = url.appendingPathComponent(file.path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                // withoutOverwriting: a file that appeared meanwhile is an error, not replaced.
                try Data(file.contents.utf8).write(to: target, options: .withoutOverwriting)
                io.write("created \(directory.hasSuffix("/") ? directory : directory + "/")\(file.path)\n")
            }
        } catch {
            io.writeError(errorStyle.bold(errorStyle.red("error:")) + " cannot write the pack in '\(directory)': \(error.localizedDescription)\n")
            return .cannotCreate
        }
        io.write("""

        next: triage lint --strict \(directory)
              triage test --rules \(directory) \(directory)
              triage classify --rules \(directory) "I can't log in, the reset code never arrives"

        """)
        return .ok
    }
}
