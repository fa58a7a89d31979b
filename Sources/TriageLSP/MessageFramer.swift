import Foundation

/// Splits a byte stream into JSON-RPC message bodies framed the LSP way:
/// `Content-Length: N\r\n` (other headers allowed and ignored), a blank line, N bytes.
/// Bytes arrive in any chunks; a malformed header block is reported and skipped, so one
/// bad message never stops the stream.
public struct MessageFramer: Sendable {
    public enum Frame: Sendable, Equatable {
        case message(Data)
        /// A header block that could not be read; the text says why.
        case malformed(String)
    }

    /// Bigger header blocks are not headers: skipped as malformed.
    public static let maximumHeaderBytes = 8 << 10
    /// Bigger bodies are refused (and skipped) rather than buffered.
    public static let maximumBodyBytes = 64 << 20

    private var buffer = Data()
    /// A body still to read, once its header was read.
    private var pendingLength: Int?
    /// Bytes of a refused body still to drop.
    private var skipping = 0

    public init() {}

    public mutating func append(_ data: Data) {
        buffer.append(data)
    }

    /// The next complete frame, or nil when more bytes are needed.
    public mutating func next() -> Frame? {
        while true {
            if skipping > 0 {
                let dropped = min(skipping, buffer.count)
                buffer.removeFirst(dropped)
                skipping -= dropped
                if skipping > 0 { return nil }
            }
            if let length = pendingLength {
                guard buffer.count >= length else { return nil }
                let body = Data(buffer.prefix(length))
                buffer.removeFirst(length)
                pendingLength = nil
                return .message(body)
            }
            guard let end = buffer.firstRange(of: Data("\r\n\r\n".utf8)) else {
                if buffer.count > MessageFramer.maximumHeaderBytes {
                    buffer.removeAll()
                    return .malformed("header block longer than \(MessageFramer.maximumHeaderBytes) bytes")
                }
                return nil
            }
            let header = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
            buffer.removeFirst(end.upperBound - buffer.startIndex)
            switch MessageFramer.contentLength(in: header) {
            case .success(let length) where length > MessageFramer.maximumBodyBytes:
                skipping = length
                return .malformed("message of \(length) bytes is larger than \(MessageFramer.maximumBodyBytes)")
            case .success(let length):
                pendingLength = length
            case .failure(let problem):
                return .malformed(problem.reason)
            }
        }
    }

    struct HeaderProblem: Error { let reason: String }

    /// The value of the `Content-Length` header (case-insensitive name, as HTTP headers are).
    static func contentLength(in header: String) -> Result<Int, HeaderProblem> {
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(HeaderProblem(reason: "header line without ':': '\(line.prefix(60))'"))
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" {
                guard let number = Int(value), number >= 0 else {
                    return .failure(HeaderProblem(reason: "Content-Length is not a number: '\(value.prefix(30))'"))
                }
                length = number
            }
        }
        guard let length else { return .failure(HeaderProblem(reason: "no Content-Length header")) }
        return .success(length)
    }

    /// One framed message, ready to write.
    public static func frame(_ body: Data) -> Data {
        var data = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        data.append(body)
        return data
    }
}
