import Foundation
import TriageEngine
import TriageEvaluation
import TriageReports
import TriageSupport

/// `triage test`: evaluate rules against fixtures and labelled corpora, with metrics,
/// per-rule precision, reports and gates for CI.
enum TestCommand {
    static let spec = CommandSpec(
        name: "test",
        summary: "check rules against labelled fixtures and corpora, with metrics and reports",
        usage: ["triage test [options] [PATH...]"],
        options: [
            OptionSpec(long: "rules", short: "r", kind: .repeatable(placeholder: "PATH"), help: "rule file or directory to use instead of the shipped pack"),
        ] + ReportRegistry.testFiles.map { OptionSpec(long: $0.format.rawValue, kind: .value(placeholder: "FILE"), help: $0.summary) } + [
            OptionSpec(long: ReportFormat.github.rawValue, help: ReportRegistry.test.reporter(.github)?.summary ?? ""),
            OptionSpec(long: "min-accuracy", kind: .value(placeholder: "X"), help: "fail when accuracy is below X (0–1)"),
            OptionSpec(long: "min-f1", kind: .value(placeholder: "X"), help: "fail when macro F1 is below X (0–1)"),
            OptionSpec(long: "min-category-f1", kind: .repeatable(placeholder: "CATEGORY=X"), help: "fail when a category's F1 is below X"),
            OptionSpec(long: "baseline", kind: .value(placeholder: "FILE"), help: "compare with recorded decisions; fail only on newly broken cases"),
            OptionSpec(long: "update-baseline", help: "write this run's decisions to the --baseline file"),
            OptionSpec(long: "text-field", kind: .value(placeholder: "NAME"), help: "corpus field holding the message", defaultValue: "text"),
            OptionSpec(long: "label-field", kind: .value(placeholder: "NAME"), help: "corpus field holding the expected category", defaultValue: "label"),
            OptionSpec(long: "secondary-field", kind: .value(placeholder: "NAME"), help: "corpus field holding the expected secondary category (checked only when given)"),
            OptionSpec(long: "id-field", kind: .value(placeholder: "NAME"), help: "corpus field giving each record a stable id for baselines", defaultValue: "id"),
            TimeBudgetOption.spec,
            NowOption.spec,
            OptionSpec(long: "holdout", kind: .value(placeholder: "FRACTION"),
                       help: "also report corpus records held out by a hash of their id (e.g. 0.3) apart from the rest"),
            OptionSpec(long: "allow-outside-imports", help: "let imports read rule files outside the directory given to --rules"),
            JobsOption.spec,
            OptionSpec(long: "verbose", short: "v", help: "also list passing and todo cases"),
            OptionSpec(long: "no-progress", help: "never draw the progress bar"),
            .color("colour the text output"),
            .noPrefilter,
            .help,
        ],
        positionalName: "PATH",
        minPositionals: 0,
        maxPositionals: nil,
        discussion: """
        PATHs are fixture files (.triage), corpora (.jsonl, .csv with a header), directories
        (searched recursively; other files are skipped and counted) and globs ('fixtures/**/*.triage').
        With no PATH, the ./fixtures directory is used.

        A run fails when a fixture fails (a 'todo' fixture may fail), a minimum is not met, or an
        input cannot be read. Corpus records are gated by the minimums only. With --baseline, only
        cases that newly broke fail the run.

        exit codes: 0 passed, 1 rule errors, 2 failed, 64 usage error, 66 no inputs found.
        """
    )

    static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
        var exit = ExitCode.ok
        guard let parsed = TriageCommand.parse(arguments, spec: spec, io: io, exit: &exit) else { return exit }
        let style = TriageCommand.style(parsed.value("color"), io: io, stream: .stdout)
        let errorStyle = TriageCommand.style(parsed.value("color"), io: io, stream: .stderr)

        // Options that need validating before any work.
        var gates = TestGates()
        var timeBudget = RuleLimits.defaultTimeBudget
        var today: (year: Int, month: Int, day: Int)?
        var holdout: HoldoutSplit?
        var jobs = 1
        do throws(UsageError) {
            jobs = try JobsOption.parse(parsed.value("jobs"))
            today = try NowOption.parse(parsed.value("now"))
            if let text = parsed.value("holdout") {
                guard let value = Double(text), value > 0, value < 1 else {
                    throw UsageError("invalid value '\(text)' for '--holdout'. expected a number above 0 and below 1, e.g. 0.3")
                }
                holdout = HoldoutSplit(fraction: value)
            }
            gates.minimumAccuracy = try fraction(parsed.value("min-accuracy"), option: "--min-accuracy")
            gates.minimumMacroF1 = try fraction(parsed.value("min-f1"), option: "--min-f1")
            for item in parsed.values("min-category-f1") {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw UsageError("invalid value '\(item)' for '--min-category-f1'. expected CATEGORY=X, e.g. delivery.late=0.8")
                }
                gates.minimumCategoryF1[parts[0]] = try fraction(parts[1], option: "--min-category-f1")
            }
            timeBudget = try TimeBudgetOption.parse(parsed.value("time-budget"))
            if parsed.flag("update-baseline") && parsed.value("baseline") == nil {
                throw UsageError("--update-baseline needs --baseline FILE")
            }
        } catch {
            return TriageCommand.usageError(error.message, command: spec, io: io)
        }

        var paths = parsed.positionals
        if paths.isEmpty {
            guard FileManager.default.fileExists(atPath: "fixtures") else {
                return TriageCommand.usageError("no PATH given and no ./fixtures directory here", command: spec, io: io)
            }
            paths = ["fixtures"]
        }
        let collected = TestInputCollector.collect(paths)
        for missing in collected.missing {
            io.error("\(TestInputCollector.isGlob(missing) ? "no files match" : "no such file or directory") '\(missing)'", style: errorStyle)
        }
        for unknown in collected.unknown {
            io.error("'\(unknown)' is neither a fixture (.triage) nor a corpus (.jsonl, .csv)", style: errorStyle)
        }
        if !collected.missing.isEmpty || !collected.unknown.isEmpty { return .noInput }

        guard let ruleSet = RuleSetLoader(io: io, style: errorStyle).load(paths: parsed.values("rules"), allowOutsideImports: parsed.flag("allow-outside-imports")) else {
            return .ruleErrors
        }

        let started = Date()
        var reader = CorpusReader()
        reader.textField = parsed.value("text-field") ?? "text"
        reader.labelField = parsed.value("label-field") ?? "label"
        reader.secondaryField = parsed.value("secondary-field")
        reader.idField = parsed.value("id-field")
        // Blank messages cannot be classified: they are input problems, not silent passes.
        let (loaded, unreadable) = TestCaseLoader.load(collected, reader: reader)
        let (cases, unknownLabels) = LabelCheck.split(loaded, categories: ruleSet.categories.map(\.id))
        let problems = unreadable + unknownLabels
        if cases.isEmpty && problems.isEmpty {
            io.error("no fixtures or corpus records found in \(paths.map { "'\($0)'" }.joined(separator: ", "))", style: errorStyle)
            return .noInput
        }

        let showProgress = io.stderrIsTerminal && !parsed.flag("no-progress") && cases.count >= 200
        let bar = showProgress ? ProgressBar(io: io, total: cases.count, label: "testing") : nil
        var progress: (@Sendable (Int) -> Void)?
        if let bar {
            progress = { done in bar.update(done) }
        }
        let results = TestRunner(classifier: Classifier(ruleSet: ruleSet, usePrefilter: !parsed.flag("no-prefilter"), timeBudget: timeBudget, today: today)).run(cases, jobs: jobs, progress: progress)
        bar?.finish()

        var baseline: Baseline?
        if let path = parsed.value("baseline") {
            if parsed.flag("update-baseline") {
                let fresh = Baseline(results: results)
                do {
                    try ReportFile.write(fresh.serialized(), to: path)
                } catch {
                    io.error("cannot write baseline '\(path)': \(error.reason)", style: errorStyle)
                    return .ioError
                }
                baseline = fresh
            } else if FileManager.default.fileExists(atPath: path) {
                do {
                    baseline = try Baseline.read(path)
                } catch {
                    io.error("\(error.message)", style: errorStyle)
                    return .noInput
                }
            } else {
                return TriageCommand.usageError("baseline '\(path)' does not exist; create it with --update-baseline", command: spec, io: io)
            }
        }

        let run = TestRun(results: results, problems: problems, skippedFiles: collected.skipped, ruleSet: ruleSet, gates: gates,
                          baseline: baseline, seconds: Date().timeIntervalSince(started))
        let options = ReportOptions(style: style, verbose: parsed.flag("verbose"))
        io.write(ReportRegistry.test.render(run, as: .text, options: options) ?? "")
        if let holdout {
            io.write(TestHoldoutReport(results: results, split: holdout, ruleSet: ruleSet, style: style).render())
        }
        if parsed.flag(ReportFormat.github.rawValue) || io.environment["GITHUB_ACTIONS"] == "true" {
            io.write(ReportRegistry.test.render(run, as: .github, options: options) ?? "")
        }
        for reporter in ReportRegistry.testFiles {
            let option = reporter.format.rawValue
            guard let path = parsed.value(option) else { continue }
            do {
                try ReportFile.write(reporter.render(run, options: options), to: path)
            } catch {
                io.error("cannot write --\(option) report '\(path)': \(error.reason)", style: errorStyle)
                return .ioError
            }
        }
        if io.writeFailed {
            // Every case was classified; only the printed report is cut short. Say so, with the
            // counts, so a closed pipe or a full disk is never mistaken for a short run.
            io.error("cannot write the report: standard output is closed or full; "
                     + "\(results.count) case\(results.count == 1 ? " was" : "s were") checked and \(problems.count) input problem\(problems.count == 1 ? "" : "s") found, but the report is incomplete",
                     style: errorStyle)
            return .ioError
        }
        return run.passed ? .ok : .testsFailed
    }

    private static func fraction(_ text: String?, option: String) throws(UsageError) -> Double? {
        guard let text else { return nil }
        guard let value = Double(text), (0...1).contains(value) else {
            throw UsageError("invalid value '\(text)' for '\(option)'. expected a number from 0 to 1")
        }
        return value
    }
}
