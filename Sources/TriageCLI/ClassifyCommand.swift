import Foundation
import TriageEngine
import TriageReports
import TriageSupport

/// `triage classify`: one message in, its category, evidence, entities, signals and playbook out.
enum ClassifyCommand {
    static let spec = CommandSpec(
        name: "classify",
        summary: "classify one customer message and print the playbook for it",
        usage: ["triage classify [options] TEXT...", "triage classify [options] --file PATH", "triage classify [options] < message.txt"],
        options: [
            OptionSpec(name: .file, kind: .value(placeholder: "PATH"), help: "read the message from a file ('-' for standard input)"),
            RulesOption.spec,
            OptionSpec(name: .format, short: "f", kind: .value(placeholder: "FORMAT"), help: "output format", allowedValues: ReportRegistry.classify.formatNames(), defaultValue: ReportFormat.text.rawValue),
            OptionSpec(name: .explain, short: "e", kind: .optionalValue(placeholder: "WHAT"),
                       help: "show the rules that fired and the closest misses, each with where it is defined, and why the winner won; '--explain=all' adds every rule considered",
                       allowedValues: [ClassifyCommand.explainAll]),
            OptionSpec(name: .compact, help: "with --format json, print the object on one line"),
            TimeBudgetOption.spec,
            NowOption.spec,
            RulesOption.allowOutsideImportsSpec,
            .color("colour the text output"),
            .noPrefilter,
            .strictUTF8,
            .help,
        ],
        positionalName: "TEXT",
        minPositionals: 0,
        maxPositionals: nil,
        discussion: """
        The message is the words after the options (joined by spaces), the file given with
        --file, or standard input ('-' or nothing). Lines starting 'customer:' or 'agent:'
        make it a transcript; rules look at the customer's words unless they say otherwise.

        exit codes: 0 classified, 1 rule errors, 64 usage error, 65 message cannot be
        classified (empty, binary, not UTF-8, too large), 66 input file missing or unreadable,
        74 output could not be written.

        examples:
          triage classify "My order 112-3456789-1234567 was due Monday and tracking hasn't moved"
          triage classify --format json --file complaint.txt
          triage classify --explain --rules my-rules/ "charged twice for one order"
          triage classify --explain=all "charged twice for one order"
        """
    )

    /// `--explain=all`: every rule considered, pattern by pattern.
    static let explainAll = "all"

    static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
        var exit = ExitCode.ok
        guard let parsed = TriageCommand.parse(arguments, spec: spec, io: io, exit: &exit) else { return exit }
        let style = TriageCommand.style(parsed.value(.color), io: io, stream: .stdout)
        let errorStyle = TriageCommand.style(parsed.value(.color), io: io, stream: .stderr)

        let timeBudget: Duration
        let today: (year: Int, month: Int, day: Int)?
        do throws(UsageError) {
            timeBudget = try TimeBudgetOption.parse(parsed.value(.timeBudget))
            today = try NowOption.parse(parsed.value(.now))
        } catch {
            return TriageCommand.usageError(error.message, command: spec, io: io)
        }
        let input: MessageInput
        do {
            input = try MessageInput.read(positionals: parsed.positionals, rawArguments: rawArguments(parsed.positionals, io: io),
                                          file: parsed.value(.file), strictUTF8: parsed.flag(.strictUTF8), io: io)
        } catch {
            if error.code == .usage { return TriageCommand.usageError(error.message, command: spec, io: io) }
            io.error("\(error.message)", style: errorStyle)
            return error.code
        }
        if let repair = input.repair {
            io.warning("[\(MessageInput.repairedWarning)] \(repair)", style: errorStyle)
        }
        guard let ruleSet = RulesOption(io: io, style: errorStyle).load(parsed) else {
            return .ruleErrors
        }
        // Under `ulimit -v`, a message too large for the memory left is refused, not a crash.
        if io.isProcess, let refusal = MemoryHeadroom.refusal(
            needed: MemoryHeadroom.estimate(input.text),
            for: "\(input.origin): classifying the message (\(MemoryHeadroom.megabytes(input.text.utf8.count)) MB)") {
            io.error(refusal, style: errorStyle)
            return .dataError
        }
        let explain = parsed.flag(.explain)
        let explainAll = parsed.value(.explain) == ClassifyCommand.explainAll
        let classification = Classifier(ruleSet: ruleSet, usePrefilter: !parsed.flag(.noPrefilter), timeBudget: timeBudget, today: today).classify(Message(input.text), explain: explain)
        let output = ClassifyOutput(classification: classification, ruleSet: ruleSet, explain: explain, explainAll: explainAll,
                                    warnings: input.repair == nil ? [] : [MessageInput.repairedWarning])
        let format = ReportFormat(rawValue: parsed.value(.format) ?? ReportFormat.text.rawValue)
        guard let report = ReportRegistry.classify.render(output, as: format,
                                                 options: ReportOptions(style: style, pretty: !parsed.flag(.compact))) else {
            return TriageCommand.usageError("unknown format '\(format)'", command: spec, io: io)
        }
        io.write(report)
        if io.writeFailed {
            io.reportWriteFailure("result", style: errorStyle)
            return .ioError
        }
        return .ok
    }

    /// The message arguments as the process received them, when one of them had bytes that
    /// are not UTF-8 (Swift shows them as U+FFFD): so an argument is repaired and warned about
    /// like a file or standard input, or refused with `--strict-utf8`. Nil in-process.
    private static func rawArguments(_ positionals: [String], io: CommandIO) -> [[UInt8]]? {
        guard io.capturedStandardInput == nil, positionals.contains(where: { $0.unicodeScalars.contains("\u{FFFD}") }) else { return nil }
        var raw: [[UInt8]] = (0..<Int(CommandLine.argc)).compactMap { index in
            CommandLine.unsafeArgv[index].map { Array(UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0))) }
        }
        // The positionals are the last arguments that decode to them, in order.
        var result: [[UInt8]] = []
        for positional in positionals.reversed() {
            guard let index = raw.lastIndex(where: { String(decoding: $0, as: UTF8.self) == positional }) else { return nil }
            result.insert(raw[index], at: 0)
            raw.removeSubrange(index...)
        }
        return result
    }
}
