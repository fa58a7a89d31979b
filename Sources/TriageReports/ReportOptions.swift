import TriageSupport

/// How a report is drawn, apart from what it reports: colour for text, layout for JSON, detail.
public struct ReportOptions: Sendable {
    /// Colour for text reports (``TerminalStyle/plain`` when the output is not a terminal).
    public var style: TerminalStyle
    /// JSON reports: indented (`true`) or one line.
    public var pretty: Bool
    /// Text reports: list passing and todo cases too.
    public var verbose: Bool

    public init(style: TerminalStyle = .plain, pretty: Bool = true, verbose: Bool = false) {
        self.style = style
        self.pretty = pretty
        self.verbose = verbose
    }
}
