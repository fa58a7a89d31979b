import TriageLint
import TriageSupport
import TriageSyntax

/// `triage lint --format sarif`: SARIF 2.1.0, one run, the lint checks and every compile
/// diagnostic id as rules with metadata, columns in Unicode code points.
///
/// Every rule names its documentation, `docs/diagnostics.md#ID` in the Triage repository, in
/// `help.text`. SARIF's `helpUri` and `informationUri` must be absolute URIs, and a build of
/// Triage knows no public address for its docs, so they are written only with
/// `--help-base-url URL` (the URL of the `docs/` directory): `URL/diagnostics.md#ID`.
struct LintSARIFReport: Reporter {
    static let format = ReportFormat.sarif
    static let summary = "SARIF 2.1.0 for code-scanning dashboards"

    let result: Linter.Result
    /// The absolute URL of the `docs/` directory, without a final '/'; nil: no URIs.
    let helpBaseURL: String?

    /// Where the catalogue lives, relative to the repository's root.
    static let catalogue = "docs/diagnostics.md"

    init(_ output: LintOutput, options: ReportOptions) {
        result = output.result
        helpBaseURL = output.helpBaseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }

    func render() -> String {
        // Rules: every lint check, then the compile diagnostic ids that occur.
        var rules: [JSONValue] = []
        var index: [String: Int] = [:]
        for check in Linter.checks {
            index[check.id.rawValue] = rules.count
            rules.append(rule(id: check.id.rawValue, summary: check.summary, detail: check.rationale, level: check.severity, enabled: check.onByDefault))
        }
        for d in result.diagnostics where index[d.id.rawValue] == nil {
            index[d.id.rawValue] = rules.count
            rules.append(rule(id: d.id.rawValue, summary: "rule file \(d.severity.rawValue): \(d.id.rawValue.replacingOccurrences(of: "-", with: " "))", detail: nil, level: d.severity))
        }
        let results: [JSONValue] = result.diagnostics.map { d in
            var members = [
                JSONMember("ruleId", .string(d.id.rawValue)), JSONMember("ruleIndex", .int(index[d.id.rawValue]!)),
                JSONMember("level", .string(level(d.severity))),
                JSONMember("message", .object([JSONMember("text", .string(d.message + (d.hint.map { ". hint: " + $0 } ?? "")))])),
            ]
            if let location = location(file: d.file, span: d.span) { members.append(JSONMember("locations", .array([location]))) }
            let related = d.notes.compactMap { note -> JSONValue? in
                guard let location = location(file: note.file, span: note.span) else { return nil }
                return .object(location.objectMembers + [JSONMember("message", .object([JSONMember("text", .string(note.message))]))])
            }
            if !related.isEmpty { members.append(JSONMember("relatedLocations", .array(related))) }
            return .object(members)
        }
        var driver = [JSONMember("name", "triage"), JSONMember("semanticVersion", .string(TriageVersion.current))]
        if let helpBaseURL { driver.append(JSONMember("informationUri", .string(helpBaseURL + "/diagnostics.md"))) }
        driver.append(JSONMember("rules", .array(rules)))
        let run: JSONValue = .object([
            JSONMember("tool", .object([JSONMember("driver", .object(driver))])),
            JSONMember("columnKind", "unicodeCodePoints"),
            JSONMember("results", .array(results)),
        ])
        return JSONWriter.write(.object([
            JSONMember("$schema", "https://json.schemastore.org/sarif-2.1.0.json"),
            JSONMember("version", "2.1.0"),
            JSONMember("runs", .array([run])),
        ]), pretty: true) + "\n"
    }

    private func rule(id: String, summary: String, detail: String?, level: Diagnostic.Severity, enabled: Bool = true) -> JSONValue {
        var members = [
            JSONMember("id", .string(id)),
            JSONMember("name", .string(id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())),
            JSONMember("shortDescription", .object([JSONMember("text", .string(summary))])),
        ]
        if let detail { members.append(JSONMember("fullDescription", .object([JSONMember("text", .string(detail))]))) }
        members.append(JSONMember("help", .object([JSONMember("text", .string("documented in \(Self.catalogue)#\(id) in the Triage repository"))])))
        if let helpBaseURL { members.append(JSONMember("helpUri", .string("\(helpBaseURL)/diagnostics.md#\(id)"))) }
        // A check a pack must turn on (`lint { enable … }`) says so, as SARIF lets it.
        members.append(JSONMember("defaultConfiguration", .object([JSONMember("level", .string(self.level(level)))]
                                                                 + (enabled ? [] : [JSONMember("enabled", .bool(false))]))))
        return .object(members)
    }

    private func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    private func location(file: SourceFile?, span: SourceSpan?) -> JSONValue? {
        guard let file else { return nil }
        var physical = [JSONMember("artifactLocation", .object([JSONMember("uri", .string(file.path))]))]
        if let span {
            let start = file.location(of: span.start), end = file.location(of: max(span.end, span.start))
            physical.append(JSONMember("region", .object([
                JSONMember("startLine", .int(start.line)), JSONMember("startColumn", .int(start.column)),
                JSONMember("endLine", .int(end.line)), JSONMember("endColumn", .int(max(end.column, start.column + (end.line == start.line ? 0 : 0)))),
            ])))
        }
        return .object([JSONMember("physicalLocation", .object(physical))])
    }
}
