import Foundation
import TriageEngine

/// The bytes of one message checked before classification, for `triage classify` and every
/// batch record alike: size, NUL bytes, UTF-8 and emptiness, each refused with a clear reason.
public struct MessageBytes: Sendable {
    /// Largest message accepted, in bytes (docs/limits.md).
    public static let maximumBytes = RuleLimits.maximumMessageBytes
    /// The id of the warning given for input decoded with replacement characters.
    public static let repairedWarning = "input_repaired"

    /// Why a message cannot be classified, worded "ORIGIN: reason".
    public struct Refusal: Error, Sendable {
        public let message: String
    }

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
        let text: String
        if let valid = String(validating: data, as: UTF8.self) {
            text = valid
        } else {
            let offset = firstInvalidByte(data)
            let prefix = String(decoding: data.prefix(offset), as: UTF8.self)
            let position = TextPositions(prefix).position(ofUTF8: prefix.utf8.count)
            let place = "\(origin):\(position.line):\(position.column): input is not valid UTF-8 (byte 0x\(String(data[data.startIndex + offset], radix: 16, uppercase: true)) at offset \(offset))"
            if strictUTF8 { throw Refusal(message: place) }
            text = String(decoding: data, as: UTF8.self)
            repair = place + "; each invalid byte was replaced with U+FFFD"
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            throw Refusal(message: "\(origin): nothing to classify: the message is empty")
        }
        return MessageBytes(text: text, origin: origin, repair: repair)
    }

    private static func firstInvalidByte(_ data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
        }
        return offset
    }
}
