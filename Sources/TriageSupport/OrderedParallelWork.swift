import Dispatch
import Foundation

/// One transform over a list on up to `jobs` threads, started in the background; the results
/// come back in input order. Each index is claimed by one worker only. Shared by `triage batch`
/// (a chunk classified while the previous one is written) and `triage test`.
public final class OrderedParallelWork<Output: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var next = 0
    private var finished = 0
    private var slots: [Output?]

    /// `progress` hears the number of items finished so far, from worker threads.
    public init<Input: Sendable>(_ items: [Input], jobs: Int, progress: (@Sendable (Int) -> Void)? = nil,
                                 transform: @escaping @Sendable (Input) -> Output) {
        slots = Array(repeating: nil, count: items.count)
        let workers = max(1, min(jobs, items.count))
        DispatchQueue.global().async { [self] in
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = claim() {
                    let count = store(transform(items[index]), at: index)
                    progress?(count)
                }
            }
            done.signal()
        }
    }

    /// Waits for every item; the outputs in input order.
    public func results() -> [Output] {
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

    private func store(_ output: Output, at index: Int) -> Int {
        lock.withLock {
            slots[index] = output
            finished += 1
            return finished
        }
    }
}
