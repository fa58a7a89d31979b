/// One input record of `triage batch` as read, before it is decoded and classified: the
/// reading thread only splits the input, the workers do the rest in parallel.
struct BatchRecord: Sendable {
    enum Content: Sendable {
        /// `lines`: the raw bytes of the line, without its line break.
        case plain([UInt8])
        /// `jsonl`: the raw bytes of the line.
        case json([UInt8])
        /// `csv`: the message (nil when the column is missing), the other columns as compact
        /// JSON members, the problem that makes it an error record, if any, and why its lines
        /// are not valid UTF-8 (decoded with U+FFFD in their place), if they are not.
        case fields(text: String?, passThrough: String, problem: String?, invalidUTF8: String?)
        /// Cannot be read at all: too long, or broken CSV.
        case unreadable(String)
    }

    /// As given on the command line; "-" for standard input.
    let file: String
    /// The 1-based line the record starts on.
    let line: Int
    let content: Content

    /// Why `bytes` are not UTF-8 ("not valid UTF-8: byte 0xFF at column 7"), or nil when they are.
    /// Columns count characters, like every position Triage prints.
    static func invalidUTF8(_ bytes: some Collection<UInt8>) -> String? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        var column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                column += 1
            case .emptyInput:
                return nil
            case .error:
                let byte = bytes[bytes.index(bytes.startIndex, offsetBy: offset)]
                return "not valid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) at column \(column)"
            }
        }
    }
}

extension BatchRecord {
    /// Roughly the input bytes the record holds, to bound the memory of a chunk.
    var size: Int {
        switch content {
        case .plain(let bytes), .json(let bytes): bytes.count
        case .fields(let text, let passThrough, _, _): (text?.utf8.count ?? 0) + passThrough.utf8.count
        case .unreadable(let reason): reason.utf8.count
        }
    }
}
