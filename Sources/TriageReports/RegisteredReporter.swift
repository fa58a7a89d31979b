/// A reporter as the registry lists it: its format, its `--help` line, and how to render a
/// subject with it. (A plain value rather than an existential metatype, which the compiler
/// handles poorly with primary associated types.)
public struct RegisteredReporter<Subject>: Sendable {
    public let format: ReportFormat
    public let summary: String
    private let make: @Sendable (Subject, ReportOptions) -> String

    public init<R: Reporter>(_ type: R.Type) where R.Subject == Subject {
        format = R.format
        summary = R.summary
        make = { R($0, options: $1).render() }
    }

    public func render(_ subject: Subject, options: ReportOptions = ReportOptions()) -> String {
        make(subject, options)
    }
}
