import CPCRE2

/// A compiled, JIT-compiled PCRE2 pattern. Immutable after init, so it is shared freely
/// across threads; PCRE2 documents compiled code as read-only during matching.
public final class Regex: @unchecked Sendable {
    public let pattern: String
    public let options: RegexOptions
    /// Named groups and their numbers, sorted by number.
    public let namedGroups: [(name: String, number: Int)]
    public let captureCount: Int
    public let isJITCompiled: Bool
    let code: OpaquePointer

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
        self.isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0

        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        self.captureCount = Int(count)
        self.namedGroups = Regex.readNameTable(compiled)
    }

    deinit { pcre2_code_free_8(code) }

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
