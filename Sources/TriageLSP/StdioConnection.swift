import Foundation
import TriageSupport

/// Runs a `LanguageServer` on standard input and output. A reader thread splits stdin into
/// frames; the server handles them one at a time on the calling thread, and publishes
/// diagnostics whenever no message is waiting. Ends on `exit` or when stdin closes.
public enum StdioConnection {
    /// The exit code: 0 after `shutdown` then `exit`, or when stdin closes; 1 on `exit` without `shutdown`.
    public static func run(input: Int32 = 0, output: Int32 = 1) -> Int32 {
        let queue = FrameQueue()
        let reader = Thread {
            var framer = MessageFramer()
            var buffer = [UInt8](repeating: 0, count: 64 << 10)
            while true {
                let count = read(input, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                framer.append(Data(buffer[0..<count]))
                while let frame = framer.next() { queue.push(frame) }
            }
            queue.close()
        }
        reader.start()
        let server = LanguageServer { message in
            StdioConnection.write(MessageFramer.frame(Data(message.text.utf8)), to: output)
        }
        while true {
            guard let frame = queue.pop(wait: !server.hasPendingWork) else {
                if queue.isClosedAndEmpty { break }
                server.flush()
                continue
            }
            server.receive(frame)
            if let code = server.exitCode { return code }
        }
        server.flush()
        return server.exitCode ?? 0
    }

    static func write(_ data: Data, to fd: Int32) {
        // A client that has gone away cannot be told; the read side sees the end and stops.
        _ = FileDescriptorWriter.writeAll(data, to: fd)
    }
}

/// Frames read from stdin, waiting for the server to take them.
final class FrameQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var frames: [MessageFramer.Frame] = []
    private var closed = false

    func push(_ frame: MessageFramer.Frame) {
        condition.lock()
        frames.append(frame)
        condition.signal()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.signal()
        condition.unlock()
    }

    /// The next frame; with `wait`, blocks until one arrives or the input closes. Nil means
    /// nothing is waiting now (or ever again, when `isClosedAndEmpty`).
    func pop(wait: Bool) -> MessageFramer.Frame? {
        condition.lock()
        defer { condition.unlock() }
        while wait && frames.isEmpty && !closed { condition.wait() }
        return frames.isEmpty ? nil : frames.removeFirst()
    }

    var isClosedAndEmpty: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed && frames.isEmpty
    }
}
