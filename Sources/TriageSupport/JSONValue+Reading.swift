/// Reading a ``JSONValue`` parsed by ``JSONReader``: members and typed values, nil when the
/// value is of another kind.
extension JSONValue {
    /// Parses one JSON document; throws on anything that is not JSON.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONReader.Failure) -> JSONValue {
        try JSONReader.parse(bytes)
    }

    /// The compact text of the value.
    public var text: String { JSONWriter.write(self, pretty: false) }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var int: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 1e15: return Int(value)
        default: return nil
        }
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
