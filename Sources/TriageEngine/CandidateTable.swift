/// Which patterns the prefilter lets run on each turn, and where in the turn, computed a
/// turn at a time. Memory follows the literals found in the text: one slot per (pattern,
/// turn) pointing into the list of windows (dense for ordinary messages, sparse for
/// transcripts with very many turns). Reused for every message of one worker (`reset`).
struct CandidateTable {
    private enum TurnState: UInt8 {
        case unknown, filtered
        /// The prefilter declined to filter this turn (unusual case folds): everything may match.
        case everything
    }

    private let prefilter: Prefilter
    private let patternCount: Int
    private var turnCount = 0
    private var states: [TurnState] = []
    /// 1 + the index in `windows` for (pattern, turn) pairs the prefilter let through; 0 otherwise.
    private var slots: SlotTable<Int32>
    private var windows: [CompactWindow] = []
    private var scratch: Prefilter.Scratch
    /// The patterns of the turn computed last.
    private var patterns: [Int] = []

    init(prefilter: Prefilter, patterns: Int) {
        self.prefilter = prefilter
        self.patternCount = patterns
        slots = SlotTable(slots: patterns)
        scratch = prefilter.makeScratch()
    }

    /// Nothing computed, for a message of `turns` turns.
    mutating func reset(turns: Int) {
        turnCount = turns
        states.removeAll(keepingCapacity: true)
        states.append(contentsOf: repeatElement(.unknown, count: turns))
        slots.reset(slots: patternCount * turns)
        // A transcript of a million turns leaves millions of windows: not kept for the next message.
        windows.removeAll(keepingCapacity: windows.capacity <= 1 << 16)
    }

    /// Where the pattern may match in the turn: nil when it cannot, `.anywhere` for patterns
    /// the prefilter does not filter. Prefilters the turn first if needed.
    mutating func window(pattern: Int, turn: Int, text: String) -> Prefilter.Window? {
        if states[turn] == .unknown { _ = compute(turn: turn, text: text) }
        return known(pattern: pattern, turn: turn) ?? nil
    }

    /// Like `window`, but answers only from what is already computed: `.some(nil)` for a
    /// known "cannot match", nil when the turn is not prefiltered yet.
    func known(pattern: Int, turn: Int) -> Prefilter.Window?? {
        switch states[turn] {
        case .unknown: return nil
        case .everything: return .some(.anywhere)
        case .filtered:
            if prefilter.runsAlways[pattern] { return .some(.anywhere) }
            let slot = Int(slots[pattern * turnCount + turn])
            return .some(slot == 0 ? nil : windows[slot - 1].window)
        }
    }

    /// Prefilters the turn and returns the patterns with literals that may match it, or nil
    /// when every pattern may. The array is reused by the next call.
    mutating func compute(turn: Int, text: String) -> [Int]? {
        if states[turn] == .everything { return nil }
        prefilter.candidates(text, into: &scratch)
        if scratch.unfiltered {
            states[turn] = .everything
            return nil
        }
        patterns.removeAll(keepingCapacity: true)
        if states[turn] == .unknown {
            for (pattern, window) in scratch.candidates {
                windows.append(CompactWindow(window))
                slots[pattern * turnCount + turn] = Int32(windows.count)
            }
            states[turn] = .filtered
        }
        for candidate in scratch.candidates { patterns.append(candidate.pattern) }
        return patterns
    }
}

/// A ``Prefilter/Window`` in 12 bytes instead of 24: offsets fit in 32 bits because a message
/// is at most 32 MiB (docs/limits.md). A transcript of a million turns keeps millions of them
/// (302 MB of windows for 1M turns with the shipped pack before, 100 MB now).
private struct CompactWindow: Sendable {
    private var earliestStart: Int32
    /// -1: anywhere.
    private var latestStart: Int32
    private var knownToMatch: Bool

    init(_ window: Prefilter.Window) {
        earliestStart = Int32(truncatingIfNeeded: window.earliestStart)
        latestStart = window.latestStart.map { Int32(truncatingIfNeeded: $0) } ?? -1
        knownToMatch = window.knownToMatch
    }

    var window: Prefilter.Window {
        Prefilter.Window(earliestStart: Int(earliestStart), latestStart: latestStart < 0 ? nil : Int(latestStart), knownToMatch: knownToMatch)
    }
}
