import Foundation
import TriageSupport
import TriageSyntax

/// A Language Server Protocol (3.17) server for rule files. It is fed framed messages one at
/// a time and answers through `output`; `StdioConnection` wires it to stdin and stdout.
/// Diagnostics are computed when the input goes quiet (`flush`), so a burst of keystrokes
/// costs one lint of the pack, not one per keystroke. Features live in the
/// `LanguageServer+…` extensions.
public final class LanguageServer {
    public typealias Output = (JSONValue) -> Void

    enum State { case uninitialized, running, shuttingDown }

    /// Where each diagnostic id is documented, a `#id` is appended; `initializationOptions`
    /// `{"diagnosticsDocumentation": "https://…/diagnostics.md"}` points it elsewhere. By
    /// default the `docs/diagnostics.md` of the checkout the binary was built in (found by
    /// walking up from the executable), as a `file:` URL; nil when there is none, and then
    /// diagnostics carry no link rather than a made-up one.
    public static let defaultDiagnosticsDocumentation: String? = {
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("docs/diagnostics.md")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.absoluteString }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()

    let output: Output
    var state = State.uninitialized
    var diagnosticsDocumentation: String? = LanguageServer.defaultDiagnosticsDocumentation
    /// Open documents by URI.
    var documents: [String: TextDocument] = [:]
    /// Analyses by pack key (the pack's directory, or the URI of a document without a path).
    var analyses: [String: PackAnalysis] = [:]
    var stale: Set<String> = []
    /// Packs whose diagnostics are to be published at the next `flush`.
    var unpublished: Set<String> = []
    /// URIs given non-empty diagnostics, to clear when that changes.
    var publishedURIs: Set<String> = []
    /// Set by the `exit` notification: 0 after `shutdown`, 1 without.
    public private(set) var exitCode: Int32?

    public init(output: @escaping Output) {
        self.output = output
    }

    /// True when `flush` has diagnostics to publish.
    public var hasPendingWork: Bool { !unpublished.isEmpty }

    // MARK: Messages

    public func receive(_ frame: MessageFramer.Frame) {
        switch frame {
        case .malformed(let reason):
            output(JSONRPCMessage.response(id: .null, error: .parseError("malformed message header: \(reason)")))
        case .message(let body):
            receive(body: body)
        }
    }

    public func receive(body: Data) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(body)
        } catch {
            output(JSONRPCMessage.response(id: .null, error: .parseError("the message is not valid JSON")))
            return
        }
        let message: JSONRPCMessage
        do {
            message = try JSONRPCMessage.read(value)
        } catch {
            output(JSONRPCMessage.response(id: error.id, error: error.error))
            return
        }
        switch message {
        case .request(let id, let method, let params): handleRequest(id: id, method: method, params: params)
        case .notification(let method, let params): handleNotification(method: method, params: params)
        case .response: break
        }
    }

    private func handleRequest(id: JSONValue, method: String, params: JSONValue) {
        if state == .uninitialized && method != "initialize" {
            output(JSONRPCMessage.response(id: id, error: .serverNotInitialized))
            return
        }
        if state == .shuttingDown {
            output(JSONRPCMessage.response(id: id, error: .invalidRequest("the server is shutting down")))
            return
        }
        do {
            let result = try answer(method: method, params: params)
            output(JSONRPCMessage.response(id: id, result: result))
        } catch let error as JSONRPCError {
            output(JSONRPCMessage.response(id: id, error: error))
        } catch {
            output(JSONRPCMessage.response(id: id, error: .internalError("'\(method)' failed: \(error)")))
        }
    }

    private func answer(method: String, params: JSONValue) throws -> JSONValue {
        switch method {
        case "initialize": return initialize(params)
        case "shutdown":
            // What the client was about to be told, it is told before the end.
            flush()
            state = .shuttingDown
            return .null
        case "textDocument/formatting": return try formatting(params)
        case "textDocument/definition": return try definition(params)
        case "textDocument/references": return try references(params)
        case "textDocument/hover": return try hover(params)
        case "textDocument/completion": return try completion(params)
        case "textDocument/documentSymbol": return try documentSymbols(params)
        case "textDocument/prepareRename": return try prepareRename(params)
        case "textDocument/rename": return try rename(params)
        case "textDocument/codeAction": return try codeActions(params)
        default: throw JSONRPCError.methodNotFound(method)
        }
    }

    private func handleNotification(method: String, params: JSONValue) {
        switch method {
        case "exit":
            exitCode = state == .shuttingDown ? 0 : 1
        case "initialized", "$/cancelRequest", "$/setTrace", "textDocument/didSave", "workspace/didChangeConfiguration":
            break
        default:
            guard state == .running else { return }
            // A notification cannot be answered: a bad one is reported in the editor's log.
            do {
                switch method {
                case "textDocument/didOpen": try didOpen(params)
                case "textDocument/didChange": try didChange(params)
                case "textDocument/didClose": try didClose(params)
                case "workspace/didChangeWatchedFiles": invalidateAll()
                default: break
                }
            } catch let error as JSONRPCError {
                log("'\(method)' ignored: \(error.message)")
            } catch {
                log("'\(method)' ignored: \(error)")
            }
        }
    }

    func log(_ message: String) {
        output(JSONRPCMessage.notification(method: "window/logMessage", params: .object(["type": 2, "message": .string(message)])))
    }

    private func initialize(_ params: JSONValue) -> JSONValue {
        state = .running
        if let url = params["initializationOptions"]?["diagnosticsDocumentation"]?.string { diagnosticsDocumentation = url }
        return .object([
            "capabilities": .object([
                "positionEncoding": "utf-16",
                "textDocumentSync": .object(["openClose": true, "change": 2, "save": .object(["includeText": false])]),
                "documentFormattingProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "hoverProvider": true,
                "completionProvider": .object(["triggerCharacters": [">", " ", "("], "resolveProvider": false]),
                "documentSymbolProvider": true,
                "renameProvider": .object(["prepareProvider": true]),
                "codeActionProvider": .object(["codeActionKinds": ["quickfix"]]),
            ]),
            "serverInfo": .object(["name": "triage", "version": "0.1.0"]),
        ])
    }

    // MARK: Documents and positions

    /// The open document a request names.
    func document(_ params: JSONValue) throws -> TextDocument {
        guard let uri = params["textDocument"]?["uri"]?.string else { throw JSONRPCError.invalidParams("missing textDocument.uri") }
        guard let document = documents[uri] else { throw JSONRPCError.invalidParams("document '\(uri)' is not open") }
        return document
    }

    /// The document and the UTF-8 offset of the request's `position`.
    func documentAndOffset(_ params: JSONValue) throws -> (TextDocument, Int) {
        let document = try document(params)
        guard let position = LanguageServer.position(params["position"]) else { throw JSONRPCError.invalidParams("missing or invalid position") }
        return (document, document.lines.offset(of: position))
    }

    static func position(_ value: JSONValue?) -> LineTable.Position? {
        guard let line = value?["line"]?.int, let character = value?["character"]?.int, line >= 0, character >= 0 else { return nil }
        return LineTable.Position(line: line, character: character)
    }

    static func range(_ value: JSONValue?) -> (start: LineTable.Position, end: LineTable.Position)? {
        guard let start = position(value?["start"]), let end = position(value?["end"]) else { return nil }
        return (start, end)
    }

    /// The path under which the pack's analysis knows a document.
    func sourcePath(of document: TextDocument) -> String { document.path ?? document.uri }

    /// The URI to name a file of a pack: the open document's own URI when there is one.
    func uri(forPath path: String) -> String {
        if let open = documents.values.first(where: { sourcePath(of: $0) == path }) { return open.uri }
        return path.hasPrefix("/") ? DocumentURI.uri(forPath: path) : path
    }

    static func json(_ position: LineTable.Position) -> JSONValue {
        .object(["line": .int(position.line), "character": .int(position.character)])
    }

    static func json(_ span: SourceSpan, _ lines: LineTable) -> JSONValue {
        .object(["start": json(lines.position(of: span.start)), "end": json(lines.position(of: span.end))])
    }

    func location(path: String, span: SourceSpan, in analysis: PackAnalysis) -> JSONValue? {
        guard let lines = analysis.lines(of: path) else { return nil }
        return .object(["uri": .string(uri(forPath: path)), "range": LanguageServer.json(span, lines)])
    }
}
