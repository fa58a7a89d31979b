import TriageSupport

/// A JSON-RPC error: the codes of JSON-RPC 2.0 and those LSP 3.17 adds.
public struct JSONRPCError: Error, Sendable, Equatable {
    public let code: Int
    public let message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static func parseError(_ message: String) -> JSONRPCError { JSONRPCError(code: -32700, message: message) }
    public static func invalidRequest(_ message: String) -> JSONRPCError { JSONRPCError(code: -32600, message: message) }
    public static func methodNotFound(_ method: String) -> JSONRPCError { JSONRPCError(code: -32601, message: "unknown method '\(method)'") }
    public static func invalidParams(_ message: String) -> JSONRPCError { JSONRPCError(code: -32602, message: message) }
    public static func internalError(_ message: String) -> JSONRPCError { JSONRPCError(code: -32603, message: message) }
    public static let serverNotInitialized = JSONRPCError(code: -32002, message: "the server is not initialized: send 'initialize' first")
    /// LSP: the request was valid but could not be carried out (formatting a broken file).
    public static func requestFailed(_ message: String) -> JSONRPCError { JSONRPCError(code: -32803, message: message) }

    var json: JSONValue { .object(["code": .int(code), "message": .string(message)]) }
}
