import Foundation

/// A one-line progress bar on stderr, redrawn at most ten times a second. Only used when
/// stderr is a terminal; safe to update from worker threads.
final class ProgressBar: @unchecked Sendable {
    private let io: CommandIO
    private let total: Int
    private let label: String
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private let started = Date()
    private var drawn = false

    init(io: CommandIO, total: Int, label: String) {
        self.io = io
        self.total = max(1, total)
        self.label = label
    }

    func update(_ done: Int) {
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 || done == total else { return }
            lastDraw = now
            drawn = true
            let width = 30
            let filled = min(width, width * done / total)
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let rate = Double(done) / max(0.001, now.timeIntervalSince(started))
            io.writeError("\r\(label) \(bar) \(done)/\(total) \(Int(rate))/s\u{1B}[K")
        }
    }

    func finish() {
        lock.withLock {
            if drawn { io.writeError("\r\u{1B}[K") }
        }
    }
}
