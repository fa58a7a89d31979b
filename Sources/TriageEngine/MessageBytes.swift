import Foundation

/// The bytes of one message checked before classification, for `triage classify`, every
/// batch record and every `triage test` case alike: size, NUL bytes, UTF-8 and emptiness,
/// each refused with a clear reason; bytes that are not UTF-8 repaired (U+FFFD) unless strict.
public struct MessageBytes: Sendable {
    /// Largest message accepted, in bytes (docs/limits.md).
    public static let maximumBytes = RuleLimits.maximumMessageBytes
    /// The id of the warning given for input decoded with replacement characters.
    public static let repairedWarning = "input_repaired"

    /// Why a message cannot be classified, worded "ORIGIN: reason".
    public struct Refusal: Error, Sendable {
        public let message: String
    }

    /// The first byte of some input that is not UTF-8, and where it is.
    public struct InvalidByte: Sendable, Equatable {
        /// Byte offset in the input.
        public let offset: Int
        public let byte: UInt8
        /// 1-based line and column (in characters, like every position Triage prints).
        public let line: Int
        public let column: Int

        /// `input is not valid UTF-8 (byte 0xE9 at offset 21)`.
        public var description: String {
            "input is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset))"
        }
    }

    /// What follows the place of a repaired input: the bad bytes were replaced.
    public static let repairNote = "each invalid byte was replaced with U+FFFD"

    public let text: String
    /// Where the message came from, for error messages: "argument", "stdin" or the path.
    public let origin: String
    /// When the input was not valid UTF-8 and was decoded with U+FFFD for each bad byte:
    /// where the first bad byte was (the `input_repaired` warning).
    public let repair: String?

    /// Bytes that are not UTF-8 are refused with `strictUTF8`, else decoded with U+FFFD in
    /// their place and reported in `repair`: a support message with one stray Latin-1 byte is
    /// still a message.
    public static func validate(_ data: Data, origin: String, strictUTF8: Bool = true) throws(Refusal) -> MessageBytes {
        if data.count > maximumBytes {
            throw Refusal(message: "\(origin): message is larger than \(maximumBytes >> 20) MiB")
        }
        if let nul = data.firstIndex(of: 0) {
            throw Refusal(message: "\(origin): input looks binary (NUL byte at offset \(nul - data.startIndex)); triage classifies UTF-8 text")
        }
        var repair: String?
        let (text, invalid) = decode(data)
        if let invalid {
            let place = "\(origin):\(invalid.line):\(invalid.column): \(invalid.description)"
            if strictUTF8 { throw Refusal(message: place) }
            repair = place + "; " + repairNote
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            throw Refusal(message: "\(origin): nothing to classify: the message is empty")
        }
        return MessageBytes(text: text, origin: origin, repair: repair)
    }

    /// The checks of ``validate(_:origin:strictUTF8:)`` for text already decoded (a JSON
    /// string, a CSV field), without copying it: size, NUL and emptiness.
    public static func validate(text: String, origin: String, repair: String? = nil) throws(Refusal) -> MessageBytes {
        var text = text
        let size = text.utf8.count
        if size > maximumBytes {
            throw Refusal(message: "\(origin): message is larger than \(maximumBytes >> 20) MiB")
        }
        // Native strings are contiguous; `makeContiguousUTF8` copies only bridged ones.
        text.makeContiguousUTF8()
        let nul = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        } ?? nil
        if let nul {
            throw Refusal(message: "\(origin): input looks binary (NUL byte at offset \(nul)); triage classifies UTF-8 text")
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            throw Refusal(message: "\(origin): nothing to classify: the message is empty")
        }
        return MessageBytes(text: text, origin: origin, repair: repair)
    }

    /// The bytes as text, each byte that is not UTF-8 replaced with U+FFFD, and the first
    /// such byte (nil when the bytes are valid UTF-8).
    public static func decode(_ data: some Collection<UInt8>) -> (text: String, invalid: InvalidByte?) {
        if let valid = String(validating: data, as: UTF8.self) { return (valid, nil) }
        let offset = firstInvalidByte(data)
        let prefix = String(decoding: data.prefix(offset), as: UTF8.self)
        let position = TextPositions(prefix).position(ofUTF8: prefix.utf8.count)
        let invalid = InvalidByte(offset: offset, byte: data[data.index(data.startIndex, offsetBy: offset)], line: position.line, column: position.column)
        return (String(decoding: data, as: UTF8.self), invalid)
    }

    /// Whether the bytes are UTF-8, without making a String of them. Concrete (not generic)
    /// so it is specialised here: a batch worker calls it for every JSONL record.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            // Most records are ASCII: 8 bytes at a time until the first byte with the high bit.
            var index = 0
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                while index + 8 <= buffer.count, base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
            }
            var decoder = UTF8()
            var iterator = UnsafeBufferPointer(rebasing: buffer[index...]).makeIterator()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: return true
                case .error: return false
                }
            }
        }
    }

    private static func firstInvalidByte(_ data: some Collection<UInt8>) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
        }
        return offset
    }
}
