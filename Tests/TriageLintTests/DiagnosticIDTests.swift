import Foundation
import Testing
import TriageEngine
import TriageLint
import TriageSyntax

/// The registry of diagnostic ids against itself and against docs/diagnostics.md: every
/// declared id is documented and every documented id is declared, with no scraping of sources.
@Suite struct DiagnosticIDTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func idsAreUniqueKebabCaseAndDeclaredOnce() {
        let raw = DiagnosticID.all.map(\.rawValue)
        #expect(Set(raw).count == raw.count, "an id is listed twice: \(raw.sorted())")
        #expect(DiagnosticID.syntaxIDs.count + DiagnosticID.compileIDs.count + DiagnosticID.lintIDs.count == raw.count)
        for id in raw {
            let words = id.split(separator: "-", omittingEmptySubsequences: false)
            #expect(words.count >= 2 && words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } },
                    "'\(id)' is not kebab-case")
        }
    }

    @Test func summariesAreOneLowerCaseLineWithoutAFullStop() {
        for id in DiagnosticID.all {
            #expect(!id.summary.isEmpty && !id.summary.contains("\n"), "'\(id)'")
            #expect(!id.summary.hasSuffix("."), "'\(id)' summary ends with a full stop")
            #expect(id.summary.first.map { !$0.isUppercase } == true, "'\(id)' summary starts upper case")
        }
    }

    @Test func userTextIsLookedUpInTheRegistry() {
        for id in DiagnosticID.all { #expect(DiagnosticID.named(id.rawValue) == id) }
        #expect(DiagnosticID.named("unused-defintion") == nil)
        #expect(DiagnosticID.named("") == nil)
        #expect(DiagnosticID.lintIDs.contains(.unusedDefinition))
        #expect(Set(Linter.checks.map(\.id)).isSubset(of: Set(DiagnosticID.lintIDs)))
    }

    /// Every declared id has a `### \`id\`` entry in docs/diagnostics.md, and every entry there
    /// is a declared id.
    @Test func docsCatalogueMatchesTheDeclaredIDs() throws {
        let docs = try String(contentsOf: Self.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        let documented = docs.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("### `"), line.hasSuffix("`") else { return nil }
            return String(line.dropFirst(5).dropLast())
        }
        #expect(Set(documented).count == documented.count, "docs/diagnostics.md documents an id twice")
        let declared = Set(DiagnosticID.all.map(\.rawValue))
        for id in DiagnosticID.all.map(\.rawValue) where !documented.contains(id) {
            Issue.record("docs/diagnostics.md has no entry '### `\(id)`'")
        }
        for id in documented where !declared.contains(id) {
            Issue.record("docs/diagnostics.md documents '\(id)', which no DiagnosticID declares")
        }
    }

    /// The ids no golden file or other test shows, each emitted here (the rest are in the
    /// Goldens folders' rendered output, the lint checks' examples, or asserted by name in the
    /// engine's tests).
    @Test(arguments: [
        (DiagnosticID.emptyPhrase, "category c \"C\" { playbook general }\nrule r -> c { when \"\" }"),
        (DiagnosticID.emptyWordList, "category c \"C\" { playbook general }\nrule r -> c { when words { } }"),
        (DiagnosticID.emptyRuleFile, "# nothing but a comment\n"),
    ])
    func idIsEmitted(_ id: DiagnosticID, _ text: String) {
        let pack = RulePackLoader.load(embedded: [(path: "example.rules", contents: text)], root: "")
        let diagnostics = pack.diagnostics + RulePackCompiler.compile(pack).1
        #expect(diagnostics.contains { $0.id == id }, "'\(id)' not emitted: \(diagnostics.map(\.id))")
    }

    @Test func binaryFileIsEmitted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-binary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.rules")
        try Data([0x64, 0x00, 0x65]).write(to: file)
        #expect(RuleEngine.compile(paths: [file.path]).1.map(\.id) == [.binaryFile])
    }
}
