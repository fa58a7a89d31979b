import CPCRE2

/// Holds the per-thread state PCRE2 needs to match (match data, match context with limits,
/// JIT stack). Not thread-safe: make one per thread or per scan and reuse it.
public final class RegexMatcher {
    public let limits: RegexLimits
    private let context: OpaquePointer
    private let jitStack: OpaquePointer?
    private var matchData: OpaquePointer
    private var matchDataPairs: Int
    /// PCRE2 match calls made with this matcher, and scans (one per `scan`), for benchmarks
    /// that count how much work is left to PCRE2.
    public private(set) var matchCalls = 0
    public private(set) var scans = 0

    public init(limits: RegexLimits = .standard) {
        self.limits = limits
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, max(32 * 1024, limits.jitStackMaxBytes), nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
        matchDataPairs = 16
        matchData = pcre2_match_data_create_8(UInt32(matchDataPairs), nil)
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(context)
    }

    /// Every non-overlapping match of `regex` in `text` starting at or after `utf8Offset`, left
    /// to right, up to `maxMatches`. A limit hit ends the scan and is reported, never turned
    /// into a silent "no match"; so is reaching `deadline`, checked before each PCRE2 call after
    /// the first: with a deadline a call tries a bounded window of start positions, so the
    /// deadline holds even for a pattern that is slow at every position and never matches.
    /// With `offsetLimit`, no match starting after that UTF-8 offset is looked for (the text
    /// after it is still read by the pattern, so `\b` and lookaheads see the same text).
    public func scan(_ regex: Regex, in text: String, from utf8Offset: Int = 0, offsetLimit: Int? = nil, maxMatches: Int = .max,
                     deadline: ContinuousClock.Instant? = nil) -> RegexScan {
        var subject = text
        return subject.withUTF8 { bytes in
            scan(regex, bytes: bytes, from: utf8Offset, offsetLimit: offsetLimit, maxMatches: maxMatches, deadline: deadline)
        }
    }

    /// The first match at or after `utf8Offset` (up to `offsetLimit`, with the deadline rules
    /// of `scan`), without building a list of matches: for callers that only ask whether a
    /// pattern matches. A limit that stopped the search is returned with no match.
    public func firstMatch(_ regex: Regex, in text: String, from utf8Offset: Int = 0, offsetLimit: Int? = nil,
                           deadline: ContinuousClock.Instant? = nil) -> (match: RegexMatch?, limitHit: RegexLimitKind?) {
        var subject = text
        var first: RegexMatch?
        let end = subject.withUTF8 { bytes in
            forEachMatch(regex, bytes: bytes, from: utf8Offset, offsetLimit: offsetLimit, maxMatches: 1, deadline: deadline) { first = $0 }
        }
        return (first, end.limitHit)
    }

    public func scan(_ regex: Regex, bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, offsetLimit: Int? = nil, maxMatches: Int,
                     deadline: ContinuousClock.Instant? = nil) -> RegexScan {
        var result = RegexScan()
        let end = forEachMatch(regex, bytes: bytes, from: start, offsetLimit: offsetLimit, maxMatches: maxMatches, deadline: deadline) {
            result.matches.append($0)
        }
        result.limitHit = end.limitHit
        result.truncated = end.truncated
        return result
    }

    /// The loop of `scan`: calls `found` with each match in order, up to `maxMatches`; says
    /// whether a limit stopped it and whether `maxMatches` did.
    private func forEachMatch(_ regex: Regex, bytes: UnsafeBufferPointer<UInt8>, from start: Int, offsetLimit: Int?, maxMatches: Int,
                              deadline: ContinuousClock.Instant?, _ found: (RegexMatch) -> Void)
        -> (limitHit: RegexLimitKind?, truncated: Bool) {
        scans += 1
        var count = 0
        var offset = max(0, min(start, bytes.count))
        let limit = offsetLimit.map { max(0, $0) }
        // The last start position any call may try.
        let lastStart = min(limit ?? bytes.count, bytes.count)
        defer { pcre2_set_offset_limit_8(context, triage_pcre2_unset()) }
        var attempts = 0
        while offset <= bytes.count {
            if let limit, offset > limit { return (nil, false) }
            if count >= maxMatches { return (nil, true) }
            var windowEnd = limit
            if let deadline {
                let now = ContinuousClock.now
                // The first attempt always runs, so a scan started just before the deadline still makes progress.
                if attempts > 0 && now >= deadline { return (.timeBudget, false) }
                // One call tries at most the start positions the time left allows (PCRE2's
                // offset limit): the match limit bounds one start position, not a call, so a
                // pattern slow at every position that never matches would otherwise run on.
                let window = RegexMatcher.window(timeLeft: deadline - now)
                if lastStart - offset > window && !regex.usesStartOffsetAnchor { windowEnd = offset + window }
            }
            attempts += 1
            pcre2_set_offset_limit_8(context, windowEnd ?? triage_pcre2_unset())
            switch match(regex, bytes: bytes, from: offset) {
            case .none:
                guard let windowEnd, windowEnd < lastStart else { return (nil, false) }
                // No match starts in offset...windowEnd: go on after it.
                offset = windowEnd + 1
                while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            case .limit(let kind):
                return (kind, false)
            case .found(let match):
                found(match)
                count += 1
                if match.range.isEmpty {
                    // Step over one whole UTF-8 sequence so an empty match cannot repeat forever.
                    offset = match.range.upperBound + 1
                    while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                } else {
                    offset = match.range.upperBound
                }
            }
        }
        return (nil, false)
    }

    /// Start positions one PCRE2 call may try when the scan has a deadline: as many as could
    /// each cost a whole match limit (`worstStartCost`) and still end by the deadline, at least
    /// `smallestWindow`. Measured: a start position just under the match limit of 1,000,000
    /// takes 3.5 ms with the JIT (release build, 2-core x86_64); `worstStartCost` allows
    /// nearly three times that. So a scan overruns its deadline by at most
    /// `smallestWindow × worstStartCost` (40 ms), and a 2 s budget starts with windows of 200
    /// positions, more than most messages have.
    static func window(timeLeft: Duration) -> Int {
        guard timeLeft > .zero else { return smallestWindow }
        return Int(min(max(timeLeft / worstStartCost, Double(smallestWindow)), Double(largestWindow)))
    }

    static let worstStartCost: Duration = .milliseconds(10)
    static let smallestWindow = 4
    static let largestWindow = 1 << 24

    /// The work of one match attempt anchored at the start of `text`, counted the way
    /// PCRE2's match limit counts it (calls of the interpreter's match function), or nil when
    /// it is more than `cap` or another limit stops it. Deterministic, unlike a timing: lint
    /// uses it to tell a pattern whose work at one start position grows with the text.
    public func attemptCost(_ regex: Regex, in text: String, cap: UInt32) -> UInt32? {
        var subject = text
        defer { pcre2_set_match_limit_8(context, limits.matchLimit) }
        func completes(within limit: UInt32) -> Bool {
            pcre2_set_match_limit_8(context, limit)
            let rc = subject.withUTF8 { bytes in
                // PCRE2_ANCHORED at match time makes pcre2_match use the interpreter, whose
                // count is the same on every machine.
                pcre2_match_8(regex.code, bytes.baseAddress, bytes.count, 0, UInt32(PCRE2_ANCHORED), matchData, context)
            }
            return rc >= 0 || rc == PCRE2_ERROR_NOMATCH
        }
        guard completes(within: cap) else { return nil }
        var low: UInt32 = 0, high = cap  // fails within low (or low is 0), completes within high
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if completes(within: middle) { high = middle } else { low = middle }
        }
        return high
    }

    private enum Attempt {
        case found(RegexMatch)
        case none
        case limit(RegexLimitKind)
    }

    private func match(_ regex: Regex, bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Attempt {
        matchCalls += 1
        let pairsNeeded = regex.captureCount + 1
        if pairsNeeded > matchDataPairs {
            pcre2_match_data_free_8(matchData)
            matchDataPairs = pairsNeeded
            matchData = pcre2_match_data_create_8(UInt32(pairsNeeded), nil)
        }
        // An empty buffer may have no base address; PCRE2 accepts any non-null pointer for length 0.
        let empty: [UInt8] = [0]
        let rc: Int32 = empty.withUnsafeBufferPointer { fallback in
            let base = bytes.baseAddress ?? fallback.baseAddress!
            // The JIT entry point skips pcre2_match's option checks; subjects are valid UTF-8
            // (Swift strings) and the options are always the same.
            if regex.isJITCompiled { return pcre2_jit_match_8(regex.code, base, bytes.count, offset, 0, matchData, context) }
            return pcre2_match_8(regex.code, base, bytes.count, offset, 0, matchData, context)
        }
        if rc == PCRE2_ERROR_NOMATCH { return .none }
        if rc < 0 {
            switch rc {
            case PCRE2_ERROR_MATCHLIMIT: return .limit(.matchLimit)
            case PCRE2_ERROR_DEPTHLIMIT: return .limit(.depthLimit)
            case PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_NOMEMORY: return .limit(.heapLimit)
            case PCRE2_ERROR_JIT_STACKLIMIT: return .limit(.jitStackLimit)
            default: return .limit(.matchLimit)
            }
        }
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        let unset = triage_pcre2_unset()
        func group(_ number: Int) -> Range<Int>? {
            let start = ovector[2 * number]
            let end = ovector[2 * number + 1]
            return start == unset || end == unset || end < start ? nil : Int(start)..<Int(end)
        }
        let whole = group(0) ?? offset..<offset
        // Patterns without groups (most) get an empty list, which allocates nothing.
        guard regex.captureCount > 0 else { return .found(RegexMatch(range: whole)) }
        return .found(RegexMatch(range: whole, captures: (1...regex.captureCount).map(group)))
    }
}

/// A limit stopped a single match attempt.
public struct RegexLimitError: Error, Sendable, Hashable {
    public let kind: RegexLimitKind
}
