import Foundation
import TriageEngine

/// Reads the message to classify from an argument, a file or standard input, and refuses
/// what cannot be classified with a clear reason: empty, binary, not UTF-8, too large.
struct MessageInput {
    static let maximumBytes = MessageBytes.maximumBytes

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

    static let repairedWarning = MessageBytes.repairedWarning

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
        if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil, size <= maximumBytes,
           let refusal = MemoryHeadroom.refusal(needed: size * MemoryHeadroom.bytesPerFileByte,
                                                for: "\(path): reading the message (\(MemoryHeadroom.megabytes(size)) MB)") {
            throw Failure(message: refusal, code: .dataError)
        }
        defer { try? handle.close() }
        return try validate(handle.readLimited(maximumBytes + 1), origin: path, strictUTF8: strictUTF8)
    }

    /// Size, NUL bytes, UTF-8 and emptiness (``MessageBytes``); a refusal is a data error.
    static func validate(_ data: Data, origin: String, strictUTF8: Bool = true) throws(Failure) -> MessageInput {
        do {
            let checked = try MessageBytes.validate(data, origin: origin, strictUTF8: strictUTF8)
            return MessageInput(text: checked.text, origin: checked.origin, repair: checked.repair)
        } catch {
            throw Failure(message: error.message, code: .dataError)
        }
    }
}
