import Foundation
import Testing

/// Compares rendered output with a checked-in golden file; `TRIAGE_RECORD=1 swift test`
/// rewrites the goldens instead, for review in the diff.
public enum GoldenFile {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["TRIAGE_RECORD"] == "1" }

    public static func check(_ actual: String, against path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if isRecording {
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("missing golden file \(path); run with TRIAGE_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("output differs from \(path) (TRIAGE_RECORD=1 re-records):\n\(actual)", sourceLocation: sourceLocation)
        }
    }

    /// Every file with the extension in the folder `Goldens` beside the calling test file.
    public static func inputs(extension ext: String, besides file: String = #filePath) -> [String] {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Goldens").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { folder + "/" + $0 }
    }
}
