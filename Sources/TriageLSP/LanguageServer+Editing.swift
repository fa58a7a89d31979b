import TriageSupport
import TriageSyntax

/// Formatting in the `triage fmt` layout, and quick fixes.
extension LanguageServer {
    func formatting(_ params: JSONValue) throws -> JSONValue {
        let document = try document(params)
        switch RuleFormatter.format(SourceFile(path: sourcePath(of: document), text: document.text)) {
        case .failure(.syntaxErrors(let diagnostics)):
            let first = diagnostics.first { $0.severity == .error }.map { ": \(DiagnosticRenderer.oneLine($0))" } ?? ""
            throw JSONRPCError.requestFailed("the file has syntax errors, so it was not formatted\(first)")
        case .failure(.internalError(let problem)):
            throw JSONRPCError.requestFailed("formatting went wrong, so the file was left as it is: \(problem)")
        case .success(let formatted):
            guard formatted != document.text else { return .array([]) }
            let whole = LanguageServer.json(SourceSpan(start: 0, end: document.lines.utf8Count), document.lines)
            return .array([.object(["range": whole, "newText": .string(formatted)])])
        }
    }

    func codeActions(_ params: JSONValue) throws -> JSONValue {
        let document = try document(params)
        guard let range = LanguageServer.range(params["range"]) else { throw JSONRPCError.invalidParams("missing or invalid range") }
        let start = document.lines.offset(of: range.start), end = document.lines.offset(of: range.end)
        let analysis = analysis(of: document)
        let path = sourcePath(of: document)
        var actions: [JSONValue] = []
        for diagnostic in analysis.diagnostics where diagnostic.file?.path == path {
            guard let span = diagnostic.span, span.start <= end, start <= span.end, let fix = QuickFix.fix(for: diagnostic) else { continue }
            let edit: JSONValue = .object(["range": LanguageServer.json(fix.span, document.lines), "newText": .string(fix.newText)])
            actions.append(.object([
                "title": .string(fix.title),
                "kind": "quickfix",
                "diagnostics": [lspDiagnostic(diagnostic, in: analysis, fallbackLines: document.lines)],
                "isPreferred": true,
                "edit": .object(["changes": .object([JSONMember(document.uri, .array([edit]))])]),
            ]))
        }
        return .array(actions)
    }
}
