import Foundation
import Testing
@testable import TriageEvaluation

@Suite struct GlobTests {
    @Test func directoriesRecurseGlobsExpandAndOtherFilesAreCounted() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("triage-glob-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for file in ["a/x.triage", "a/b/y.triage", "a/b/notes.md", "c/data.jsonl", "c/data.csv", "c/.hidden.triage"] {
            let path = root + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "x".write(toFile: path, atomically: true, encoding: .utf8)
        }
        let all = TestInputCollector.collect([root])
        #expect(all.fixtures.map { $0.replacingOccurrences(of: root + "/", with: "") } == ["a/b/y.triage", "a/x.triage"])
        #expect(all.corpora.count == 2)
        #expect(all.skipped.count == 1)

        let glob = TestInputCollector.collect([root + "/**/*.triage", root + "/c/*.jsonl", root + "/nothing/*.triage"])
        #expect(glob.fixtures.map { $0.replacingOccurrences(of: root + "/", with: "") } == ["a/b/y.triage", "a/x.triage"])
        #expect(glob.corpora.map { $0.replacingOccurrences(of: root + "/", with: "") } == ["c/data.jsonl"])
        #expect(glob.missing == [root + "/nothing/*.triage"])

        let explicit = TestInputCollector.collect([root + "/a/b/notes.md", root + "/missing.triage"])
        #expect(explicit.unknown.count == 1)
        #expect(explicit.missing.count == 1)
    }
}
