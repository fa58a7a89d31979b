import Foundation
import Testing
import TriageSupport
@testable import TriageLSP

@Suite struct LanguageServerTests {
    static let common = """
    signal urgent "Now"
    entity order_id "order number" = /\\b\\d{3}-\\d{7}-\\d{7}\\b/ as order_id
    define late = words { late delayed }
    category other "Other" { playbook general }
    playbook general { step chat "Ask us." }

    """
    static let delivery = """
    # Délais — café ☕ before the rules
    category delivery.late "Late delivery" {
      playbook late_delivery
      description "The parcel is late"
    }
    rule parcel_is_late -> delivery.late {
      when late
    }
    rule hurry -> signal urgent {
      when words { asap }
    }
    playbook late_delivery "Late" {
      needs order_id "the order number"
      step chat "Ask about {order_id|your order}." when urgent
    }

    """

    @Test func answersMalformedMessagesWithErrorsAndKeepsGoing() {
        let client = LSPTestClient(initialize: false)
        #expect(client.send(raw: "{not json").first?["error"]?["code"] == .int(-32700))
        #expect(client.send(raw: "[1,2]").first?["error"]?["code"] == .int(-32600))
        #expect(client.send(raw: #"{"jsonrpc":"2.0","id":7,"method":3}"#).first?["error"]?["code"] == .int(-32600))
        #expect(client.send(raw: #"{"jsonrpc":"2.0","id":7,"method":3}"#).first?["id"] == .int(7))
        #expect(client.request("textDocument/hover", .object([]))["error"]?["code"] == .int(-32002))
        #expect(client.request("initialize", .object([]))["result"]?["capabilities"]?["hoverProvider"] == .bool(true))
        #expect(client.request("no/such", .object([]))["error"]?["code"] == .int(-32601))
        #expect(client.request("textDocument/hover", .object([]))["error"]?["code"] == .int(-32602))
        // Still answering after all that.
        #expect(client.request("shutdown", .null)["result"] == .null)
        #expect(client.request("textDocument/hover", .object([]))["error"]?["code"] == .int(-32600))
        client.notify("exit", .null)
        #expect(client.server.exitCode == 0)
    }

    @Test func exitWithoutShutdownIsAFailure() {
        let client = LSPTestClient()
        client.notify("exit", .null)
        #expect(client.server.exitCode == 1)
    }

    @Test func publishesDiagnosticsInUTF16AfterNonASCIIText() throws {
        let pack = try TemporaryPack(["common.rules": Self.common, "delivery.rules": Self.delivery])
        let client = LSPTestClient()
        let uri = pack.uri("delivery.rules")
        client.open(uri, Self.delivery)
        #expect(client.diagnostics()[uri]?.isEmpty ?? true)
        // An unsaved edit: "é😀 " before an undefined name; the buffer wins over the disk.
        let broken = Self.delivery.replacingOccurrences(of: "  when late\n", with: "  when /é😀/ or lte\n")
        client.notify("textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(uri), "version": 2]),
            "contentChanges": [.object(["text": .string(broken)])],
        ]))
        let diagnostics = try #require(client.diagnostics()[uri])
        let undefined = try #require(diagnostics.first { $0["code"] == "undefined-name" })
        // Line 6 is "  when /é😀/ or lte": 'lte' starts at UTF-16 column 16 (é is 1 unit, 😀 is 2; 15 characters, 19 bytes).
        #expect(undefined["range"]?["start"] == LSPTestClient.position(6, 16))
        #expect(undefined["range"]?["end"] == LSPTestClient.position(6, 19))
        #expect(undefined["severity"] == .int(1))
        // A link to the checkout's docs when the test binary sits in one, else no link at all.
        if LanguageServer.defaultDiagnosticsDocumentation != nil {
            #expect(undefined["codeDescription"]?["href"]?.string?.hasSuffix("diagnostics.md#undefined-name") == true)
        } else {
            #expect(undefined["codeDescription"] == nil)
        }
        #expect(undefined["message"]?.string?.contains("did you mean 'late'?") == true)
        // The quick fix for it.
        let actions = client.request("textDocument/codeAction", .object([
            "textDocument": .object(["uri": .string(uri)]),
            "range": .object(["start": LSPTestClient.position(6, 16), "end": LSPTestClient.position(6, 16)]),
            "context": .object(["diagnostics": .array([])]),
        ]))
        let action = try #require(actions["result"]?.array?.first)
        #expect(action["title"] == "change 'lte' to 'late'")
        #expect(action["edit"]?["changes"]?[uri]?.array?.first?["newText"] == "late")
    }

    @Test func relatedInformationPointsAtTheFirstDefinition() throws {
        let pack = try TemporaryPack(["common.rules": Self.common, "delivery.rules": Self.delivery + "define late = words { slow }\n"])
        let client = LSPTestClient()
        let uri = pack.uri("delivery.rules")
        client.open(uri, Self.delivery + "define late = words { slow }\n")
        let duplicate = try #require(client.diagnostics()[uri]?.first { $0["code"] == "duplicate-definition" })
        let related = try #require(duplicate["relatedInformation"]?.array?.first)
        #expect(related["location"]?["uri"]?.string == pack.uri("common.rules"))
        #expect(related["location"]?["range"]?["start"] == LSPTestClient.position(2, 7))
    }

    @Test func navigatesAcrossFiles() throws {
        let pack = try TemporaryPack(["common.rules": Self.common, "delivery.rules": Self.delivery])
        let client = LSPTestClient()
        let uri = pack.uri("delivery.rules")
        client.open(uri, Self.delivery)
        // 'late' in "  when late" (line 6).
        let definition = client.request("textDocument/definition", LSPTestClient.at(uri, 6, 8))["result"]
        #expect(definition?["uri"]?.string == pack.uri("common.rules"))
        #expect(definition?["range"]?["start"] == LSPTestClient.position(2, 7))
        var params = LSPTestClient.at(uri, 6, 8)
        if case .object(var members) = params { members.append(JSONMember("context", .object(["includeDeclaration": true]))); params = .object(members) }
        let references = try #require(client.request("textDocument/references", params)["result"]?.array)
        #expect(references.count == 2)
        // The entity used in a template and in needs.
        let entityReferences = try #require(client.request("textDocument/references", LSPTestClient.at(uri, 12, 9))["result"]?.array)
        #expect(entityReferences.count == 3)
        // A category: its description and playbook in hover.
        let hover = client.request("textDocument/hover", LSPTestClient.at(uri, 5, 26))["result"]?["contents"]?["value"]?.string ?? ""
        #expect(hover.contains("The parcel is late"))
        #expect(hover.contains("playbook `late_delivery`"))
        // A word list: which rules use it.
        let listHover = client.request("textDocument/hover", LSPTestClient.at(uri, 6, 8))["result"]?["contents"]?["value"]?.string ?? ""
        #expect(listHover.contains("used by rule `parcel_is_late`"))
        // A keyword.
        let keyword = client.request("textDocument/hover", LSPTestClient.at(uri, 6, 3))["result"]?["contents"]?["value"]?.string ?? ""
        #expect(keyword.contains("The condition that makes a rule fire"))
    }

    @Test func renamesEverywhereAndRefusesExistingNames() throws {
        let pack = try TemporaryPack(["common.rules": Self.common, "delivery.rules": Self.delivery])
        let client = LSPTestClient()
        let uri = pack.uri("delivery.rules")
        client.open(uri, Self.delivery)
        var params = LSPTestClient.at(uri, 6, 8)
        if case .object(var members) = params { members.append(JSONMember("newName", "tardy")); params = .object(members) }
        let changes = try #require(client.request("textDocument/rename", params)["result"]?["changes"])
        #expect(changes[uri]?.array?.count == 1)
        #expect(changes[pack.uri("common.rules")]?.array?.count == 1)
        if case .object(var members) = params { members.removeLast(); members.append(JSONMember("newName", "order_id")); params = .object(members) }
        let refused = client.request("textDocument/rename", params)
        #expect(refused["error"]?["message"]?.string?.contains("entity named 'order_id' already exists") == true)
        if case .object(var members) = params { members.removeLast(); members.append(JSONMember("newName", "not")); params = .object(members) }
        #expect(client.request("textDocument/rename", params)["error"] != nil)
    }

    @Test func completesByContext() throws {
        let pack = try TemporaryPack(["common.rules": Self.common])
        let client = LSPTestClient()
        let uri = pack.uri("new.rules")
        let text = "rule r -> \nplaybook p { step  }\nrule s -> other {\n  when \n}\n"
        client.open(uri, text)
        func labels(_ line: Int, _ character: Int) -> [String] {
            (client.request("textDocument/completion", LSPTestClient.at(uri, line, character))["result"]?["items"]?.array ?? []).compactMap { $0["label"]?.string }
        }
        #expect(labels(0, 10).contains("other"))
        #expect(labels(0, 10).contains("signal"))
        #expect(labels(1, 18) == ["self_service", "chat", "phone", "email"])
        #expect(labels(3, 7).contains("late"))
        #expect(labels(3, 7).contains("order_id"))
        #expect(labels(3, 7).contains("negated"))
        #expect(labels(5, 0).contains("category"))
    }

    @Test func formatsAndRefusesBrokenFiles() throws {
        let client = LSPTestClient()
        client.open("untitled:a", "define   x =   words {  late }\ncategory other \"Other\" { playbook p }\nplaybook p { step chat \"x\" }\n")
        let edits = try #require(client.request("textDocument/formatting", .object(["textDocument": .object(["uri": "untitled:a"]), "options": .object(["tabSize": 2, "insertSpaces": true])]))["result"]?.array)
        #expect(edits.first?["newText"]?.string?.hasPrefix("define x = words { late }\n") == true)
        client.open("untitled:b", "rule {")
        let refused = client.request("textDocument/formatting", .object(["textDocument": .object(["uri": "untitled:b"])]))
        #expect(refused["error"]?["message"]?.string?.contains("syntax errors") == true)
    }

    @Test func listsDocumentSymbols() throws {
        let client = LSPTestClient()
        client.open("untitled:s", Self.common)
        let symbols = try #require(client.request("textDocument/documentSymbol", .object(["textDocument": .object(["uri": "untitled:s"])]))["result"]?.array)
        #expect(symbols.compactMap { $0["name"]?.string } == ["urgent", "order_id", "late", "other", "general"])
    }
}
