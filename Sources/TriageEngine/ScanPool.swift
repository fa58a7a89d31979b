import Foundation
internal import TriagePCRE2

/// Reuses scans across messages: each holds its per-message buffers (sized to the pack once)
/// and its PCRE2 match state (match data, context, JIT stack; creating a JIT stack maps
/// memory, too slow to do once per message). A scan is used by one thread at a time; the pool
/// hands them out under a lock, so each worker thread keeps reusing one.
final class ScanPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [Scan] = []
    private let ruleSet: CompiledRuleSet
    private let limits: RegexLimits

    init(ruleSet: CompiledRuleSet, limits: RegexLimits) {
        self.ruleSet = ruleSet
        self.limits = limits
    }

    func take() -> Scan {
        lock.withLock { idle.popLast() } ?? Scan(ruleSet: ruleSet, matcher: RegexMatcher(limits: limits))
    }

    func give(_ scan: Scan) {
        scan.end()
        lock.withLock {
            // Keep a few; more only happens with more threads than cores.
            if idle.count < 64 { idle.append(scan) }
        }
    }
}
