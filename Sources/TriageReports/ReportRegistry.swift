import TriageEvaluation
import TriageLint
import TriageSuggest

/// The single list of output formats per command: argument parsing, `--help`, completion,
/// the man page and docs/cli.md all read their format names from here.
public enum ReportRegistry {
    /// `triage classify --format`.
    public static let classify = [RegisteredReporter(ClassificationTextReport.self), RegisteredReporter(ClassificationJSONReport.self)]
    /// `triage lint --format`.
    public static let lint = [RegisteredReporter(LintTextReport.self), RegisteredReporter(LintJSONReport.self),
                              RegisteredReporter(LintSARIFReport.self), RegisteredReporter(LintGitHubReport.self)]
    /// `triage test`: text on standard output, GitHub annotations with `--github`; the others
    /// are written to the file given with the option named like the format (`--junit FILE`).
    public static let test = [RegisteredReporter(TestTextReport.self), RegisteredReporter(TestGitHubReport.self),
                              RegisteredReporter(TestJSONReport.self), RegisteredReporter(TestJUnitReport.self), RegisteredReporter(TestHTMLReport.self)]
    /// The test reports written to files: `--json FILE`, `--junit FILE`, `--html FILE`.
    public static let testFiles = test.filter { ![ReportFormat.text, .github].contains($0.format) }
    /// `triage suggest --format`.
    public static let suggest = [RegisteredReporter(SuggestTextReport.self), RegisteredReporter(SuggestJSONReport.self)]
}

extension Array {
    /// The reporter for a format name, nil when the command has no such format.
    public func reporter<Subject>(_ format: ReportFormat) -> RegisteredReporter<Subject>? where Element == RegisteredReporter<Subject> {
        first { $0.format == format }
    }

    /// Format names in registry order, for `allowedValues` and completion.
    public func formatNames<Subject>() -> [String] where Element == RegisteredReporter<Subject> {
        map(\.format.rawValue)
    }

    /// Renders `subject` in `format`; nil when there is no such format.
    public func render<Subject>(_ subject: Subject, as format: ReportFormat, options: ReportOptions) -> String? where Element == RegisteredReporter<Subject> {
        reporter(format)?.render(subject, options: options)
    }
}
