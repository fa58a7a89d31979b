import TriageLint

/// What `triage lint` reports: the findings and how many files were read.
public struct LintOutput {
    public let result: Linter.Result
    public let fileCount: Int
    /// `--help-base-url`: the absolute URL of the repository's `docs/` directory, so SARIF rules
    /// link to `diagnostics.md#ID` there; nil when none was given.
    public let helpBaseURL: String?

    public init(result: Linter.Result, fileCount: Int, helpBaseURL: String? = nil) {
        self.result = result
        self.fileCount = fileCount
        self.helpBaseURL = helpBaseURL
    }
}
