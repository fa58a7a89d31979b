import Foundation
import TriageSupport

/// Where a command reads and writes: the real process streams, or buffers for in-process tests.
public final class CommandIO: @unchecked Sendable {
    public let environment: [String: String]
    public let stdoutIsTerminal: Bool
    public let stderrIsTerminal: Bool
    public let stdinIsTerminal: Bool
    private let capture: Bool
    private let stdinData: Data?
    private let lock = NSLock()
    private var stdoutBuffer = Data()
    private var stderrBuffer = Data()
    /// Set when a write failed (closed pipe, full disk); commands then exit with `ioError`.
    public private(set) var writeFailed = false
    /// Set when standard output's reader went away (EPIPE: `| head -1`): a normal end of a
    /// pipeline, not an error.
    public private(set) var readerGone = false
    /// The `errno` of the first write to standard output that failed.
    public private(set) var writeErrorNumber: Int32?
    /// Set once the failed write has been reported (or, for `batch`, accepted as the end of a
    /// pipeline), so ``TriageCommand`` does not report it again.
    public private(set) var writeFailureHandled = false
    /// In-process tests: every write to standard output fails with this `errno`.
    private let failStdout: Int32?

    /// The real process: file descriptors 0, 1 and 2.
    public static func process() -> CommandIO {
        CommandIO(environment: ProcessInfo.processInfo.environment, stdin: nil, capture: false,
                  stdinIsTerminal: isatty(0) == 1, stdoutIsTerminal: isatty(1) == 1, stderrIsTerminal: isatty(2) == 1)
    }

    /// Captured streams for tests; `stdin` nil behaves like a terminal with nothing typed.
    /// `failingStdout`: every write to standard output fails with that `errno` (`ENOSPC` is a
    /// full disk, `EPIPE` a reader that went away), as the real streams can.
    public static func captured(stdin: String? = nil, environment: [String: String] = [:], terminal: Bool = false,
                                failingStdout: Int32? = nil) -> CommandIO {
        CommandIO(environment: environment, stdin: stdin.map { Data($0.utf8) }, capture: true,
                  stdinIsTerminal: stdin == nil, stdoutIsTerminal: terminal, stderrIsTerminal: terminal, failStdout: failingStdout)
    }

    public static func captured(stdinData: Data, environment: [String: String] = [:]) -> CommandIO {
        CommandIO(environment: environment, stdin: stdinData, capture: true, stdinIsTerminal: false, stdoutIsTerminal: false, stderrIsTerminal: false)
    }

    init(environment: [String: String], stdin: Data?, capture: Bool, stdinIsTerminal: Bool, stdoutIsTerminal: Bool, stderrIsTerminal: Bool,
         failStdout: Int32? = nil) {
        self.failStdout = failStdout
        self.environment = environment
        self.stdinData = stdin
        self.capture = capture
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
    }

    public var stdout: String { lock.withLock { String(decoding: stdoutBuffer, as: UTF8.self) } }
    public var stderr: String { lock.withLock { String(decoding: stderrBuffer, as: UTF8.self) } }

    /// The captured standard input of an in-process run, or nil for the real process, whose
    /// standard input is descriptor 0 (streaming readers such as `triage batch` read it directly).
    public var capturedStandardInput: Data? {
        capture ? (stdinData ?? Data()) : nil
    }

    /// Reads all of standard input, at most `limit` bytes plus one so callers can tell it was too long.
    public func readStandardInput(limit: Int) -> Data {
        if capture { return stdinData.map { Data($0.prefix(limit + 1)) } ?? Data() }
        return FileHandle.standardInput.readLimited(limit + 1)
    }

    public func write(_ text: String) { emit(Data(text.utf8), fd: 1) }

    /// The real process streams, not buffers: only then may a command install signal handlers.
    public var isProcess: Bool { !capture }

    /// Writes lines to standard output and stops only between two lines when `stopRequested`
    /// says so (a signal): the line being written is finished, the rest is not written. A
    /// failed write is recorded like ``write(_:)``'s. Returns the lines written and whether it stopped.
    public func writeLines(_ text: String, stopRequested: () -> Bool) -> (lines: Int, stopped: Bool) {
        let data = Data(text.utf8)
        if capture || writeFailed {
            if stopRequested() { return (0, true) }
            emit(data, fd: 1)
            return (writeFailed ? 0 : data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }, false)
        }
        let result = FileDescriptorWriter.writeLines(data, to: 1, stopRequested: stopRequested)
        if let error = result.error { recordFailure(error) }
        return (result.lines, result.stopped)
    }
    public func writeError(_ text: String) { emit(Data(text.utf8), fd: 2) }

    /// `error: message` (or `warning: …`) on standard error. The message may quote input —
    /// a path, a label, a line — so it is printed through ``TerminalText``.
    public func writeError(_ label: String, _ message: String) {
        writeError(label + ": " + TerminalText.escaped(message) + "\n")
    }

    /// `error: message` on standard error, the label styled for stderr.
    public func error(_ message: String, style: TerminalStyle) {
        writeError(style.bold(style.red("error")), message)
    }

    /// `hint: message` on standard error: what to do about the error above it.
    public func hint(_ message: String, style: TerminalStyle) {
        writeError(style.bold(style.yellow("hint")), message)
    }

    /// `warning: message` on standard error.
    public func warning(_ message: String, style: TerminalStyle) {
        writeError(style.bold(style.yellow("warning")), message)
    }

    /// Why standard output could not be written, in words: `no space left on device`.
    public var writeFailureReason: String {
        switch writeErrorNumber {
        case nil: return "standard output could not be written"
        case EPIPE: return "standard output was closed"
        case ENOSPC: return "no space left on device"
        case let number?:
            let text = String(cString: strerror(number))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }

    /// `error: cannot write the WHAT: REASON[; DETAIL]` on standard error, once: what a
    /// command says when standard output failed (`> /dev/full`, a closed pipe).
    public func reportWriteFailure(_ what: String, detail: String? = nil, style: TerminalStyle) {
        guard !writeFailureHandled else { return }
        writeFailureHandled = true
        error("cannot write the \(what): \(writeFailureReason)" + (detail.map { "; " + $0 } ?? ""), style: style)
    }

    /// The failed write is the normal end of a pipeline (`triage batch … | head -1`): nothing
    /// is reported.
    public func acceptWriteFailure() {
        writeFailureHandled = true
    }

    private func emit(_ data: Data, fd: Int32) {
        if capture {
            if fd == 1, let failStdout {
                lock.withLock { recordFailure(failStdout) }
                return
            }
            lock.withLock { if fd == 1 { stdoutBuffer.append(data) } else { stderrBuffer.append(data) } }
            return
        }
        guard !writeFailed || fd == 2 else { return }
        if let error = FileDescriptorWriter.writeAll(data, to: fd), fd == 1 {
            recordFailure(error)
        }
    }

    private func recordFailure(_ error: Int32) {
        guard !writeFailed else { return }
        writeFailed = true
        writeErrorNumber = error
        if error == EPIPE { readerGone = true }
    }
}

extension FileHandle {
    /// Reads until end of file or `limit` bytes, whichever comes first.
    func readLimited(_ limit: Int) -> Data {
        var result = Data()
        while result.count < limit {
            guard let chunk = try? read(upToCount: min(1 << 20, limit - result.count)), !chunk.isEmpty else { break }
            result.append(chunk)
        }
        return result
    }
}
