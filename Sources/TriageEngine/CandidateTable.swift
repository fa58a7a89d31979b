/// Which patterns the prefilter lets run on each turn, computed a turn at a time. For an
/// ordinary message, one flag per pattern per turn. For a message with very many turns, only
/// what differs from "patterns without literals always run": the (pattern, turn) pairs whose
/// literals were found, so memory follows the literals in the text, not patterns × turns.
struct CandidateTable {
    private enum TurnState: UInt8 {
        case unknown, filtered
        /// The prefilter declined to filter this turn (unusual case folds): everything may match.
        case everything
    }

    private let prefilter: Prefilter
    private let turnCount: Int
    private let isDense: Bool
    private var dense: [[Bool]?]
    private var states: [TurnState]
    private var mayMatch: Set<Int> = []

    init(prefilter: Prefilter, patterns: Int, turns: Int) {
        self.prefilter = prefilter
        self.turnCount = turns
        isDense = patterns * turns <= SlotTable<UInt8>.denseLimit
        dense = isDense ? Array(repeating: nil, count: turns) : []
        states = isDense ? [] : Array(repeating: .unknown, count: turns)
    }

    func isKnown(turn: Int) -> Bool {
        isDense ? dense[turn] != nil : states[turn] != .unknown
    }

    /// Whether the pattern may match the turn; nil while the turn is not prefiltered.
    func known(pattern: Int, turn: Int) -> Bool? {
        if isDense { return dense[turn]?[pattern] }
        switch states[turn] {
        case .unknown: return nil
        case .everything: return true
        case .filtered: return prefilter.runsAlways[pattern] || mayMatch.contains(pattern * turnCount + turn)
        }
    }

    /// Prefilters the turn and returns, for each pattern, whether it may match.
    @discardableResult
    mutating func compute(turn: Int, text: String) -> [Bool] {
        if isDense, let known = dense[turn] { return known }
        let flags = prefilter.candidates(text)
        if isDense {
            dense[turn] = flags
        } else if flags.allSatisfy({ $0 }) {
            states[turn] = .everything
        } else {
            states[turn] = .filtered
            for (pattern, flag) in flags.enumerated() where flag && !prefilter.runsAlways[pattern] {
                mayMatch.insert(pattern * turnCount + turn)
            }
        }
        return flags
    }

    /// Whether the pattern may match the turn, prefiltering the turn first if needed.
    mutating func mayMatch(pattern: Int, turn: Int, text: String) -> Bool {
        if let answer = known(pattern: pattern, turn: turn) { return answer }
        return compute(turn: turn, text: text)[pattern]
    }
}
