import Foundation
import TriageEngine

/// Classifies many messages on several threads and keeps only what `triage suggest` needs:
/// the answer and the rules that fired.
enum RecordClassifier {
    struct Outcome: Sendable {
        let category: Int
        let firedRules: [Int]
    }

    static func classify(_ messages: [Message], with classifier: Classifier, jobs: Int) -> [Outcome] {
        let slots = Slots(count: messages.count)
        let workers = max(1, min(jobs, messages.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < messages.count {
                let classification = classifier.classify(messages[index])
                slots.store(Outcome(category: classification.category.index, firedRules: classification.evidence.map(\.rule)), at: index)
                index += workers
            }
        }
        return slots.collect()
    }

    /// Result storage shared by the workers; each index is written by one worker only.
    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Outcome?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func store(_ outcome: Outcome, at index: Int) {
            lock.withLock { slots[index] = outcome }
        }

        func collect() -> [Outcome] { lock.withLock { slots.map { $0! } } }
    }
}
