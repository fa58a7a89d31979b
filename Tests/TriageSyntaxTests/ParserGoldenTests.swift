import Foundation
import Testing
import TriageTestSupport
import TriageSyntax

/// Each `Goldens/*.rules` file is parsed; its diagnostics and syntax tree must equal
/// `Goldens/*.golden`.
@Suite struct ParserGoldenTests {
    static let inputs = GoldenFile.inputs(extension: "rules")

    @Test func thereAreGoldenInputs() {
        #expect(Self.inputs.count >= 10)
    }

    @Test(arguments: inputs)
    func parseMatchesGolden(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let (file, diagnostics) = Parser.parse(SourceFile(path: name, text: text))
        let rendered = DiagnosticRenderer().render(diagnostics)
        let output = "--- diagnostics (\(diagnostics.count)) ---\n" + rendered + "--- tree ---\n" + SyntaxTreeDumper.dump(file)
        GoldenFile.check(output, against: String(path.dropLast(".rules".count)) + ".golden")
    }
}
