import Foundation

/// The classification of one chunk, running on `jobs` threads in the background while the
/// calling thread reads the next chunk and writes the previous one. Each record is claimed by
/// one worker only; `outcomes()` waits and returns them in input order.
final class BatchChunkWork: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var next = 0
    private var slots: [BatchRecordProcessor.Outcome?]

    init(_ chunk: [BatchRecord], processor: BatchRecordProcessor, jobs: Int) {
        slots = Array(repeating: nil, count: chunk.count)
        let workers = max(1, min(jobs, chunk.count))
        DispatchQueue.global().async { [self] in
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = claim() {
                    store(processor.process(chunk[index]), at: index)
                }
            }
            done.signal()
        }
    }

    /// Waits for the whole chunk.
    func outcomes() -> [BatchRecordProcessor.Outcome] {
        done.wait()
        return lock.withLock { slots.map { $0! } }
    }

    private func claim() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            next += 1
            return next - 1
        }
    }

    private func store(_ outcome: BatchRecordProcessor.Outcome, at index: Int) {
        lock.withLock { slots[index] = outcome }
    }
}
