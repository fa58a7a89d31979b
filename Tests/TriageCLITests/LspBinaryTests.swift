import Foundation
import Testing

/// `triage lsp` through the built executable: JSON-RPC with Content-Length framing on its
/// stdin and stdout, as an editor speaks it.
@Suite struct LspBinaryTests {
    static func frame(_ json: String) -> Data { Data("Content-Length: \(json.utf8.count)\r\n\r\n\(json)".utf8) }

    /// Splits the server's output into its JSON messages.
    static func messages(_ output: String) throws -> [[String: Any]] {
        var result: [[String: Any]] = []
        var rest = Data(output.utf8)
        while let header = rest.firstRange(of: Data("\r\n\r\n".utf8)) {
            let text = String(decoding: rest[rest.startIndex..<header.lowerBound], as: UTF8.self)
            let length = try #require(Int(text.replacingOccurrences(of: "Content-Length: ", with: "")))
            let body = rest[header.upperBound..<(header.upperBound + length)]
            result.append(try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any]))
            rest = Data(rest[(header.upperBound + length)...])
        }
        return result
    }

    @Test func speaksJSONRPCAndExitsCleanly() throws {
        var input = Data()
        input += Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
        input += Self.frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        input += Data("Content-Length: 9\r\n\r\n{broken!}".utf8)
        let text = #"# café ☕\nrule r -> nowhere { when \"x\" }\n"#
        input += Self.frame(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:x","languageId":"triage","version":1,"text":"\#(text)"}}}"#)
        input += Self.frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
        input += Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let result = try BinaryTests().launch(["lsp"], stdin: input)
        #expect(result.status == 0)
        let messages = try Self.messages(result.stdout)
        #expect((messages.first?["result"] as? [String: Any])?["capabilities"] != nil)
        #expect(messages.contains { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 })
        let published = try #require(messages.first { $0["method"] as? String == "textDocument/publishDiagnostics" })
        let diagnostics = try #require((published["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]])
        let undefined = try #require(diagnostics.first { $0["code"] as? String == "undefined-name" })
        let start = try #require((undefined["range"] as? [String: Any])?["start"] as? [String: Int])
        #expect(start == ["line": 1, "character": 10])
        // A binary built inside this checkout links to the checkout's docs; one built elsewhere
        // (a separate scratch path, as the sanitizer runs use) carries no link.
        let executable = try #require(BinaryTests.executable)
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let href = (undefined["codeDescription"] as? [String: Any])?["href"] as? String
        if URL(fileURLWithPath: executable).resolvingSymlinksInPath().path.hasPrefix(checkout.resolvingSymlinksInPath().path + "/") {
            #expect(href == checkout.appendingPathComponent("docs/diagnostics.md").absoluteString + "#undefined-name")
        } else {
            #expect(href == nil)
        }
        #expect(messages.contains { $0["id"] as? Int == 2 && $0.keys.contains("result") })
    }

    @Test func endsWhenStandardInputCloses() throws {
        let result = try BinaryTests().launch(["lsp"], stdin: Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#))
        #expect(result.status == 0)
        #expect(try Self.messages(result.stdout).count == 1)
    }
}
