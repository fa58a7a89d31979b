internal import TriagePCRE2

/// The state of classifying one message: pattern matches computed on demand and cached,
/// word indexes, negation checks and limit hits. One per worker (like YARA-X's scanner or
/// Hyperscan's scratch): `begin` starts a message by clearing only what the last one set, so
/// nothing sized to the pack is allocated or cleared per message. One thread at a time.
final class Scan {
    let ruleSet: CompiledRuleSet
    private(set) var message: Message
    let matcher: RegexMatcher
    let negation: NegationDetector
    /// For each (pattern, turn), flat (`pattern * turns + turn`): 0 when its matches are not
    /// known yet, -1 when there are none, else 1 + the index of its matches in `stored`. Plain
    /// integers, so a rule set with thousands of patterns costs no per-pattern work to set up
    /// or free, and sparse for transcripts with millions of turns.
    private var matchSlots: SlotTable<Int32>
    private var stored: [[RegexMatch]] = []
    private var turnCount = 0
    /// Whether (pattern, turn) has a non-empty match, when only that was asked: 0 unknown, 1 no, 2 yes.
    private var existence: SlotTable<UInt8>
    /// The first match of (pattern, turn) when only existence was asked, to resume from.
    private var firstMatches: [Int: RegexMatch] = [:]
    private var wordIndexes: [WordIndex?] = []
    private var turnBytes: [[UInt8]?] = []
    /// Per turn, which patterns may match (computed when needed; unused when the prefilter is
    /// off). Its "no" answers are never stored as matches: asking again is cheap.
    private var candidates: CandidateTable
    private var usePrefilter = true
    /// Per turn, what its characters allow (`TurnText` bits; 0: not looked at yet).
    private var turnTexts: [UInt8] = []
    private var wordListCandidates: [[WordListIndex.Candidate]] = []
    private(set) var limitHits: [LimitHit] = []
    /// When pattern matching must stop (nil: never).
    private var deadline: ContinuousClock.Instant?
    /// Set once the deadline has passed; from then on no pattern is run.
    private(set) var budgetExceeded = false
    /// How many times a pattern's matches were asked for and not computed because the
    /// deadline had passed: a caller compares it before and after deciding a rule.
    private(set) var skippedLookups = 0
    /// Most matches kept per pattern per turn, so a huge message stays bounded.
    static let maximumMatchesPerTurn = 1_000
    /// What an idle scan holds.
    private static let noMessage = Message("")

    init(ruleSet: CompiledRuleSet, matcher: RegexMatcher) {
        self.ruleSet = ruleSet
        self.matcher = matcher
        self.message = Scan.noMessage
        self.negation = NegationDetector(window: ruleSet.settings.negationWindow)
        self.candidates = CandidateTable(prefilter: ruleSet.prefilter, patterns: ruleSet.patterns.count)
        self.matchSlots = SlotTable(slots: ruleSet.patterns.count)
        self.existence = SlotTable(slots: ruleSet.patterns.count)
    }

    /// Starts a message: everything the last one left is cleared, touching only what it set.
    func begin(_ message: Message, usePrefilter: Bool, deadline: ContinuousClock.Instant?) {
        self.message = message
        self.usePrefilter = usePrefilter
        self.deadline = deadline
        let turns = message.turns.count
        turnCount = turns
        matchSlots.reset(slots: ruleSet.patterns.count * turns)
        existence.reset(slots: ruleSet.patterns.count * turns)
        stored.removeAll(keepingCapacity: true)
        firstMatches.removeAll(keepingCapacity: true)
        candidates.reset(turns: turns)
        wordIndexes.removeAll(keepingCapacity: true)
        wordIndexes.append(contentsOf: repeatElement(nil, count: turns))
        turnBytes.removeAll(keepingCapacity: true)
        turnBytes.append(contentsOf: repeatElement(nil, count: turns))
        turnTexts.removeAll(keepingCapacity: true)
        turnTexts.append(contentsOf: repeatElement(0, count: turns))
        // The candidate arrays of the first turns are kept for their capacity.
        if wordListCandidates.count > turns { wordListCandidates.removeLast(wordListCandidates.count - turns) }
        while wordListCandidates.count < turns { wordListCandidates.append([]) }
        limitHits.removeAll(keepingCapacity: true)
        budgetExceeded = false
        skippedLookups = 0
    }

    /// Lets go of the message and its matches, so an idle scan holds no text.
    func end() {
        message = Scan.noMessage
        stored.removeAll(keepingCapacity: true)
        firstMatches.removeAll(keepingCapacity: true)
        wordIndexes.removeAll(keepingCapacity: true)
        turnBytes.removeAll(keepingCapacity: true)
        if wordListCandidates.count > 1 { wordListCandidates.removeLast(wordListCandidates.count - 1) }
    }

    /// Turns longer than this leave word lists to PCRE2, so candidates stay small (and their
    /// starts fit `WordListIndex.Candidate`).
    static let maximumDirectTurnBytes = 1 << 20

    func matches(pattern: Int, turn: Int) -> [RegexMatch] {
        let slot = pattern * turnCount + turn
        if let cached = cached(slot) { return cached }
        if usePrefilter, case .some(nil) = candidates.known(pattern: pattern, turn: turn) { return [] }
        if existence[slot] == 1 {
            store([], at: slot)
            return []
        }
        // Skipped lookups are not cached: every rule that asks again is told it is undecided.
        if outOfTime() { return [] }
        if let direct = directMatches(pattern: pattern, turn: turn) {
            store(direct, at: slot)
            return direct
        }
        guard let window = window(pattern: pattern, turn: turn) else { return [] }
        // When the first match is known, carry on after it instead of scanning the start again.
        let first = firstMatches[slot]
        var scan = matcher.scan(ruleSet.patterns[pattern].regex, in: message.turns[turn].text,
                                from: first?.range.upperBound ?? window.earliestStart, offsetLimit: window.latestStart,
                                maxMatches: Scan.maximumMatchesPerTurn - (first == nil ? 0 : 1), deadline: deadline)
        if let first { scan.matches.insert(first, at: 0) }
        if let limit = scan.limitHit {
            record(limit, pattern: pattern, turn: turn)
            // Stopped by the budget before any match: the answer is unknown, not "no match".
            if limit == .timeBudget && scan.matches.isEmpty {
                skippedLookups += 1
                return []
            }
        }
        store(scan.matches, at: slot)
        return scan.matches
    }

    /// A pattern stopped by a limit while scanning a turn, reported with the rules and
    /// entities that use it.
    private func record(_ limit: RegexLimitKind, pattern: Int, turn: Int) {
        if limit == .timeBudget { budgetExceeded = true }
        let users = ruleSet.rulesByPattern[pattern].map { ruleSet.rules[$0].name }
            + ruleSet.entities.filter { $0.patterns.contains(pattern) }.map { "entity \($0.name)" }
        limitHits.append(LimitHit(pattern: pattern, turn: turn, limit: MatchLimitKind(limit), users: users))
    }

    /// The rules worth evaluating: those whose `when` needs a match and one of whose patterns
    /// the prefilter let through in some turn, and those that can hold without a match.
    /// In rule order. Without the prefilter, every rule.
    func rulesToEvaluate() -> [Int] {
        guard usePrefilter else { return Array(ruleSet.rules.indices) }
        // One flag per rule, not a list per turn: a transcript of a million turns would list
        // the same rules millions of times (67 MB for 1M turns with the shipped pack).
        var selected = [Bool](repeating: false, count: ruleSet.rules.count)
        for rule in ruleSet.unconditionalRules { selected[rule] = true }
        for rule in ruleSet.rulesGatedByUnfilteredPatterns { selected[rule] = true }
        var patternSeen = [Bool](repeating: false, count: ruleSet.gatedRulesByPattern.count)
        for turn in 0..<turnCount {
            // Out of time before every turn was prefiltered: try every rule, and each one
            // that needs a pattern not run yet is reported undecided.
            if deadlinePassed() { return Array(ruleSet.rules.indices) }
            guard let patterns = candidates.compute(turn: turn, text: message.turns[turn].text) else {
                return Array(ruleSet.rules.indices)
            }
            for pattern in patterns where !patternSeen[pattern] {
                patternSeen[pattern] = true
                for rule in ruleSet.gatedRulesByPattern[pattern] { selected[rule] = true }
            }
        }
        return selected.indices.filter { selected[$0] }
    }

    /// Whether the pattern has a non-empty match in a turn of the scope, running PCRE2 only
    /// up to the first match when the full list is not known yet.
    func hasMatch(pattern: Int, scope: SpeakerScope) -> Bool {
        let skippedBefore = skippedLookups
        for (turn, entry) in message.turns.enumerated() where scope.includes(entry.speaker) {
            if hasMatch(pattern: pattern, turn: turn) { return true }
            // One skipped turn leaves the answer undecided; asking the others only takes time.
            if skippedLookups > skippedBefore { return false }
        }
        return false
    }

    private func hasMatch(pattern: Int, turn: Int) -> Bool {
        let slot = pattern * turnCount + turn
        if let cached = cached(slot) { return cached.contains { !$0.range.isEmpty } }
        if existence[slot] != 0 { return existence[slot] == 2 }
        if usePrefilter, case .some(nil) = candidates.known(pattern: pattern, turn: turn) { return false }
        if outOfTime() { return false }
        if let direct = directMatches(pattern: pattern, turn: turn) {
            store(direct, at: slot)
            return !direct.isEmpty
        }
        guard let window = window(pattern: pattern, turn: turn) else { return false }
        if window.knownToMatch {
            existence[slot] = 2
            return true
        }
        let first = matcher.firstMatch(ruleSet.patterns[pattern].regex, in: message.turns[turn].text, from: window.earliestStart,
                                       offsetLimit: window.latestStart, deadline: deadline)
        if first.limitHit == .timeBudget {
            // Out of time before the first match: undecided, never "no match".
            record(.timeBudget, pattern: pattern, turn: turn)
            skippedLookups += 1
            return false
        }
        // An empty first match or a limit hit needs the full scan (which also records the limit).
        guard first.limitHit == nil, let match = first.match, !match.range.isEmpty else {
            if first.limitHit == nil && first.match == nil {
                existence[slot] = 1
                return false
            }
            return matches(pattern: pattern, turn: turn).contains { !$0.range.isEmpty }
        }
        existence[slot] = 2
        firstMatches[slot] = match
        return true
    }

    /// Bits of `turnTexts`.
    private enum TurnText {
        static let known: UInt8 = 1
        /// The direct word-list matcher is exact on the turn; its candidates are in `wordListCandidates`.
        static let direct: UInt8 = 2
        /// No character of the turn is one `\d` matches (ASCII digits, and no other script's:
        /// the turn is direct text).
        static let noDigits: UInt8 = 4
    }

    /// What the turn's characters allow, looked at once per turn.
    private func turnText(_ turn: Int) -> UInt8 {
        if turnTexts[turn] != 0 { return turnTexts[turn] }
        var text = message.turns[turn].text
        var flags = TurnText.known
        text.withUTF8 { bytes in
            guard WordListMatcher.isDirectText(bytes) else { return }
            if !bytes.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { flags |= TurnText.noDigits }
            guard bytes.count <= Scan.maximumDirectTurnBytes, !ruleSet.wordLists.isEmpty else { return }
            flags |= TurnText.direct
            ruleSet.wordLists.candidates(in: bytes, into: &wordListCandidates[turn])
        }
        turnTexts[turn] = flags
        return flags
    }

    /// The matches of the pattern in the turn when they are known without PCRE2: those of a
    /// word list the direct matcher handles on a turn it is exact on, or none for a pattern
    /// that needs a digit on a turn without one (only with the prefilter on, which
    /// `--no-prefilter` compares against). Nil when PCRE2 must decide.
    private func directMatches(pattern: Int, turn: Int) -> [RegexMatch]? {
        let compiled = ruleSet.patterns[pattern]
        guard compiled.wordList != nil || (compiled.needsDigit && usePrefilter) else { return nil }
        let flags = turnText(turn)
        if compiled.needsDigit && usePrefilter && flags & TurnText.noDigits != 0 { return [] }
        guard compiled.wordList != nil, flags & TurnText.direct != 0 else { return nil }
        var text = message.turns[turn].text
        return text.withUTF8 { bytes in
            ruleSet.wordLists.matches(pattern: pattern, candidates: wordListCandidates[turn], in: bytes, limit: Scan.maximumMatchesPerTurn)
        }
    }

    /// Where in the turn the pattern can match: nil when the prefilter rules it out;
    /// anywhere when the prefilter is off.
    private func window(pattern: Int, turn: Int) -> Prefilter.Window? {
        guard usePrefilter else { return .anywhere }
        return candidates.window(pattern: pattern, turn: turn, text: message.turns[turn].text)
    }

    /// Whether the deadline has passed, counting the lookup as skipped when it has. The clock
    /// is read only until it first says yes.
    private func outOfTime() -> Bool {
        guard deadlinePassed() else { return false }
        skippedLookups += 1
        return true
    }

    private func deadlinePassed() -> Bool {
        if !budgetExceeded, let deadline, ContinuousClock.now >= deadline { budgetExceeded = true }
        return budgetExceeded
    }

    private func cached(_ slot: Int) -> [RegexMatch]? {
        let index = Int(matchSlots[slot])
        return index == 0 ? nil : index < 0 ? [] : stored[index - 1]
    }

    private func store(_ matches: [RegexMatch], at slot: Int) {
        if matches.isEmpty {
            matchSlots[slot] = -1
            return
        }
        stored.append(matches)
        matchSlots[slot] = Int32(stored.count)
    }

    func spans(pattern: Int, scope: SpeakerScope) -> [MatchSpan] {
        var spans: [MatchSpan] = []
        let skippedBefore = skippedLookups
        for (turnIndex, turn) in message.turns.enumerated() where scope.includes(turn.speaker) {
            for (matchIndex, match) in matches(pattern: pattern, turn: turnIndex).enumerated() where !match.range.isEmpty {
                spans.append(MatchSpan(turn: turnIndex, range: match.range, pattern: pattern, matchIndex: matchIndex))
            }
            if skippedLookups > skippedBefore { break }
        }
        return spans
    }

    func match(for span: MatchSpan) -> RegexMatch? {
        guard let cached = cached(span.pattern * turnCount + span.turn), span.matchIndex < cached.count else { return nil }
        return cached[span.matchIndex]
    }

    func wordIndex(turn: Int) -> WordIndex {
        if let index = wordIndexes[turn] { return index }
        let index = WordIndex(message.turns[turn].text)
        wordIndexes[turn] = index
        return index
    }

    func bytes(turn: Int) -> [UInt8] {
        if let bytes = turnBytes[turn] { return bytes }
        let bytes = Array(message.turns[turn].text.utf8)
        turnBytes[turn] = bytes
        return bytes
    }

    func isNegated(_ span: MatchSpan) -> Bool {
        negation.isNegated(span.range, in: bytes(turn: span.turn))
    }
}
