import TriageEvaluation

extension TestCommand {
    /// Report formats written to files besides JSON: `--junit` and `--html`.
    static func extraReports(_ run: TestRun) -> [(option: String, render: () -> String)] {
        [
            ("junit", { TestJUnitReport(run: run).render() }),
            ("html", { TestHTMLReport(run: run).render() }),
        ]
    }
}
