internal import TriagePCRE2

/// Bounds on one match attempt, so a pathological pattern cannot hang a classification
/// (docs/limits.md). The engine's own type: callers never see PCRE2's.
public struct MatchLimits: Sendable, Hashable {
    /// Calls of PCRE2's internal match function per attempt (also enforced by the JIT).
    public var matchLimit: UInt32
    /// Backtracking depth, used by the interpreter.
    public var depthLimit: UInt32
    /// Heap memory for backtracking, in KiB (interpreter only).
    public var heapLimitKiB: UInt32
    /// Largest JIT stack a matcher may grow to, in bytes.
    public var jitStackMaxBytes: Int

    /// The defaults are PCRE2's limits as Triage sets them (docs/limits.md).
    public init(matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000, jitStackMaxBytes: Int = 1 << 20) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
        self.jitStackMaxBytes = jitStackMaxBytes
    }

    var regexLimits: RegexLimits {
        RegexLimits(matchLimit: matchLimit, depthLimit: depthLimit, heapLimitKiB: heapLimitKiB, jitStackMaxBytes: jitStackMaxBytes)
    }
}
