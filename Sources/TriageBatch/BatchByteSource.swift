import Foundation
import TriageSupport

/// The bytes of one batch input, read a block at a time so a 1 GB file is never in memory:
/// a file, standard input, or (in in-process tests) the captured standard input.
final class BatchByteSource {
    private enum Origin {
        case descriptor(Int32, closeWhenDone: Bool)
        case data(Data)
    }

    private var origin: Origin
    private var dataOffset = 0
    /// The size when known in advance (regular files), for the progress bar.
    let size: Int?

    private init(origin: Origin, size: Int?) {
        self.origin = origin
        self.size = size
    }

    deinit {
        if case .descriptor(let fd, true) = origin { close(fd) }
    }

    /// Opens a file; the error is the reason, worded for "cannot read 'PATH': …".
    static func file(_ path: String) -> Result<BatchByteSource, BatchReadError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(BatchReadError(message: "no such file"))
        }
        guard !isDirectory.boolValue else { return .failure(BatchReadError(message: "it is a directory")) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(BatchReadError(message: String(cString: strerror(errno)))) }
        var info = stat()
        let size = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        return .success(BatchByteSource(origin: .descriptor(fd, closeWhenDone: true), size: size))
    }

    /// Standard input: descriptor 0 for the real process, the captured bytes in tests.
    static func standardInput(captured: Data?) -> BatchByteSource {
        if let captured {
            return BatchByteSource(origin: .data(captured), size: nil)
        }
        return BatchByteSource(origin: .descriptor(0, closeWhenDone: false), size: nil)
    }

    /// Whether `read` would return at once. False only for a pipe or terminal with nothing
    /// waiting, so a slow producer (`tail -f | triage batch`) gets its results without waiting
    /// for a full chunk.
    var isReady: Bool {
        guard case .descriptor(let fd, _) = origin else { return true }
        var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) != 0
    }

    /// The next block of at most `maximum` bytes; nil at the end.
    func read(maximum: Int) throws(BatchReadError) -> [UInt8]? {
        switch origin {
        case .data(let data):
            guard dataOffset < data.count else { return nil }
            let end = min(data.count, dataOffset + maximum)
            defer { dataOffset = end }
            return [UInt8](data[(data.startIndex + dataOffset)..<(data.startIndex + end)])
        case .descriptor(let fd, _):
            while true {
                var failure: Int32 = 0
                let block = [UInt8](unsafeUninitializedCapacity: maximum) { buffer, count in
                    let result = Glibc.read(fd, buffer.baseAddress, maximum)
                    count = max(0, result)
                    if result < 0 { failure = errno }
                }
                if failure == EINTR {
                    // A stop signal ends the input where it is; the runner then stops.
                    if StopSignals.requested != nil { return nil }
                    continue
                }
                if failure != 0 { throw BatchReadError(message: String(cString: strerror(failure))) }
                return block.isEmpty ? nil : block
            }
        }
    }
}
