import Foundation
import Testing
import TriageEngine
import TriagePCRE2

/// PCRE2 stays inside the engine: the engine's own limit types mirror it exactly, and no
/// other module imports it (docs/architecture.md).
@Suite struct PCRE2SealTests {
    @Test func engineLimitsDefaultToPCRE2Standard() {
        let engine = MatchLimits(), regex = RegexLimits.standard
        #expect(engine.matchLimit == regex.matchLimit)
        #expect(engine.depthLimit == regex.depthLimit)
        #expect(engine.heapLimitKiB == regex.heapLimitKiB)
        #expect(engine.jitStackMaxBytes == regex.jitStackMaxBytes)
    }

    @Test func limitKindsKeepTheirNames() {
        #expect(MatchLimitKind.allCases.map(\.rawValue) == RegexLimitKind.allCases.map(\.rawValue))
    }

    @Test func onlyTheEngineImportsPCRE2() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        var offenders: [String] = []
        for file in files where !file.hasPrefix("TriagePCRE2/") {
            let text = try String(contentsOfFile: sources.path + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasSuffix("import TriagePCRE2") {
                if !file.hasPrefix("TriageEngine/") || !line.hasPrefix("internal import") { offenders.append(file) }
            }
        }
        #expect(offenders.isEmpty, "import TriagePCRE2 outside the engine, or not internal: \(offenders)")
    }
}
