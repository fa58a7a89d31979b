import Foundation

/// Writes all of a buffer to a file descriptor: `write(2)` may take only part of it, and may be
/// interrupted by a signal; both are retried, anything else is the error to report.
public enum FileDescriptorWriter {
    /// nil when every byte was written, else the `errno` of the failed write.
    public static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { raw -> Int32? in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }
}

extension FileDescriptorWriter {
    /// How far ``writeLines(_:to:stopRequested:)`` got.
    public struct LinesWritten: Equatable, Sendable {
        /// Complete lines written (line breaks written).
        public var lines = 0
        /// True when it stopped early because a stop was requested.
        public var stopped = false
        /// The `errno` of a failed write, or nil.
        public var error: Int32?
    }

    /// Writes lines (each ending with `\n`), stopping only between lines: when `stopRequested`
    /// says so, the line being written is finished and the lines not yet started are not
    /// written, so the output never ends in half a line. A write interrupted by a signal
    /// (`EINTR`, or fewer bytes than asked) is where the request is seen.
    public static func writeLines(_ data: Data, to descriptor: Int32, stopRequested: () -> Bool) -> LinesWritten {
        var result = LinesWritten()
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var offset = 0
            while offset < bytes.count {
                var end = bytes.count
                if stopRequested() {
                    if offset == 0 || bytes[offset - 1] == UInt8(ascii: "\n") {
                        result.stopped = true
                        break
                    }
                    end = (bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count - 1) + 1
                }
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, end - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    result.error = errno
                    break
                }
                offset += written
            }
            result.lines = bytes[..<offset].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        }
        return result
    }
}
