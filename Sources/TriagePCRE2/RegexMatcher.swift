import CPCRE2

/// Holds the per-thread state PCRE2 needs to match (match data, match context with limits,
/// JIT stack). Not thread-safe: make one per thread or per scan and reuse it.
public final class RegexMatcher {
    public let limits: RegexLimits
    private let context: OpaquePointer
    private let jitStack: OpaquePointer?
    private var matchData: OpaquePointer
    private var matchDataPairs: Int

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
    /// into a silent "no match"; so is reaching `deadline`, checked before each attempt after the first.
    /// With `offsetLimit`, no match starting after that UTF-8 offset is looked for (the text
    /// after it is still read by the pattern, so `\b` and lookaheads see the same text).
    public func scan(_ regex: Regex, in text: String, from utf8Offset: Int = 0, offsetLimit: Int? = nil, maxMatches: Int = .max,
                     deadline: ContinuousClock.Instant? = nil) -> RegexScan {
        var subject = text
        return subject.withUTF8 { bytes in
            scan(regex, bytes: bytes, from: utf8Offset, offsetLimit: offsetLimit, maxMatches: maxMatches, deadline: deadline)
        }
    }

    /// The first match at or after `utf8Offset`, or nil; a limit hit is returned as the error.
    public func firstMatch(_ regex: Regex, in text: String, from utf8Offset: Int = 0) -> Result<RegexMatch?, RegexLimitError> {
        var subject = text
        return subject.withUTF8 { bytes in
            switch match(regex, bytes: bytes, from: utf8Offset) {
            case .found(let found): return .success(found)
            case .none: return .success(nil)
            case .limit(let kind): return .failure(RegexLimitError(kind: kind))
            }
        }
    }

    public func scan(_ regex: Regex, bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, offsetLimit: Int? = nil, maxMatches: Int,
                     deadline: ContinuousClock.Instant? = nil) -> RegexScan {
        var result = RegexScan()
        var offset = max(0, min(start, bytes.count))
        let limit = offsetLimit.map { max(0, $0) }
        pcre2_set_offset_limit_8(context, limit ?? triage_pcre2_unset())
        defer { if limit != nil { pcre2_set_offset_limit_8(context, triage_pcre2_unset()) } }
        while offset <= bytes.count {
            if let limit, offset > limit { return result }
            if result.matches.count >= maxMatches {
                result.truncated = true
                break
            }
            // The first attempt always runs, so a scan started just before the deadline still makes progress.
            if let deadline, !result.matches.isEmpty, ContinuousClock.now >= deadline {
                result.limitHit = .timeBudget
                return result
            }
            switch match(regex, bytes: bytes, from: offset) {
            case .none:
                return result
            case .limit(let kind):
                result.limitHit = kind
                return result
            case .found(let found):
                result.matches.append(found)
                if found.range.isEmpty {
                    // Step over one whole UTF-8 sequence so an empty match cannot repeat forever.
                    offset = found.range.upperBound + 1
                    while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                } else {
                    offset = found.range.upperBound
                }
            }
        }
        return result
    }

    private enum Attempt {
        case found(RegexMatch)
        case none
        case limit(RegexLimitKind)
    }

    private func match(_ regex: Regex, bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Attempt {
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
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(pairsNeeded)
        for group in 0..<pairsNeeded {
            let start = ovector[2 * group]
            let end = ovector[2 * group + 1]
            groups.append(start == unset || end == unset || end < start ? nil : Int(start)..<Int(end))
        }
        let whole = groups[0] ?? offset..<offset
        return .found(RegexMatch(range: whole, groups: groups))
    }
}

/// A limit stopped a single match attempt.
public struct RegexLimitError: Error, Sendable, Hashable {
    public let kind: RegexLimitKind
}
