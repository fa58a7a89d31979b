/// One output format of one command (SwiftLint's `Reporter`): the format's name, a line for
/// `--help`, and how to draw a subject — a classification, a lint result, a test run, a
/// suggestion report. Adding a format is adding one type and one entry in ``ReportRegistry``.
public protocol Reporter<Subject>: SendableMetatype {
    associatedtype Subject
    /// The name users type.
    static var format: ReportFormat { get }
    /// What the format gives, for `--help` ("write a JUnit XML report").
    static var summary: String { get }

    init(_ subject: Subject, options: ReportOptions)

    /// The whole report, ending in a line break where the format has lines.
    func render() -> String
}

extension Reporter {
    /// Writes the report to a sink: standard output, a file's text, a test's string.
    public func write(to sink: inout some TextOutputStream) {
        sink.write(render())
    }
}
