import Foundation
import Testing
@testable import TriageCLI

@Suite struct CommandLineTests {
    @Test func versionAndHelp() {
        #expect(run(["--version"]).stdout == "triage \(TriageCommand.version)\n")
        let help = run(["--help"])
        #expect(help.code == .ok)
        #expect(help.stdout.contains("classify"))
        #expect(run(["help", "classify"]).stdout.contains("--explain"))
        #expect(run(["classify", "--help"]).stdout.contains("exit codes"))
        #expect(run([]).code == .usage)
    }

    @Test func usageErrorsSayWhatToDo() {
        let typo = run(["classify", "--fromat", "json", "x"])
        #expect(typo.code == .usage)
        #expect(typo.stderr.contains("unknown option '--fromat'. did you mean '--format'?"))
        #expect(typo.stderr.contains("usage: triage classify"))
        #expect(typo.stderr.contains("run 'triage classify --help' for more"))

        let value = run(["classify", "--format", "xml", "x"])
        #expect(value.code == .usage)
        #expect(value.stderr.contains("invalid value 'xml' for '--format'"))

        let command = run(["clasify", "x"])
        #expect(command.code == .usage)
        #expect(command.stderr.contains("unknown command 'clasify'. did you mean 'classify'?"))

        let both = run(["classify", "--file", "x.txt", "text"])
        #expect(both.code == .usage)
    }

    @Test func doubleDashEndsOptions() throws {
        let result = run(["classify", "--format", "json", "--", "--explain my parcel is late"])
        #expect(result.code == .ok)
        #expect(try (json(result.stdout)["category"] as? [String: Any])?["id"] as? String == "delivery.late")
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() {
        let text = "my parcel is late"
        #expect(!run(["classify", text]).stdout.contains("\u{1B}["))
        #expect(run(["classify", text], terminal: true).stdout.contains("\u{1B}["))
        #expect(!run(["classify", text], environment: ["NO_COLOR": "1"], terminal: true).stdout.contains("\u{1B}["))
        #expect(run(["classify", "--color", "always", text]).stdout.contains("\u{1B}["))
        #expect(!run(["classify", "--color=never", text], terminal: true).stdout.contains("\u{1B}["))
    }
}
