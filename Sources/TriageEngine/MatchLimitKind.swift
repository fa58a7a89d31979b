internal import TriagePCRE2

/// Which limit stopped a pattern: one of the match limits, or the time budget. The raw values
/// are what reports print (`limits` in JSON).
public enum MatchLimitKind: String, Sendable, Hashable, CaseIterable {
    case matchLimit = "match_limit"
    case depthLimit = "depth_limit"
    case heapLimit = "heap_limit"
    case jitStackLimit = "jit_stack_limit"
    case timeBudget = "time_budget"

    init(_ kind: RegexLimitKind) {
        switch kind {
        case .matchLimit: self = .matchLimit
        case .depthLimit: self = .depthLimit
        case .heapLimit: self = .heapLimit
        case .jitStackLimit: self = .jitStackLimit
        case .timeBudget: self = .timeBudget
        }
    }
}
