import Foundation
import Testing

/// Every diagnostic id the front end and the compiler can emit has an entry in
/// docs/diagnostics.md, so the catalogue cannot fall behind the code.
@Suite struct DiagnosticCatalogueTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func emittedIDs() throws -> Set<String> {
        var ids = Set<String>()
        let pattern = try NSRegularExpression(pattern: #"(?:\.error|\.warning|[^a-zA-Z]error|failure\(id:)\(?\s*"([a-z0-9]+(?:-[a-z0-9]+)+)""#)
        for module in ["TriageSyntax", "TriageEngine"] {
            let folder = root.appendingPathComponent("Sources/\(module)").path
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".swift") {
                let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    ids.insert(String(text[Range(match.range(at: 1), in: text)!]))
                }
            }
        }
        return ids
    }

    @Test func everyEmittedIDIsCatalogued() throws {
        let catalogue = try String(contentsOf: Self.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        let ids = try Self.emittedIDs()
        #expect(ids.count >= 40)
        for id in ids.sorted() {
            #expect(catalogue.contains("### `\(id)`"), "docs/diagnostics.md has no entry for '\(id)'")
        }
    }
}
