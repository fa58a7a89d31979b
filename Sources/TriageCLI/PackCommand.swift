import Foundation
import TriageEngine
import TriageSupport

/// `triage pack list` and `triage pack export NAME DIR`: the rule packs built into this
/// binary, so users can see the rules they run and build on them (`import "triage:NAME"`).
enum PackCommand {
    static let spec = CommandSpec(
        name: "pack",
        summary: "list the rule packs built into triage, or write one's files to a directory",
        usage: ["triage pack list", "triage pack export [--pack NAME] DIR"],
        options: [
            OptionSpec(name: .pack, kind: .value(placeholder: "NAME"), help: "with export: which embedded pack", defaultValue: "ecommerce"),
            .help,
        ],
        positionalName: "ACTION",
        minPositionals: 1,
        maxPositionals: 2,
        discussion: """
        list      name, version, rule and file counts of each embedded pack
        export    write the pack's rule files into DIR (new or empty), byte for byte

        A pack of your own can build on an embedded one with 'import "triage:ecommerce"' and
        change it with 'override' (docs/language.md, "Building on the shipped pack").

        exit codes: 0 done, 64 usage error, 73 DIR is not empty or cannot be written.
        """
    )

    static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
        var exit = ExitCode.ok
        guard let parsed = TriageCommand.parse(arguments, spec: spec, io: io, exit: &exit) else { return exit }
        let errorStyle = TriageCommand.style(nil, io: io, stream: .stderr)
        let packs = RulesOption.embeddedPacks
        switch parsed.positionals[0] {
        case "list":
            guard parsed.positionals.count == 1 else { return TriageCommand.usageError("'pack list' takes no DIR", command: spec, io: io) }
            io.write("name".padded(to: 12) + "version".padded(to: 10) + "rules".padded(to: 8) + "files  import as\n")
            for pack in packs {
                io.write(pack.name.padded(to: 12) + pack.version.padded(to: 10) + String(pack.ruleCount).padded(to: 8)
                         + String(pack.files.count).padded(to: 7) + "import \"\(pack.root)\"\n")
            }
            return .ok
        case "export":
            guard parsed.positionals.count == 2 else { return TriageCommand.usageError("'pack export' needs a DIR to write to", command: spec, io: io) }
            let name = parsed.value(.pack) ?? "ecommerce"
            guard let pack = packs.first(where: { $0.name == name }) else {
                return TriageCommand.usageError("no embedded pack '\(name)'. embedded packs: " + packs.map(\.name).joined(separator: ", "), command: spec, io: io)
            }
            let directory = parsed.positionals[1]
            do throws(NewDirectoryWriter.Refusal) {
                try NewDirectoryWriter.write(pack.files, into: directory, command: "pack export")
            } catch {
                io.writeError(errorStyle.bold(errorStyle.red("error:")) + " \(error.message)\n")
                return .cannotCreate
            }
            io.write("wrote \(pack.files.count) files of \(pack.root) to \(directory)\n")
            return .ok
        default:
            return TriageCommand.usageError("unknown action '\(parsed.positionals[0])'. expected 'list' or 'export'", command: spec, io: io)
        }
    }
}
