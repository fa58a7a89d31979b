/// Bounds on one match attempt, so a pathological pattern cannot hang a classification.
public struct RegexLimits: Sendable, Hashable {
    /// PCRE2's match limit: calls of its internal match function (also enforced by the JIT).
    public var matchLimit: UInt32
    /// PCRE2's depth (backtracking) limit, used by the interpreter.
    public var depthLimit: UInt32
    /// Heap memory for backtracking, in KiB (interpreter only).
    public var heapLimitKiB: UInt32
    /// Largest JIT stack a matcher may grow to, in bytes.
    public var jitStackMaxBytes: Int

    public init(matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000, jitStackMaxBytes: Int = 1 << 20) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
        self.jitStackMaxBytes = jitStackMaxBytes
    }

    public static let standard = RegexLimits()
}

/// Which limit stopped a scan: one of PCRE2's, or the caller's deadline (checked between
/// match attempts, so one attempt is bounded by PCRE2's limits and the scan by the deadline).
public enum RegexLimitKind: String, Sendable, Hashable, CaseIterable {
    case matchLimit = "match_limit"
    case depthLimit = "depth_limit"
    case heapLimit = "heap_limit"
    case jitStackLimit = "jit_stack_limit"
    case timeBudget = "time_budget"
}
