import Foundation
import Testing
import TriageSupport
@testable import TriageLSP

/// Drives a `LanguageServer` in-process: requests are answered synchronously, and every
/// message the server sends is kept.
final class LSPTestClient {
    private(set) var sent: [JSONValue] = []
    private var nextID = 1
    let server: LanguageServer

    init(initialize: Bool = true) {
        let collector = Collector()
        server = LanguageServer { collector.messages.append($0) }
        self.collector = collector
        if initialize {
            _ = request("initialize", .object(["processId": .null, "capabilities": .object([])]))
            notify("initialized", .object([]))
        }
    }

    final class Collector { var messages: [JSONValue] = [] }
    private let collector: Collector

    func send(raw body: String) -> [JSONValue] {
        let before = collector.messages.count
        server.receive(body: Data(body.utf8))
        return Array(collector.messages[before...])
    }

    /// The response to a request (the whole message: `result` or `error`).
    func request(_ method: String, _ params: JSONValue) -> JSONValue {
        let id = nextID
        nextID += 1
        let before = collector.messages.count
        server.receive(body: Data(JSONValue.object(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]).text.utf8))
        return collector.messages[before...].first { $0["id"] == .int(id) } ?? .null
    }

    func notify(_ method: String, _ params: JSONValue) {
        server.receive(body: Data(JSONValue.object(["jsonrpc": "2.0", "method": .string(method), "params": params]).text.utf8))
    }

    /// Publishes pending diagnostics and returns them by URI.
    func diagnostics() -> [String: [JSONValue]] {
        let before = collector.messages.count
        server.flush()
        var result: [String: [JSONValue]] = [:]
        for message in collector.messages[before...] where message["method"]?.string == "textDocument/publishDiagnostics" {
            result[message["params"]?["uri"]?.string ?? ""] = message["params"]?["diagnostics"]?.array ?? []
        }
        return result
    }

    func open(_ uri: String, _ text: String) {
        notify("textDocument/didOpen", .object(["textDocument": .object(["uri": .string(uri), "languageId": "triage", "version": 1, "text": .string(text)])]))
    }

    static func position(_ line: Int, _ character: Int) -> JSONValue { .object(["line": .int(line), "character": .int(character)]) }

    static func at(_ uri: String, _ line: Int, _ character: Int) -> JSONValue {
        .object(["textDocument": .object(["uri": .string(uri)]), "position": position(line, character)])
    }
}

/// A temporary directory with rule files, removed at the end.
final class TemporaryPack {
    let path: String

    init(_ files: [String: String]) throws {
        path = DocumentURI.canonical(FileManager.default.temporaryDirectory.appendingPathComponent("triage-lsp-\(UUID().uuidString)").path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
    }

    func uri(_ name: String) -> String { DocumentURI.uri(forPath: path + "/" + name) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
