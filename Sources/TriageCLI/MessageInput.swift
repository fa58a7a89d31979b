import Foundation
import TriageEngine

/// Reads the message to classify from an argument, a file or standard input, and refuses
/// what cannot be classified with a clear reason: empty, binary, not UTF-8, too large.
struct MessageInput {
    /// Largest message accepted, in bytes (docs/limits.md).
    static let maximumBytes = RuleLimits.maximumMessageBytes

    struct Failure: Error {
        let message: String
        let code: ExitCode
    }

    let text: String
    /// Where the message came from, for error messages: "argument", "stdin" or the path.
    let origin: String

    static func read(positionals: [String], file: String?, io: CommandIO) throws(Failure) -> MessageInput {
        if let file {
            guard positionals.isEmpty else {
                throw Failure(message: "give the message either as an argument or with --file, not both", code: .usage)
            }
            return try fromFile(file, io: io)
        }
        if positionals == ["-"] || positionals.isEmpty {
            if positionals.isEmpty && io.stdinIsTerminal {
                throw Failure(message: "missing TEXT: give the message as an argument, with --file PATH, or on standard input", code: .usage)
            }
            return try validate(io.readStandardInput(limit: maximumBytes), origin: "stdin")
        }
        let joined = positionals.joined(separator: " ")
        return try validate(Data(joined.utf8), origin: "argument")
    }

    private static func fromFile(_ path: String, io: CommandIO) throws(Failure) -> MessageInput {
        if path == "-" { return try validate(io.readStandardInput(limit: maximumBytes), origin: "stdin") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(message: "cannot read '\(path)': no such file", code: .noInput)
        }
        guard !isDirectory.boolValue else {
            throw Failure(message: "cannot read '\(path)': it is a directory", code: .noInput)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(message: "cannot read '\(path)': permission denied", code: .noInput)
        }
        defer { try? handle.close() }
        return try validate(handle.readLimited(maximumBytes + 1), origin: path)
    }

    static func validate(_ data: Data, origin: String) throws(Failure) -> MessageInput {
        if data.count > maximumBytes {
            throw Failure(message: "\(origin): message is larger than \(maximumBytes >> 20) MiB", code: .dataError)
        }
        if let nul = data.firstIndex(of: 0) {
            throw Failure(message: "\(origin): input looks binary (NUL byte at offset \(nul - data.startIndex)); triage classifies UTF-8 text", code: .dataError)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let offset = firstInvalidByte(data)
            let prefix = String(decoding: data.prefix(offset), as: UTF8.self)
            let position = TextPositions(prefix).position(ofUTF8: prefix.utf8.count)
            throw Failure(message: "\(origin):\(position.line):\(position.column): input is not valid UTF-8 (byte 0x\(String(data[data.startIndex + offset], radix: 16, uppercase: true)) at offset \(offset))", code: .dataError)
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            throw Failure(message: "\(origin): nothing to classify: the message is empty", code: .dataError)
        }
        return MessageInput(text: text, origin: origin)
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
