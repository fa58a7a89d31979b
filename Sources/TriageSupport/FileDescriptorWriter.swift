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
