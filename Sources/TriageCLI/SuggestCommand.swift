import Foundation
import TriageEngine
import TriageEvaluation
import TriageReports
import TriageSuggest
import TriageSupport

/// `triage suggest`: which phrases would fix what the rules miss, measured by really adding
/// a rule for each and classifying again. The work is in TriageSuggest; this wires options.
enum SuggestCommand {
    static let spec = CommandSpec(
        name: "suggest",
        summary: "propose phrases for what the rules miss, with the measured effect of a rule for each",
        usage: ["triage suggest [options] CORPUS..."],
        options: [
            OptionSpec(name: .category, short: "c", kind: .value(placeholder: "ID"), help: "only this category (default: every category but the fallback)"),
            RulesOption.spec,
            OptionSpec(name: .minSupport, kind: .value(placeholder: "N"), help: "propose phrases found in at least N missed records", defaultValue: "3"),
            OptionSpec(name: .limit, kind: .value(placeholder: "N"), help: "candidates shown per category", defaultValue: "10"),
            OptionSpec(name: .holdout, kind: .value(placeholder: "FRACTION"), help: "share of records held out to measure effects on, from 0 to below 1", defaultValue: "0.3"),
            OptionSpec(name: .format, short: "f", kind: .value(placeholder: "FORMAT"), help: "output format", allowedValues: ReportRegistry.suggest.formatNames(), defaultValue: ReportFormat.text.rawValue),
            OptionSpec(name: .textField, kind: .value(placeholder: "NAME"), help: "corpus field holding the message", defaultValue: "text"),
            OptionSpec(name: .labelField, kind: .value(placeholder: "NAME"), help: "corpus field holding the expected category", defaultValue: "label"),
            OptionSpec(name: .idField, kind: .value(placeholder: "NAME"), help: "corpus field giving each record a stable id (the held-out split hashes it)", defaultValue: "id"),
            RulesOption.allowOutsideImportsSpec,
            JobsOption.spec,
            .color("colour the text output"),
            .help,
        ],
        positionalName: "CORPUS",
        minPositionals: 1,
        maxPositionals: nil,
        discussion: """
        CORPUS paths are what 'triage test' reads: labelled corpora (.jsonl, .csv), fixtures
        (.triage), directories and globs. For each category the report gives the missed records
        by answer, candidate phrases from the missed records with their support, precision and
        what a rule for each fixes and breaks on the held-out records, phrases already in the
        category's word lists, counter-evidence, and rule snippets ready to paste. See docs/suggest.md.

        exit codes: 0 done, 1 rule errors, 64 usage error, 66 no inputs found.
        """
    )

    static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
        var exit = ExitCode.ok
        guard let parsed = TriageCommand.parse(arguments, spec: spec, io: io, exit: &exit) else { return exit }
        let style = TriageCommand.style(parsed.value(.color), io: io, stream: .stdout)
        let errorStyle = TriageCommand.style(parsed.value(.color), io: io, stream: .stderr)

        var settings = SuggestSettings()
        do throws(UsageError) {
            settings.minimumSupport = try whole(parsed.value(.minSupport) ?? "3", option: "--min-support", minimum: 1)
            settings.limit = try whole(parsed.value(.limit) ?? "10", option: "--limit", minimum: 1)
            let holdout = parsed.value(.holdout) ?? "0.3"
            guard let fraction = Double(holdout), fraction >= 0, fraction < 1 else {
                throw UsageError("invalid value '\(holdout)' for '--holdout'. expected a number from 0 to below 1, e.g. 0.3")
            }
            settings.holdout = fraction
            settings.jobs = try JobsOption.parse(parsed.value(.jobs))
        } catch {
            return TriageCommand.usageError(error.message, command: spec, io: io)
        }
        settings.category = parsed.value(.category)

        let collected = TestInputCollector.collect(parsed.positionals)
        for missing in collected.missing {
            io.error("\(TestInputCollector.isGlob(missing) ? "no files match" : "no such file or directory") '\(missing)'", style: errorStyle)
        }
        for unknown in collected.unknown {
            io.error("'\(unknown)' is neither a fixture (.triage) nor a corpus (.jsonl, .csv)", style: errorStyle)
        }
        if !collected.missing.isEmpty || !collected.unknown.isEmpty { return .noInput }

        guard let (pack, ruleSet) = RulesOption(io: io, style: errorStyle).loadPack(paths: parsed.values(.rules), allowOutsideImports: parsed.flag(.allowOutsideImports)) else {
            return .ruleErrors
        }
        var reader = CorpusReader()
        reader.textField = parsed.value(.textField) ?? "text"
        reader.labelField = parsed.value(.labelField) ?? "label"
        reader.idField = parsed.value(.idField)
        let (cases, problems) = TestCaseLoader.load(collected, reader: reader)
        for problem in problems {
            io.warning("\(problem.description); the record is left out", style: errorStyle)
        }
        if cases.isEmpty {
            io.error("no fixtures or corpus records found in \(parsed.positionals.map { "'\($0)'" }.joined(separator: ", "))", style: errorStyle)
            return .noInput
        }

        let report: SuggestionReport
        do {
            report = try Suggester(pack: pack, ruleSet: ruleSet, settings: settings).run(cases)
        } catch {
            if case .unknownCategory = error { return TriageCommand.usageError(error.message, command: spec, io: io) }
            io.error("\(error.message)", style: errorStyle)
            return .ruleErrors
        }
        let format = ReportFormat(rawValue: parsed.value(.format) ?? ReportFormat.text.rawValue)
        guard let rendered = ReportRegistry.suggest.render(report, as: format, options: ReportOptions(style: style)) else {
            return TriageCommand.usageError("unknown format '\(format)'", command: spec, io: io)
        }
        io.write(rendered)
        if io.writeFailed {
            io.reportWriteFailure("report", style: errorStyle)
            return .ioError
        }
        return .ok
    }

    private static func whole(_ text: String, option: String, minimum: Int) throws(UsageError) -> Int {
        guard let value = Int(text), value >= minimum else {
            throw UsageError("invalid value '\(text)' for '\(option)'. expected a whole number of at least \(minimum)")
        }
        return value
    }
}
