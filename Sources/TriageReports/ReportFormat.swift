/// The name of an output format as users type it: `--format sarif`, `triage test --junit FILE`.
/// Declared once here; commands, `--help`, completion and docs read them from ``ReportRegistry``.
public struct ReportFormat: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static let text = ReportFormat(rawValue: "text")
    public static let json = ReportFormat(rawValue: "json")
    public static let sarif = ReportFormat(rawValue: "sarif")
    public static let github = ReportFormat(rawValue: "github")
    public static let junit = ReportFormat(rawValue: "junit")
    public static let html = ReportFormat(rawValue: "html")
}
