/// The one JSON reader (RFC 8259), by hand over UTF-8 bytes. It reads a document two ways:
/// as a ``JSONValue`` tree (LSP messages, baselines, corpora), or as one object line whose
/// members keep their values as written (``JSONObjectLine``: batch and corpus records, so
/// 20-digit ids, `1.10` and key order pass through untouched, where Foundation's
/// JSONSerialization would round numbers and reorder keys).
public enum JSONReader {
    public struct Failure: Error, Sendable, Equatable {
        public let message: String
    }

    /// Deeper nesting is refused rather than risking the stack on hostile input.
    public static let maximumDepth = 512

    /// One JSON document of any kind. Input that is not UTF-8 is refused.
    public static func parse(_ bytes: some Collection<UInt8>) throws(Failure) -> JSONValue {
        let bytes = Array(bytes)
        guard String(validating: bytes, as: UTF8.self) != nil else { throw Failure(message: "invalid JSON: not UTF-8") }
        var scanner = Scanner(bytes: bytes)
        let value = try scanner.tree(depth: 1)
        scanner.skipWhitespace()
        guard scanner.index == bytes.count else { throw scanner.failure("unexpected text after the value") }
        return value
    }

    /// One JSONL line that must be an object. `bytes` must be valid UTF-8 (callers check
    /// first, to say where it is not).
    public static func parseObjectLine(_ bytes: [UInt8]) -> Result<JSONObjectLine, Failure> {
        var scanner = Scanner(bytes: bytes)
        do {
            return .success(JSONObjectLine(members: try scanner.object()))
        } catch {
            return .failure(error)
        }
    }

    /// ``decodeString(_:)`` for the bytes of a member as scanned: concrete, so the common case
    /// (no escape) is one specialised search and one String, not a copy of the bytes first.
    public static func decodeString(_ raw: [UInt8]) -> String {
        guard raw.count >= 2 else { return "" }
        let body = raw[1..<(raw.count - 1)]
        guard body.contains(UInt8(ascii: "\\")) else { return String(decoding: body, as: UTF8.self) }
        return decodeEscaped(Array(body))
    }

    /// The text of a string value as written (with its quotes), unescaped. A lone UTF-16
    /// surrogate (`"\ud83d"`, from text cut in the middle of an emoji) becomes U+FFFD.
    public static func decodeString(_ raw: some Collection<UInt8>) -> String {
        let inner = Array(raw.dropFirst().dropLast())
        guard inner.contains(UInt8(ascii: "\\")) else { return String(decoding: inner, as: UTF8.self) }
        return decodeEscaped(inner)
    }

    /// The inside of a string literal that has escapes, unescaped.
    private static func decodeEscaped(_ inner: [UInt8]) -> String {
        // Unescaped into UTF-8 bytes, then one String: appending scalar by scalar is slow.
        var output: [UInt8] = []
        output.reserveCapacity(inner.count)
        var index = 0
        func hex(at position: Int) -> UInt32? {
            guard position + 4 <= inner.count else { return nil }
            return UInt32(String(decoding: inner[position..<(position + 4)], as: UTF8.self), radix: 16)
        }
        func append(_ scalar: Unicode.Scalar) {
            output.append(contentsOf: UTF8.encode(scalar)!)
        }
        // The literal was validated by the scanner, so every escape is complete.
        while index < inner.count {
            guard inner[index] == UInt8(ascii: "\\") else {
                output.append(inner[index])
                index += 1
                continue
            }
            let escape = inner[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                let unit = hex(at: index) ?? 0xFFFD
                index += 4
                if (0xD800..<0xDC00).contains(unit), index + 6 <= inner.count, inner[index] == UInt8(ascii: "\\"),
                   inner[index + 1] == UInt8(ascii: "u"), let low = hex(at: index + 2), (0xDC00..<0xE000).contains(low) {
                    append(Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}")
                    index += 6
                } else {
                    append(Unicode.Scalar(unit) ?? "\u{FFFD}")
                }
            default:
                output.append(escape)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Recursive descent over the bytes. Every loop consumes at least one byte or throws.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func object() throws(Failure) -> [JSONObjectLine.Member] {
            skipWhitespace()
            guard peek() == UInt8(ascii: "{") else {
                // Valid JSON of another kind is not "invalid", so this one has no column.
                throw Failure(message: "not a JSON object: each line must be one object {…}")
            }
            index += 1
            var members: [JSONObjectLine.Member] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                index += 1
            } else {
                while true {
                    let rawKey = try memberKey()
                    var rawValue: [UInt8] = []
                    let kind = try value(into: &rawValue, depth: 1)
                    members.append(JSONObjectLine.Member(key: JSONReader.decodeString(rawKey), rawKey: rawKey, rawValue: rawValue, kind: kind))
                    skipWhitespace()
                    if peek() == UInt8(ascii: ",") { index += 1; continue }
                    if peek() == UInt8(ascii: "}") { index += 1; break }
                    throw failure("expected ',' or '}' after a value")
                }
            }
            skipWhitespace()
            guard index == bytes.count else { throw failure("unexpected text after the object") }
            return members
        }

        private mutating func value(into output: inout [UInt8], depth: Int) throws(Failure) -> JSONObjectLine.Kind {
            guard depth <= JSONReader.maximumDepth else { throw failure("nested deeper than \(JSONReader.maximumDepth) levels") }
            skipWhitespace()
            let start = index
            guard let first = peek() else { throw failure("the line ends where a value should be") }
            switch first {
            case UInt8(ascii: "\""):
                try string()
                output.append(contentsOf: bytes[start..<index])
                return .string
            case UInt8(ascii: "{"):
                try container(close: UInt8(ascii: "}"), into: &output) { scanner, output throws(Failure) in
                    output.append(contentsOf: try scanner.memberKey())
                    output.append(UInt8(ascii: ":"))
                    _ = try scanner.value(into: &output, depth: depth + 1)
                }
                return .object
            case UInt8(ascii: "["):
                try container(close: UInt8(ascii: "]"), into: &output) { scanner, output throws(Failure) in
                    _ = try scanner.value(into: &output, depth: depth + 1)
                }
                return .array
            case UInt8(ascii: "t"): try literal("true"); output.append(contentsOf: "true".utf8); return .boolean
            case UInt8(ascii: "f"): try literal("false"); output.append(contentsOf: "false".utf8); return .boolean
            case UInt8(ascii: "n"): try literal("null"); output.append(contentsOf: "null".utf8); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
                output.append(contentsOf: bytes[start..<index])
                return .number
            default: throw failure("expected a value")
            }
        }

        /// A value as a tree; numbers without a fraction or exponent that fit become `.int`.
        mutating func tree(depth: Int) throws(Failure) -> JSONValue {
            guard depth <= JSONReader.maximumDepth else { throw failure("nested deeper than \(JSONReader.maximumDepth) levels") }
            skipWhitespace()
            let start = index
            guard let first = peek() else { throw failure("the text ends where a value should be") }
            switch first {
            case UInt8(ascii: "\""):
                try string()
                return .string(JSONReader.decodeString(bytes[start..<index]))
            case UInt8(ascii: "{"):
                var members: [JSONMember] = []
                var scratch: [UInt8] = []
                try container(close: UInt8(ascii: "}"), into: &scratch) { scanner, _ throws(Failure) in
                    let key = JSONReader.decodeString(try scanner.memberKey())
                    members.append(JSONMember(key, try scanner.tree(depth: depth + 1)))
                }
                return .object(members)
            case UInt8(ascii: "["):
                var elements: [JSONValue] = []
                var scratch: [UInt8] = []
                try container(close: UInt8(ascii: "]"), into: &scratch) { scanner, _ throws(Failure) in
                    elements.append(try scanner.tree(depth: depth + 1))
                }
                return .array(elements)
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                if let int = Int(text) { return .int(int) }
                return .double(Double(text) ?? .nan)
            default: throw failure("expected a value")
            }
        }

        /// `{…}` or `[…]`: the opening byte is at `index`; `element` reads one member or element.
        /// `output` gets the value as compact JSON (the tree reader passes a scratch array).
        private mutating func container(close: UInt8, into output: inout [UInt8],
                                        element: (inout Scanner, inout [UInt8]) throws(Failure) -> Void) throws(Failure) {
            output.append(bytes[index])
            index += 1
            skipWhitespace()
            if peek() == close {
                index += 1
                output.append(close)
                return
            }
            while true {
                try element(&self, &output)
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    index += 1
                    output.append(UInt8(ascii: ","))
                    continue
                }
                if peek() == close {
                    index += 1
                    output.append(close)
                    return
                }
                throw failure("expected ',' or '\(Character(Unicode.Scalar(close)))'")
            }
        }

        /// `"key":` of an object member; returns the key as written, quotes included, and
        /// leaves `index` after the colon.
        mutating func memberKey() throws(Failure) -> ArraySlice<UInt8> {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
            let keyStart = index
            try string()
            let key = bytes[keyStart..<index]
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw failure("expected ':' after the key") }
            index += 1
            return key
        }

        /// A string literal starting at `index`; leaves `index` after the closing quote.
        mutating func string() throws(Failure) {
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return
                case UInt8(ascii: "\\"):
                    guard index + 1 < bytes.count else { throw failure("unterminated string") }
                    switch bytes[index + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 2
                    case UInt8(ascii: "u"):
                        guard index + 6 <= bytes.count, bytes[(index + 2)..<(index + 6)].allSatisfy(\.isHexDigit) else {
                            throw failure("invalid \\u escape: expected 4 hex digits")
                        }
                        index += 6
                    default:
                        throw failure("invalid escape '\\\(Character(Unicode.Scalar(bytes[index + 1])))'")
                    }
                case 0..<0x20:
                    let hex = String(byte, radix: 16, uppercase: true)
                    throw failure("control character U+\(String(repeating: "0", count: 4 - hex.count) + hex) inside a string; write it as an escape")
                default:
                    index += 1
                }
            }
            throw failure("unterminated string")
        }

        private mutating func number() throws(Failure) {
            if peek() == UInt8(ascii: "-") { index += 1 }
            guard let first = peek(), first.isDigit else { throw failure("invalid number") }
            index += 1
            if first != UInt8(ascii: "0") { digits() }
            if peek() == UInt8(ascii: ".") {
                index += 1
                guard peek()?.isDigit == true else { throw failure("invalid number: expected a digit after '.'") }
                digits()
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                index += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
                guard peek()?.isDigit == true else { throw failure("invalid number: expected a digit in the exponent") }
                digits()
            }
        }

        private mutating func digits() {
            while peek()?.isDigit == true { index += 1 }
        }

        private mutating func literal(_ word: String) throws(Failure) {
            let utf8 = Array(word.utf8)
            guard bytes.count - index >= utf8.count, bytes[index..<(index + utf8.count)].elementsEqual(utf8) else {
                throw failure("expected a value")
            }
            index += utf8.count
        }

        mutating func skipWhitespace() {
            while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        func peek() -> UInt8? {
            index < bytes.count ? bytes[index] : nil
        }

        /// "invalid JSON at column N: …", the column in characters.
        func failure(_ message: String) -> Failure {
            let column = bytes[..<min(index, bytes.count)].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            return Failure(message: "invalid JSON at column \(column): \(message)")
        }
    }
}

private extension UInt8 {
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isHexDigit: Bool {
        isDigit || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "f")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "F"))
    }
}
