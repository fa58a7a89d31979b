import Foundation

/// Whether the address-space limit (`ulimit -v`, RLIMIT_AS) leaves room to read and classify
/// one message. Swift stops the process when an allocation fails ("failed to allocate"), so
/// without this check a large message under a tight limit was a crash; now it is refused
/// with the numbers. The estimate is the measured bound of docs/limits.md, rounded up.
enum MemoryHeadroom {
    /// Peak memory per byte of message, and per line on top (each turn of a transcript keeps
    /// its text, its prefilter windows and its slots): measured by `scripts/memory-bounds.sh`.
    static let bytesPerMessageByte = 8
    static let bytesPerLine = 512
    /// Reading a file: the bytes, their String, and the buffer's growth.
    static let bytesPerFileByte = 3

    /// About how much memory classifying `text` takes.
    static func estimate(_ text: String) -> Int {
        var text = text
        text.makeContiguousUTF8()
        let lines = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        } ?? 1
        return text.utf8.count * bytesPerMessageByte + lines * bytesPerLine
    }

    /// The address space left under the limit, or nil when there is no limit.
    static func available() -> Int? {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").first.flatMap({ Int($0) }) else { return nil }
        return max(0, Int(clamping: limit.rlim_cur) - pages * Int(sysconf(Int32(_SC_PAGESIZE))))
    }

    /// Why `what` cannot be done in the memory left, or nil when it can (or nothing limits it).
    static func refusal(needed: Int, for what: String) -> String? {
        guard let available = available(), needed > available else { return nil }
        return "\(what) needs about \(megabytes(needed)) MB of memory and the address-space limit (ulimit -v) leaves "
            + "\(megabytes(available)) MB; raise the limit or give a smaller message"
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1e6)
    }
}
