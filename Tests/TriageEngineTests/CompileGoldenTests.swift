import Foundation
import Testing
import TriageTestSupport
import TriageEngine
import TriageSyntax

/// Each `Goldens/*.rules` file, or `Goldens/*.pack` folder, is loaded and compiled; the
/// rendered diagnostics must equal the `.golden` file beside it.
@Suite struct CompileGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens").path
    static let inputs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".rules") || $0.hasSuffix(".pack") }.sorted()
    }()

    @Test func thereAreGoldenInputs() {
        #expect(Self.inputs.count >= 4)
    }

    @Test(arguments: inputs)
    func compileMatchesGolden(_ name: String) {
        let (ruleSet, diagnostics) = RuleEngine.compile(paths: [Self.folder + "/" + name])
        let rendered = DiagnosticRenderer().render(diagnostics).replacingOccurrences(of: Self.folder + "/", with: "")
        let status = ruleSet == nil ? "not compiled" : "compiled: \(ruleSet!.rules.count) rules, \(ruleSet!.patterns.count) patterns"
        let output = "--- \(status), \(diagnostics.count) diagnostics ---\n" + rendered
        let base = name.hasSuffix(".rules") ? String(name.dropLast(".rules".count)) : String(name.dropLast(".pack".count))
        GoldenFile.check(output, against: Self.folder + "/" + base + ".golden")
    }
}
