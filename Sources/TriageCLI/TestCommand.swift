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
            RulesOption.spec,
        ] + ReportRegistry.testFiles.map { OptionSpec(name: OptionName($0.format), kind: .value(placeholder: "FILE"), help: $0.summary) } + [
            OptionSpec(name: OptionName(ReportFormat.github), help: ReportRegistry.test.reporter(.github)?.summary ?? ""),
            OptionSpec(name: .minAccuracy, kind: .value(placeholder: "X"), help: "fail when accuracy is below X (0–1)"),
            OptionSpec(name: .minF1, kind: .value(placeholder: "X"), help: "fail when macro F1 is below X (0–1)"),
            OptionSpec(name: .minCategoryF1, kind: .repeatable(placeholder: "CATEGORY=X"), help: "fail when a category's F1 is below X"),
            OptionSpec(name: .filter, kind: .repeatable(placeholder: "TEXT"), help: "run only the cases whose file, name or label contain TEXT"),
            OptionSpec(name: .coverage, help: "report which rules fired and which patterns and word-list entries matched, per rule file"),
            OptionSpec(name: .noExamples, help: "do not run the rules' own 'example' items"),
            OptionSpec(name: .watch, help: "run again whenever a rule file, fixture or corpus changes (until Ctrl-C)"),
            OptionSpec(name: .baseline, kind: .value(placeholder: "FILE"), help: "compare with recorded decisions; fail only on newly broken cases"),
            OptionSpec(name: .updateBaseline, help: "write this run's decisions to the --baseline file"),
            OptionSpec(name: .textField, kind: .value(placeholder: "NAME"), help: "corpus field holding the message", defaultValue: "text"),
            OptionSpec(name: .labelField, kind: .value(placeholder: "NAME"), help: "corpus field holding the expected category", defaultValue: "label"),
            OptionSpec(name: .secondaryField, kind: .value(placeholder: "NAME"), help: "corpus field holding the expected secondary category (checked only when given)"),
            OptionSpec(name: .idField, kind: .value(placeholder: "NAME"), help: "corpus field giving each record a stable id for baselines", defaultValue: "id"),
            TimeBudgetOption.spec,
            NowOption.spec,
            OptionSpec(name: .holdout, kind: .value(placeholder: "FRACTION"),
                       help: "also report corpus records held out by a hash of their id (e.g. 0.3) apart from the rest"),
            RulesOption.allowOutsideImportsSpec,
            JobsOption.spec,
            OptionSpec(name: .verbose, short: "v", help: "also list passing and todo cases"),
            OptionSpec(name: .noProgress, help: "never draw the progress bar"),
            .color("colour the text output"),
            .noPrefilter,
            .strictUTF8,
            .help,
        ],
        positionalName: "PATH",
        minPositionals: 0,
        maxPositionals: nil,
        discussion: """
        PATHs are fixture files (.triage), corpora (.jsonl, .csv with a header), directories
        (searched recursively; other files are skipped and counted) and globs ('fixtures/**/*.triage').
        With no PATH, the ./fixtures directory is used. The rules' own 'example' items always
        run too (not with --no-examples); they pass or fail but stay out of the metrics.

        A run fails when a fixture fails (a 'todo' fixture may fail), a minimum is not met, or an
        input cannot be read. Corpus records are gated by the minimums only. With --baseline, only
        cases that newly broke fail the run.

        exit codes: 0 passed, 1 rule errors, 2 failed, 64 usage error, 66 no inputs found.
        """
    )

    static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
        var exit = ExitCode.ok
        guard let parsed = TriageCommand.parse(arguments, spec: spec, io: io, exit: &exit) else { return exit }
        let style = TriageCommand.style(parsed.value(.color), io: io, stream: .stdout)
        let errorStyle = TriageCommand.style(parsed.value(.color), io: io, stream: .stderr)
        let settings: TestSettings
        do throws(UsageError) {
            settings = try TestSettings(parsed)
        } catch {
            return TriageCommand.usageError(error.message, command: spec, io: io)
        }

        var paths = parsed.positionals
        // No PATH: ./fixtures if there is one; the rules' own examples run either way.
        if paths.isEmpty && FileManager.default.fileExists(atPath: "fixtures") {
            paths = ["fixtures"]
        }
        let code = runOnce(parsed, settings: settings, paths: paths, style: style, errorStyle: errorStyle, io: io)
        guard parsed.flag(.watch) else { return code }
        return watch(parsed, settings: settings, paths: paths, style: style, errorStyle: errorStyle, io: io)
    }

    /// `--watch`: runs again whenever a rule file, fixture or corpus changes, until interrupted
    /// or standard output is gone.
    private static func watch(_ parsed: ParsedArguments, settings: TestSettings, paths: [String], style: TerminalStyle,
                              errorStyle: TerminalStyle, io: CommandIO) -> ExitCode {
        let reports = Set(ReportRegistry.testFiles.compactMap { parsed.value(OptionName($0.format)) } + [settings.baselinePath].compactMap { $0 })
        let roots = (paths + parsed.values(.rules)).map(TestInputCollector.watchRoot)
        let watcher = FileChangeWatcher(roots: roots, forcePolling: io.environment["TRIAGE_WATCH_POLL"] == "1") { path in
            !reports.contains(path) && TestInputCollector.isWatched(path)
        }
        while true {
            io.writeError(errorStyle.dim("watching \(roots.map { "'\($0)'" }.joined(separator: ", ")) for changes (\(watcher.mechanism.rawValue)); press Ctrl-C to stop") + "\n")
            let changed = watcher.waitForChange()
            if io.stdoutIsTerminal { io.write("\u{1B}[2J\u{1B}[H") }
            let names = changed.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
            io.write(style.dim("changed: \(TerminalText.escaped(names)); running again") + "\n\n")
            _ = runOnce(parsed, settings: settings, paths: paths, style: style, errorStyle: errorStyle, io: io)
            if io.writeFailed { return .ioError }
        }
    }

    /// One run: read the rules and the cases, classify, report. Rule errors and unreadable
    /// inputs end this run, not a `--watch` loop.
    private static func runOnce(_ parsed: ParsedArguments, settings: TestSettings, paths: [String], style: TerminalStyle,
                                errorStyle: TerminalStyle, io: CommandIO) -> ExitCode {
        let collected = TestInputCollector.collect(paths)
        for missing in collected.missing {
            io.error("\(TestInputCollector.isGlob(missing) ? "no files match" : "no such file or directory") '\(missing)'", style: errorStyle)
        }
        for unknown in collected.unknown {
            io.error("'\(unknown)' is neither a fixture (.triage) nor a corpus (.jsonl, .csv)", style: errorStyle)
        }
        if !collected.missing.isEmpty || !collected.unknown.isEmpty { return .noInput }

        guard let ruleSet = RulesOption(io: io, style: errorStyle).load(parsed) else {
            return .ruleErrors
        }

        let started = Date()
        // Blank messages cannot be classified: they are input problems, not silent passes.
        let (loaded, unreadable) = TestCaseLoader.load(collected, reader: settings.reader)
        let (labelled, unknownLabels) = LabelCheck.split(loaded, categories: ruleSet.categories.map(\.id))
        let problems = unreadable + unknownLabels
        let examples = parsed.flag(.noExamples) ? [] : TestCaseLoader.examples(of: ruleSet)
        if labelled.isEmpty && examples.isEmpty && problems.isEmpty {
            if paths.isEmpty {
                return TriageCommand.usageError("no PATH given, no ./fixtures directory here and no rule examples", command: spec, io: io)
            }
            io.error("no fixtures or corpus records found in \(paths.map { "'\($0)'" }.joined(separator: ", "))", style: errorStyle)
            return .noInput
        }
        let (cases, filteredOut) = settings.filter.apply(labelled + examples)
        if cases.isEmpty && problems.isEmpty {
            io.error("no case matches --filter \(settings.filter.texts.map { "'\($0)'" }.joined(separator: ", ")) (\(labelled.count + examples.count) case\(labelled.count + examples.count == 1 ? "" : "s") read)", style: errorStyle)
            return .noInput
        }

        let classifier = Classifier(ruleSet: ruleSet, usePrefilter: !parsed.flag(.noPrefilter), timeBudget: settings.timeBudget, today: settings.today)
        let results = runCases(cases, runner: TestRunner(classifier: classifier, collectsCoverage: parsed.flag(.coverage)), jobs: settings.jobs,
                               progress: !parsed.flag(.noProgress), io: io)
        var baseline: Baseline?
        switch resolveBaseline(settings, results: results, io: io, errorStyle: errorStyle) {
        case .success(let resolved): baseline = resolved
        case .failure(let failure): return failure.code
        }
        if filteredOut > 0 {
            // Cases the filter left out are not "no longer seen".
            let kept = Set(cases.map(\.id))
            let left = Set((labelled + examples).map(\.id)).subtracting(kept)
            if let decisions = baseline?.decisions {
                baseline?.decisions = decisions.filter { !left.contains($0.key) }
            }
        }

        var run = TestRun(results: results, problems: problems, skippedFiles: collected.skipped, ruleSet: ruleSet, gates: settings.gates,
                          baseline: baseline, seconds: Date().timeIntervalSince(started))
        run.filteredOut = filteredOut
        if parsed.flag(.coverage) { run.coverage = RuleCoverage(results: results, ruleSet: ruleSet) }
        let options = ReportOptions(style: style, verbose: parsed.flag(.verbose))
        io.write(ReportRegistry.test.render(run, as: .text, options: options) ?? "")
        if let coverage = run.coverage {
            io.write(TestCoverageReport(coverage: coverage, style: style).render())
        }
        if let holdout = settings.holdout {
            io.write(TestHoldoutReport(results: results, split: holdout, ruleSet: ruleSet, style: style).render())
        }
        if parsed.flag(OptionName(ReportFormat.github)) || io.environment["GITHUB_ACTIONS"] == "true" {
            io.write(ReportRegistry.test.render(run, as: .github, options: options) ?? "")
        }
        for reporter in ReportRegistry.testFiles {
            let option = OptionName(reporter.format)
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
            io.reportWriteFailure("report", detail: "\(results.count) case\(results.count == 1 ? " was" : "s were") checked and "
                                  + "\(problems.count) input problem\(problems.count == 1 ? "" : "s") found, but the report is incomplete",
                                  style: errorStyle)
            return .ioError
        }
        return run.passed ? .ok : .testsFailed
    }

    /// Classifies every case on `jobs` workers, with a progress bar on a terminal for long runs.
    private static func runCases(_ cases: [TestCase], runner: TestRunner, jobs: Int, progress: Bool, io: CommandIO) -> [CaseResult] {
        let bar = progress && io.stderrIsTerminal && cases.count >= 200 ? ProgressBar(io: io, total: cases.count, label: "testing") : nil
        var update: (@Sendable (Int) -> Void)?
        if let bar {
            update = { done in bar.update(done) }
        }
        let results = runner.run(cases, jobs: jobs, progress: update)
        bar?.finish()
        return results
    }

    private struct Stop: Error {
        let code: ExitCode
    }

    /// The baseline to compare with: written fresh with `--update-baseline`, else read.
    private static func resolveBaseline(_ settings: TestSettings, results: [CaseResult], io: CommandIO, errorStyle: TerminalStyle) -> Result<Baseline?, Stop> {
        guard let path = settings.baselinePath else { return .success(nil) }
        if settings.updateBaseline {
            let fresh = Baseline(results: results)
            do {
                try ReportFile.write(fresh.serialized(), to: path)
            } catch {
                io.error("cannot write baseline '\(path)': \(error.reason)", style: errorStyle)
                return .failure(Stop(code: .ioError))
            }
            return .success(fresh)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            return .failure(Stop(code: TriageCommand.usageError("baseline '\(path)' does not exist; create it with --update-baseline", command: spec, io: io)))
        }
        do {
            return .success(try Baseline.read(path))
        } catch {
            io.error("\(error.message)", style: errorStyle)
            return .failure(Stop(code: .noInput))
        }
    }
}
