import TriageLint
import TriageSupport
import TriageSyntax

/// `triage lint --format json`: schema `triage.lint`, version 1.
struct LintJSONReport: Reporter {
    static let format = ReportFormat.json
    static let summary = "schema triage.lint, version 1 (docs/cli.md)"

    let result: Linter.Result

    init(_ output: LintOutput, options: ReportOptions) {
        result = output.result
    }

    func render() -> String {
        let diagnostics: [JSONValue] = result.diagnostics.map { d in
            var members = [JSONMember("id", .string(d.id.rawValue)), JSONMember("severity", .string(d.severity.rawValue)), JSONMember("message", .string(d.message))]
            members += LintJSONReport.location(file: d.file, span: d.span)
            members.append(JSONMember("hint", d.hint.map { .string($0) } ?? .null))
            members.append(JSONMember("notes", .array(d.notes.map { note in .object([JSONMember("message", .string(note.message))] + LintJSONReport.location(file: note.file, span: note.span)) })))
            return .object(members)
        }
        return JSONWriter.write(.object([
            JSONMember("schema", "triage.lint"), JSONMember("version", 1),
            JSONMember("errors", .int(result.errors)), JSONMember("warnings", .int(result.warnings)), JSONMember("suppressed", .int(result.suppressed)),
            JSONMember("diagnostics", .array(diagnostics)),
        ]), pretty: true) + "\n"
    }

    static func location(file: SourceFile?, span: SourceSpan?) -> [JSONMember] {
        guard let file else { return [JSONMember("file", .null)] }
        guard let span else { return [JSONMember("file", .string(file.path))] }
        let start = file.location(of: span.start), end = file.location(of: span.end)
        return [JSONMember("file", .string(file.path)), JSONMember("line", .int(start.line)), JSONMember("column", .int(start.column)),
                JSONMember("end_line", .int(end.line)), JSONMember("end_column", .int(end.column))]
    }
}
