import Foundation
import TriageBatch
import TriageEngine
import TriageSupport

/// `triage batch`: classify a stream of records — JSON Lines, CSV or plain lines — on all
/// cores, one JSON result per input record, in input order. Built to be a stage of a bigger
/// pipeline (Spark `pipe()`, Hadoop Streaming): bad records become error records, never
/// dropped lines or an aborted run.
enum BatchCommand {
    static let spec = CommandSpec(
        name: "batch",
        summary: "classify many messages (JSON Lines, CSV or lines) on all cores, one JSON result per record",
        usage: ["triage batch [options] [FILE... | -]", "triage batch [options] < records.jsonl"],
        options: [
            OptionSpec(name: .input, short: "i", kind: .value(placeholder: "FORMAT"),
                       help: "input format; default by extension (.jsonl, .csv, else lines), jsonl on stdin",
                       allowedValues: BatchInputFormat.allCases.map(\.rawValue)),
            OptionSpec(name: .textField, kind: .value(placeholder: "NAME"), help: "JSONL field or CSV column holding the message", defaultValue: "text"),
            RulesOption.spec,
            RulesOption.allowOutsideImportsSpec,
            JobsOption.spec,
            TimeBudgetOption.spec,
            NowOption.spec,
            OptionSpec(name: .ruleIds, help: "add the names of the rules that fired to each record"),
            OptionSpec(name: .full, help: "add the whole 'triage classify --format json' object to each record"),
            OptionSpec(name: .allowErrors, help: "exit 0 even when some records are error records (for Spark and Hadoop tasks)"),
            OptionSpec(name: .quiet, short: "q", help: "no summary and no progress bar on stderr"),
            OptionSpec(name: .noProgress, help: "never draw the progress bar (drawn on stderr when it is a terminal)"),
            .color("colour the summary and diagnostics on stderr"),
            .noPrefilter,
            .strictUTF8,
            .help,
        ],
        positionalName: "FILE",
        minPositionals: 0,
        maxPositionals: nil,
        discussion: """
        Reads the FILEs in order ('-' or none: standard input) and writes one line of JSON
        per input record to standard output, in input order: the classification, or an error
        record {"file", "line", "error"} for a record that cannot be read or classified. Other
        JSONL fields and CSV columns are passed through under "input". Blank lines are not
        records. A summary goes to stderr. Output format: docs/cli.md; pipelines: docs/batch.md.

        exit codes: 0 every record classified, 65 some records are error records (all were
        written; 0 with --allow-errors), 1 rule errors, 64 usage error, 66 an input file
        missing or unreadable, 74 output could not be written, 130/143 stopped by SIGINT/
        SIGTERM (the output ends at a whole line; stderr says how many records were written).

        examples:
          triage batch complaints.jsonl > results.jsonl
          triage batch --input csv --text-field body --rule-ids < export.csv
          cat *.txt | triage batch --input lines --jobs 4
        """
    )

    static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
        var exit = ExitCode.ok
        guard let parsed = TriageCommand.parse(arguments, spec: spec, io: io, exit: &exit) else { return exit }
        // SIGINT and SIGTERM stop the run between two output lines (see `StopSignals`).
        if io.isProcess { StopSignals.install() }
        let errorStyle = TriageCommand.style(parsed.value(.color), io: io, stream: .stderr)
        let settings: BatchSettings
        do {
            settings = try BatchSettings(parsed, io: io)
        } catch {
            return TriageCommand.usageError(error.message, command: spec, io: io)
        }

        var missing = false
        for path in settings.paths where path != "-" {
            if let problem = BatchSettings.unreadable(path) {
                io.error("cannot read '\(path)': \(problem)", style: errorStyle)
                missing = true
            }
        }
        if missing { return .noInput }

        guard let ruleSet = RulesOption(io: io, style: errorStyle).load(paths: settings.rules, allowOutsideImports: settings.allowOutsideImports) else {
            return .ruleErrors
        }

        var progress: ProgressBar?
        let sizes = settings.paths.map { $0 == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? nil }
        if settings.showProgress && io.stderrIsTerminal && !sizes.contains(where: { $0 == nil }) {
            progress = ProgressBar(io: io, total: sizes.reduce(0) { $0 + ($1 ?? 0) } / 1000, label: "batch (KB)")
        }
        let classifier = Classifier(ruleSet: ruleSet, usePrefilter: !parsed.flag(.noPrefilter), timeBudget: settings.timeBudget, today: settings.today)
        let processor = BatchRecordProcessor(classifier: classifier, textField: settings.textField,
                                             ruleIDs: settings.ruleIDs, full: settings.full, strictUTF8: parsed.flag(.strictUTF8))
        var reader = BatchChunkReader(
            inputs: settings.paths.map { BatchChunkReader.Input(path: $0, format: settings.format ?? BatchInputFormat.guess(path: $0)) },
            standardInput: io.capturedStandardInput, textField: settings.textField, limit: MessageBytes.maximumBytes,
            onProblem: { io.error($0, style: errorStyle) })
        let started = ContinuousClock.now
        let result = BatchRunner(processor: processor, jobs: settings.jobs,
                                 write: { output in
                                     let written = io.writeLines(output) { StopSignals.requested != nil }
                                     return BatchRunner.Write(lines: written.lines, stopped: written.stopped, failed: io.writeFailed)
                                 },
                                 stopRequested: { StopSignals.requested },
                                 progress: progress.map { bar in { bar.update($0 / 1000) } }).run(&reader)
        let elapsed = ContinuousClock.now - started
        progress?.finish()

        let summary = result.summary
        if let signal = result.interrupted {
            // The output ends at a whole line; the note tells the pipeline it is incomplete.
            io.error("interrupted by \(StopSignals.name(signal)): \(result.recordsWritten) record\(result.recordsWritten == 1 ? "" : "s") written, "
                     + "the output is incomplete", style: errorStyle)
            return signal == SIGINT ? .interrupted : .terminated
        }
        if summary.records > 0 && summary.jsonErrors == summary.records && settings.format == nil && settings.paths.contains("-") {
            io.hint("standard input is read as JSON Lines and no record was JSON; for one message per line, use --input lines", style: errorStyle)
        }
        if result.writeFailed && io.readerGone {
            // `| head -1`: the reader has what it wanted; stop quietly, like other filters.
            io.acceptWriteFailure()
            return .ok
        }
        if result.writeFailed {
            io.reportWriteFailure("results", detail: "stopped after classifying \(summary.records) record\(summary.records == 1 ? "" : "s")", style: errorStyle)
            return .ioError
        }
        if !settings.quiet {
            let seconds = elapsed.inSeconds
            io.writeError(summary.render(seconds: seconds, jobs: settings.jobs, style: errorStyle))
        }
        if result.readFailed { return .noInput }
        return summary.errors > 0 && !settings.allowErrors ? .dataError : .ok
    }
}
