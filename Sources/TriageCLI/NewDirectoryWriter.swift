import Foundation

/// Writes files into a directory that is new or empty, never replacing a file: `triage init`
/// and `triage pack export` share it.
enum NewDirectoryWriter {
    struct Refusal: Error {
        let message: String
        var hint: String?
    }

    /// `files` are paths relative to `directory`; created with their folders.
    static func write(_ files: [(path: String, contents: String)], into directory: String, command: String) throws(Refusal) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Refusal(message: "'\(directory)' exists and is not a directory") }
            guard ((try? manager.contentsOfDirectory(atPath: directory)) ?? []).isEmpty else {
                throw Refusal(message: "'\(directory)' is not empty; \(command) never overwrites files", hint: "pick a new directory")
            }
        }
        do {
            for file in files {
                let target = URL(fileURLWithPath: directory).appendingPathComponent(file.path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                // withoutOverwriting: a file that appeared meanwhile is an error, not replaced.
                try Data(file.contents.utf8).write(to: target, options: .withoutOverwriting)
            }
        } catch {
            throw Refusal(message: "cannot write in '\(directory)': \(error.localizedDescription)")
        }
    }
}
