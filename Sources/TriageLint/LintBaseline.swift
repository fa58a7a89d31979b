import Foundation
import TriageSupport
import TriageSyntax

/// `triage lint --baseline FILE`: the findings a team has accepted, so only new ones are
/// reported. Findings are matched by id, file and message (not line, which moves with every
/// edit), as a multiset: two identical findings need two entries.
public struct LintBaseline: Sendable {
    public static let schema = "triage.lint-baseline"
    private var counts: [String: Int] = [:]

    public init(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { counts[LintBaseline.key(diagnostic), default: 0] += 1 }
    }

    public struct ReadError: Error, Sendable {
        public let message: String
    }

    public init(json data: Data) throws(ReadError) {
        guard let object = try? JSONReader.parse(data), object["schema"]?.string == LintBaseline.schema,
              let findings = object["findings"]?.array else {
            throw ReadError(message: "not a lint baseline (a JSON object with \"schema\": \"\(LintBaseline.schema)\"); write one with --update-baseline")
        }
        for finding in findings {
            guard let id = finding["id"]?.string, let file = finding["file"]?.string, let message = finding["message"]?.string else {
                throw ReadError(message: "a finding without \"id\", \"file\" and \"message\"")
            }
            counts[id + "\u{1}" + file + "\u{1}" + message, default: 0] += 1
        }
    }

    /// The findings not in the baseline, and how many were.
    public func newFindings(_ diagnostics: [Diagnostic]) -> (new: [Diagnostic], known: Int) {
        var remaining = counts
        var new: [Diagnostic] = []
        for diagnostic in diagnostics {
            let key = LintBaseline.key(diagnostic)
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
            } else {
                new.append(diagnostic)
            }
        }
        return (new, diagnostics.count - new.count)
    }

    /// The baseline as JSON, findings sorted, one per line.
    public static func json(for diagnostics: [Diagnostic]) -> String {
        func quoted(_ text: String) -> String {
            JSONWriter.write(.string(text), pretty: false)
        }
        let lines = diagnostics.map { d in
            "    {\"id\": \(quoted(d.id.rawValue)), \"file\": \(quoted(d.file?.path ?? "")), \"message\": \(quoted(d.message))}"
        }.sorted()
        return "{\n  \"schema\": \"\(schema)\",\n  \"version\": 1,\n  \"findings\": [\n" + lines.joined(separator: ",\n") + (lines.isEmpty ? "" : "\n") + "  ]\n}\n"
    }

    private static func key(_ diagnostic: Diagnostic) -> String {
        diagnostic.id.rawValue + "\u{1}" + (diagnostic.file?.path ?? "") + "\u{1}" + diagnostic.message
    }
}
