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
    /// When the input was not valid UTF-8 and was decoded with U+FFFD for each bad byte:
    /// where the first bad byte was (the `input_repaired` warning).
    var repair: String? = nil

    /// The id of the warning given for input decoded with replacement characters.
    static let repairedWarning = "input_repaired"

    /// `rawArguments`: the bytes of the message arguments as the process got them, when known
    /// (Swift's `CommandLine.arguments` has already replaced bad bytes with U+FFFD).
    static func read(positionals: [String], rawArguments: [[UInt8]]? = nil, file: String?, strictUTF8: Bool = false,
                     io: CommandIO) throws(Failure) -> MessageInput {
        if let file {
            guard positionals.isEmpty else {
                throw Failure(message: "give the message either as an argument or with --file, not both", code: .usage)
            }
            return try fromFile(file, strictUTF8: strictUTF8, io: io)
        }
        if positionals == ["-"] || positionals.isEmpty {
            if positionals.isEmpty && io.stdinIsTerminal {
                throw Failure(message: "missing TEXT: give the message as an argument, with --file PATH, or on standard input", code: .usage)
            }
            return try validate(io.readStandardInput(limit: maximumBytes), origin: "stdin", strictUTF8: strictUTF8)
        }
        let raw = rawArguments.map { Array($0.joined(separator: [UInt8(ascii: " ")])) } ?? Array(positionals.joined(separator: " ").utf8)
        return try validate(Data(raw), origin: "argument", strictUTF8: strictUTF8)
    }

    private static func fromFile(_ path: String, strictUTF8: Bool, io: CommandIO) throws(Failure) -> MessageInput {
        if path == "-" { return try validate(io.readStandardInput(limit: maximumBytes), origin: "stdin", strictUTF8: strictUTF8) }
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
        return try validate(handle.readLimited(maximumBytes + 1), origin: path, strictUTF8: strictUTF8)
    }

    /// Size, NUL bytes, UTF-8 and emptiness. Bytes that are not UTF-8 are refused with
    /// `strictUTF8`, else decoded with U+FFFD in their place and reported in `repair`: a
    /// support message with one stray Latin-1 byte is still a message.
    static func validate(_ data: Data, origin: String, strictUTF8: Bool = true) throws(Failure) -> MessageInput {
        if data.count > maximumBytes {
            throw Failure(message: "\(origin): message is larger than \(maximumBytes >> 20) MiB", code: .dataError)
        }
        if let nul = data.firstIndex(of: 0) {
            throw Failure(message: "\(origin): input looks binary (NUL byte at offset \(nul - data.startIndex)); triage classifies UTF-8 text", code: .dataError)
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
            if strictUTF8 { throw Failure(message: place, code: .dataError) }
            text = String(decoding: data, as: UTF8.self)
            repair = place + "; each invalid byte was replaced with U+FFFD"
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            throw Failure(message: "\(origin): nothing to classify: the message is empty", code: .dataError)
        }
        return MessageInput(text: text, origin: origin, repair: repair)
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
