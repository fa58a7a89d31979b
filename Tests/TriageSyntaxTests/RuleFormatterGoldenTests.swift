import Foundation
import Testing
import TriageTestSupport
import TriageSyntax

/// Each `FormatterGoldens/*.rules` file (messy layout, comments everywhere) is formatted; the
/// result must equal `FormatterGoldens/*.formatted` and format to itself.
@Suite struct RuleFormatterGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FormatterGoldens").path
    static let inputs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".rules") }.sorted()
    }()

    @Test func thereAreGoldenInputs() {
        #expect(Self.inputs.count >= 3)
    }

    @Test(arguments: inputs)
    func formatMatchesGolden(_ name: String) throws {
        let text = try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)
        let formatted = try #require(format(text, path: name))
        GoldenFile.check(formatted, against: Self.folder + "/" + String(name.dropLast(".rules".count)) + ".formatted")
        #expect(format(formatted, path: name) == formatted, "formatting the golden output again changes it")
    }

    private func format(_ text: String, path: String) -> String? {
        switch RuleFormatter.format(SourceFile(path: path, text: text)) {
        case .success(let formatted): return formatted
        case .failure(.syntaxErrors(let diagnostics)):
            Issue.record("\(path) does not parse:\n\(DiagnosticRenderer().render(diagnostics))")
        case .failure(.internalError(let problem)):
            Issue.record("\(path): \(problem)")
        }
        return nil
    }
}
