import TriageLint

/// What `triage lint` reports: the findings and how many files were read.
public struct LintOutput {
    public let result: Linter.Result
    public let fileCount: Int

    public init(result: Linter.Result, fileCount: Int) {
        self.result = result
        self.fileCount = fileCount
    }
}
