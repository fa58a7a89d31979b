import Foundation
import TriageSupport

/// Writes a file named on the command line (`--json FILE`, a baseline). A regular file, or
/// one that does not exist yet, is replaced atomically so a reader never sees half of it.
/// Anything else — `/dev/stdout`, `/dev/full`, a FIFO — is written in place: renaming over
/// it would replace the device with a plain file and hide a full disk or a closed pipe.
enum ReportFile {
    struct Failure: Error {
        /// Why, from the operating system: "No space left on device".
        let reason: String
    }

    static func write(_ text: String, to path: String) throws(Failure) {
        var info = stat()
        if stat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG {
            try writeInPlace(Data(text.utf8), to: path)
            return
        }
        // Through a symbolic link to a regular file, replace the file and keep the link.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        do {
            try Data(text.utf8).write(to: target, options: .atomic)
        } catch {
            throw Failure(reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }

    private static func writeInPlace(_ data: Data, to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_TRUNC)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        var failure = FileDescriptorWriter.writeAll(data, to: descriptor).map { String(cString: strerror($0)) }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw Failure(reason: failure) }
    }
}
