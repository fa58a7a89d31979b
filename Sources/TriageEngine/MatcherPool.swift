import Foundation
internal import TriagePCRE2

/// Reuses PCRE2 match state (match data, context, JIT stack) across messages: creating a
/// JIT stack maps memory, too slow to do once per message. Each matcher is used by one
/// thread at a time; the pool hands them out under a lock.
final class MatcherPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [RegexMatcher] = []
    private let limits: RegexLimits

    init(limits: RegexLimits) {
        self.limits = limits
    }

    func take() -> RegexMatcher {
        lock.withLock { idle.popLast() } ?? RegexMatcher(limits: limits)
    }

    func give(_ matcher: RegexMatcher) {
        lock.withLock {
            // Keep a few; more only happens with more threads than cores.
            if idle.count < 64 { idle.append(matcher) }
        }
    }
}
