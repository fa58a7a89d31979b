/// One JSONL line read as a JSON object without building a tree: each member's key, and its
/// value as compact JSON text copied from the input. Read by ``JSONReader/parseObjectLine(_:)``.
public struct JSONObjectLine: Sendable {
    public enum Kind: String, Sendable {
        case string, number, object, array, boolean, null
    }

    public struct Member: Sendable {
        /// Decoded.
        public let key: String
        /// The key as written, quotes and escapes included.
        public let rawKey: ArraySlice<UInt8>
        /// The value as compact JSON: whitespace outside strings removed, strings as written.
        public let rawValue: [UInt8]
        public let kind: Kind

        /// The value of a string member, unescaped; nil for other kinds.
        public var string: String? {
            kind == .string ? JSONReader.decodeString(rawValue) : nil
        }
    }

    public let members: [Member]
}
