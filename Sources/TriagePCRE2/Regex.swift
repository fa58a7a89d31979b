import CPCRE2
import Synchronization

/// A compiled PCRE2 pattern, JIT-compiled the first time it is matched. Shared freely across
/// threads: PCRE2 documents compiled code as read-only during matching, and the one-time JIT
/// compilation runs under a lock before any thread matches with the pattern.
///
/// The JIT waits for the first match because a rule pack has hundreds of patterns and one
/// message needs few of them: compiling them all up front was most of a cold `triage classify`.
public final class Regex: @unchecked Sendable {
    public let pattern: String
    public let options: RegexOptions
    /// Named groups and their numbers, sorted by number.
    public let namedGroups: [(name: String, number: Int)]
    public let captureCount: Int
    /// Whether the pattern may use `\G` (anchored at the offset a match attempt starts from):
    /// such a pattern is never matched in windows (``RegexMatcher``), which would move that offset.
    public let usesStartOffsetAnchor: Bool
    let code: OpaquePointer
    /// 0: not JIT-compiled yet, 1: JIT-compiled, 2: the JIT declined (the interpreter matches).
    private let jitState = Atomic<UInt8>(0)
    private let jitLock = Mutex<Void>(())

    public init(_ pattern: String, options: RegexOptions = []) throws(RegexCompileError) {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let compileOptions = options.rawValue | RegexOptions.always
        var copy = pattern
        let compiled: OpaquePointer? = copy.withUTF8 { bytes in
            pcre2_compile_8(bytes.baseAddress, bytes.count, compileOptions, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw RegexCompileError(code: errorCode, message: Regex.message(for: errorCode), utf8Offset: errorOffset)
        }
        self.pattern = pattern
        self.options = options
        self.code = compiled

        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        self.captureCount = Int(count)
        self.usesStartOffsetAnchor = Regex.containsStartOffsetAnchor(pattern)
        self.namedGroups = Regex.readNameTable(compiled)
    }

    deinit { pcre2_code_free_8(code) }

    /// Whether the source has `\G`, read as bytes: word lists compile to sources of hundreds
    /// of kilobytes, where a String search cost more than compiling them.
    private static func containsStartOffsetAnchor(_ pattern: String) -> Bool {
        var previous: UInt8 = 0
        for byte in pattern.utf8 {
            if previous == UInt8(ascii: "\\") && byte == UInt8(ascii: "G") { return true }
            previous = byte
        }
        return false
    }

    /// Whether matching uses JIT code, compiling it on the first call.
    public var isJITCompiled: Bool {
        switch jitState.load(ordering: .acquiring) {
        case 1: return true
        case 2: return false
        default:
            return jitLock.withLock { _ in
                let state = jitState.load(ordering: .acquiring)
                if state != 0 { return state == 1 }
                let compiled = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE)) == 0
                jitState.store(compiled ? 1 : 2, ordering: .releasing)
                return compiled
            }
        }
    }

    /// PCRE2's own text for an error code, e.g. "missing closing parenthesis".
    public static func message(for errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { pointer in
            pcre2_get_error_message_8(errorCode, pointer.baseAddress, pointer.count)
        }
        guard length > 0 else { return "unknown pcre2 error \(errorCode)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }

    private static func readNameTable(_ code: OpaquePointer) -> [(name: String, number: Int)] {
        var nameCount: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>? = nil
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &nameCount)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard nameCount > 0, let table else { return [] }
        var result: [(name: String, number: Int)] = []
        for entry in 0..<Int(nameCount) {
            // Each entry: group number as two big-endian bytes, then the NUL-terminated name.
            let start = table + entry * Int(entrySize)
            let number = Int(start[0]) << 8 | Int(start[1])
            var nameBytes: [UInt8] = []
            var cursor = start + 2
            while cursor.pointee != 0 && cursor < start + Int(entrySize) {
                nameBytes.append(cursor.pointee)
                cursor += 1
            }
            result.append((String(decoding: nameBytes, as: UTF8.self), number))
        }
        return result.sorted { $0.number < $1.number }
    }
}
