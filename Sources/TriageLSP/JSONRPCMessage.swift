import TriageSupport

/// One incoming JSON-RPC 2.0 message, checked for shape.
public enum JSONRPCMessage: Sendable, Equatable {
    case request(id: JSONValue, method: String, params: JSONValue)
    case notification(method: String, params: JSONValue)
    /// A response to a request the server sent; the server sends none it waits for.
    case response(id: JSONValue)

    /// Reads a message; throws `invalidRequest` for JSON that is not one, with the id when
    /// there is one, so the error can answer it.
    public static func read(_ value: JSONValue) throws(InvalidMessage) -> JSONRPCMessage {
        guard value.isObject else { throw InvalidMessage(id: .null, error: .invalidRequest("a message must be a JSON object")) }
        let id = value["id"]
        if let id, !JSONRPCMessage.isValidID(id) {
            throw InvalidMessage(id: .null, error: .invalidRequest("'id' must be a number or a string"))
        }
        guard value["jsonrpc"]?.string == "2.0" else {
            throw InvalidMessage(id: id ?? .null, error: .invalidRequest("'jsonrpc' must be \"2.0\""))
        }
        guard let methodValue = value["method"] else {
            if let id, value["result"] != nil || value["error"] != nil { return .response(id: id) }
            throw InvalidMessage(id: id ?? .null, error: .invalidRequest("a message needs 'method', or 'result' or 'error'"))
        }
        guard let method = methodValue.string else {
            throw InvalidMessage(id: id ?? .null, error: .invalidRequest("'method' must be a string"))
        }
        let params = value["params"] ?? .null
        if let id { return .request(id: id, method: method, params: params) }
        return .notification(method: method, params: params)
    }

    static func isValidID(_ id: JSONValue) -> Bool {
        switch id {
        case .int, .string: return true
        case .double(let value): return value.rounded() == value
        default: return false
        }
    }

    /// A message that is JSON but not a valid JSON-RPC message, and the id to answer.
    public struct InvalidMessage: Error, Sendable {
        public let id: JSONValue
        public let error: JSONRPCError
    }

    static func response(id: JSONValue, result: JSONValue) -> JSONValue {
        .object(["jsonrpc": "2.0", "id": id, "result": result])
    }

    static func response(id: JSONValue, error: JSONRPCError) -> JSONValue {
        .object(["jsonrpc": "2.0", "id": id, "error": error.json])
    }

    static func notification(method: String, params: JSONValue) -> JSONValue {
        .object(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }
}
