import Foundation
import TriageSupport
import TriageSyntax

/// Open, changed and closed documents; the analysis of their packs; published diagnostics.
extension LanguageServer {
    func didOpen(_ params: JSONValue) throws {
        guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else {
            throw JSONRPCError.invalidParams("didOpen needs textDocument.uri and .text")
        }
        documents[uri] = TextDocument(uri: uri, version: item["version"]?.int ?? 0, text: text)
        invalidateAll()
    }

    func didChange(_ params: JSONValue) throws {
        var document = try document(params)
        guard let changes = params["contentChanges"]?.array else { throw JSONRPCError.invalidParams("didChange needs contentChanges") }
        let version = params["textDocument"]?["version"]?.int ?? document.version + 1
        for change in changes {
            guard let text = change["text"]?.string else { throw JSONRPCError.invalidParams("a content change needs text") }
            if change["range"] != nil {
                guard let range = LanguageServer.range(change["range"]) else { throw JSONRPCError.invalidParams("invalid range in a content change") }
                document.apply(range: range, text: text, version: version)
            } else {
                document.apply(range: nil, text: text, version: version)
            }
        }
        documents[document.uri] = document
        invalidateAll()
    }

    func didClose(_ params: JSONValue) throws {
        let document = try document(params)
        documents[document.uri] = nil
        if publishedURIs.remove(document.uri) != nil { publish([], uri: document.uri, version: nil) }
        // The file on disk counts again for the rest of its pack.
        invalidateAll()
    }

    /// Any change can matter to any pack (imports, a file in a parent directory): every
    /// analysis is redone when next needed, and every open pack's diagnostics republished.
    func invalidateAll() {
        stale.formUnion(analyses.keys)
        unpublished.formUnion(documents.values.map(packKey(of:)))
    }

    /// The pack a document belongs to: its directory, or itself when it has no path.
    func packKey(of document: TextDocument) -> String {
        guard let path = document.path else { return document.uri }
        return (path as NSString).deletingLastPathComponent
    }

    /// The current analysis of a document's pack, redone if anything changed since.
    func analysis(of document: TextDocument) -> PackAnalysis {
        let key = packKey(of: document)
        if let analysis = analyses[key], !stale.contains(key) { return analysis }
        let analysis: PackAnalysis
        if document.path != nil {
            var overlay: [String: String] = [:]
            for open in documents.values { if let path = open.path { overlay[path] = open.text } }
            analysis = PackAnalysis.directory(key, overlay: overlay)
        } else {
            analysis = PackAnalysis.standalone(path: document.uri, text: document.text)
        }
        analyses[key] = analysis
        stale.remove(key)
        return analysis
    }

    /// Publishes the diagnostics of every pack changed since the last call.
    public func flush() {
        let keys = unpublished
        unpublished = []
        for key in keys.sorted() {
            let open = documents.values.filter { packKey(of: $0) == key }.sorted { $0.uri < $1.uri }
            guard let first = open.first else { continue }
            let analysis = analysis(of: first)
            let packWide = analysis.packDiagnostics
            for document in open {
                let path = sourcePath(of: document)
                let own = analysis.diagnostics.filter { $0.file?.path == path }
                let converted = (own + packWide).map { lspDiagnostic($0, in: analysis, fallbackLines: document.lines) }
                publish(converted, uri: document.uri, version: document.version)
                if converted.isEmpty { publishedURIs.remove(document.uri) } else { publishedURIs.insert(document.uri) }
            }
        }
    }

    func publish(_ diagnostics: [JSONValue], uri: String, version: Int?) {
        var params: [JSONMember] = [JSONMember("uri", .string(uri))]
        if let version { params.append(JSONMember("version", .int(version))) }
        params.append(JSONMember("diagnostics", .array(diagnostics)))
        output(JSONRPCMessage.notification(method: "textDocument/publishDiagnostics", params: .object(params)))
    }

    /// A Triage diagnostic as LSP has it: the id as `code` with a link to its documentation,
    /// the hint after the message, notes as related information.
    func lspDiagnostic(_ diagnostic: Diagnostic, in analysis: PackAnalysis, fallbackLines: LineTable) -> JSONValue {
        let lines = diagnostic.file.flatMap { analysis.lines(of: $0.path) } ?? fallbackLines
        let range = diagnostic.span.map { LanguageServer.json($0, lines) } ?? LanguageServer.json(SourceSpan(start: 0, end: 0), lines)
        let severity: Int
        switch diagnostic.severity {
        case .error: severity = 1
        case .warning: severity = 2
        case .note: severity = 3
        }
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += "\nhint: \(hint)" }
        var members: [JSONMember] = [
            JSONMember("range", range),
            JSONMember("severity", .int(severity)),
            JSONMember("code", .string(diagnostic.id.rawValue)),
            JSONMember("source", "triage"),
            JSONMember("message", .string(message)),
        ]
        if let documentation = diagnosticsDocumentation {
            members.insert(JSONMember("codeDescription", .object(["href": .string(documentation + "#" + diagnostic.id.rawValue)])), at: 3)
        }
        let related: [JSONValue] = diagnostic.notes.compactMap { note in
            guard let file = note.file ?? diagnostic.file else { return nil }
            let noteLines = analysis.lines(of: file.path) ?? LineTable(file.text)
            let span = note.span ?? SourceSpan(start: 0, end: 0)
            return .object([
                "location": .object(["uri": .string(uri(forPath: file.path)), "range": LanguageServer.json(span, noteLines)]),
                "message": .string(note.message),
            ])
        }
        if !related.isEmpty { members.append(JSONMember("relatedInformation", .array(related))) }
        return .object(members)
    }
}
