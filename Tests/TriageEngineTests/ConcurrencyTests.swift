import Foundation
import Testing
import TriageEngine

/// One compiled pack shared by many threads gives exactly the answers of one thread: the
/// shipped pack on every fixture, from eight threads at once, each in its own order. Run
/// under ThreadSanitizer by scripts/ci-hardening.sh (`swift test --sanitize=thread`).
@Suite struct ConcurrencyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The message of every fixture: the text after the `---` line.
    static func fixtureMessages() throws -> [String] {
        let folder = root.appendingPathComponent("fixtures").path
        let walker = try #require(FileManager.default.enumerator(atPath: folder))
        var messages: [String] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".triage") else { continue }
            let text = try String(contentsOfFile: folder + "/" + relative, encoding: .utf8)
            guard let separator = text.range(of: "\n---\n") else { continue }
            messages.append(String(text[separator.upperBound...]))
        }
        return messages.sorted()
    }

    /// Everything an answer holds that a race could change.
    static func summary(_ c: Classification, _ ruleSet: CompiledRuleSet) -> String {
        let playbook = c.playbook.map { "\($0.name)|\($0.steps.map(\.text))|\($0.missing)" } ?? "-"
        return [c.category.id, "\(c.score)", "\(c.confidence)", c.secondary?.id ?? "-", "\(c.decision)",
                c.signals.map(\.signal.name).joined(separator: ","),
                c.entities.map { "\($0.name)=\($0.value)@\($0.turn):\($0.range)" }.joined(separator: ","),
                c.evidence.map { "\(ruleSet.rules[$0.rule].name):\($0.spans.map { "\($0.turn):\($0.range)" })" }.joined(separator: ";"),
                c.traces.map { "\($0.rule):\($0.fired):\($0.patterns.map(\.spans.count))" }.joined(separator: ","),
                playbook, "\(c.limitHits.count)", "\(c.budgetExceeded == nil)"].joined(separator: " | ")
    }

    @Test func theShippedPackOnEveryFixtureFromEightThreadsMatchesOneThread() throws {
        let (compiled, diagnostics) = RuleEngine.compile(paths: [Self.root.appendingPathComponent("rules").path])
        let ruleSet = try #require(compiled, "rules/ does not compile: \(diagnostics.map(\.message))")
        let messages = try Self.fixtureMessages()
        #expect(messages.count >= 100)
        // No time budget: on a slow, instrumented build a budget could cut a message short in
        // one run and not in another, which is not the race this test looks for.
        let classifier = Classifier(ruleSet: ruleSet, timeBudget: nil)
        let expected = messages.indices.map { Self.summary(classifier.classify(messages[$0], explain: $0 % 3 == 0), ruleSet) }

        let threads = 8
        let results = Results(threads: threads, count: messages.count)
        let finished = DispatchGroup()
        for thread in 0..<threads {
            finished.enter()
            Thread {
                // Each thread starts at a different message, so different messages overlap.
                for step in messages.indices {
                    let index = (step + thread * messages.count / threads) % messages.count
                    results.store(Self.summary(classifier.classify(messages[index], explain: index % 3 == 0), ruleSet), thread: thread, index: index)
                }
                finished.leave()
            }.start()
        }
        finished.wait()
        for thread in 0..<threads {
            let got = results.of(thread)
            let differing = messages.indices.filter { got[$0] != expected[$0] }
            #expect(differing.isEmpty, "thread \(thread) differs on \(differing.count) messages, first: \(differing.first.map { messages[$0] } ?? "")")
        }
    }
}

/// Per-thread answers, written by the worker threads under a lock.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [[String]]

    init(threads: Int, count: Int) {
        answers = Array(repeating: Array(repeating: "", count: count), count: threads)
    }

    func store(_ answer: String, thread: Int, index: Int) {
        lock.withLock { answers[thread][index] = answer }
    }

    func of(_ thread: Int) -> [String] {
        lock.withLock { answers[thread] }
    }
}
