import TriagePCRE2

/// The state of classifying one message: pattern matches computed on demand and cached,
/// word indexes, negation checks and limit hits. One per message, on one thread.
final class Scan {
    let ruleSet: CompiledRuleSet
    let message: Message
    let matcher: RegexMatcher
    let negation: NegationDetector
    /// Matches per pattern per turn; nil until asked for.
    private var cache: [[[RegexMatch]?]]
    private var wordIndexes: [WordIndex?]
    private var turnBytes: [[UInt8]?]
    /// Per turn, which patterns may match (nil until needed, or when the prefilter is off).
    private var candidates: [[Bool]?]
    private let usePrefilter: Bool
    private(set) var limitHits: [LimitHit] = []
    /// Most matches kept per pattern per turn, so a huge message stays bounded.
    static let maximumMatchesPerTurn = 1_000

    init(ruleSet: CompiledRuleSet, message: Message, limits: RegexLimits, usePrefilter: Bool = true) {
        self.usePrefilter = usePrefilter
        self.candidates = Array(repeating: nil, count: message.turns.count)
        self.ruleSet = ruleSet
        self.message = message
        self.matcher = RegexMatcher(limits: limits)
        self.negation = NegationDetector(window: ruleSet.settings.negationWindow)
        self.cache = Array(repeating: Array(repeating: nil, count: message.turns.count), count: ruleSet.patterns.count)
        self.wordIndexes = Array(repeating: nil, count: message.turns.count)
        self.turnBytes = Array(repeating: nil, count: message.turns.count)
    }

    func matches(pattern: Int, turn: Int) -> [RegexMatch] {
        if let cached = cache[pattern][turn] { return cached }
        if usePrefilter {
            if candidates[turn] == nil { candidates[turn] = ruleSet.prefilter.candidates(message.turns[turn].text) }
            if candidates[turn]![pattern] == false {
                cache[pattern][turn] = []
                return []
            }
        }
        let scan = matcher.scan(ruleSet.patterns[pattern].regex, in: message.turns[turn].text, maxMatches: Scan.maximumMatchesPerTurn)
        if let limit = scan.limitHit {
            let users = ruleSet.rulesByPattern[pattern].map { ruleSet.rules[$0].name }
                + ruleSet.entities.filter { $0.pattern == pattern }.map { "entity \($0.name)" }
            limitHits.append(LimitHit(pattern: pattern, turn: turn, limit: limit, users: users))
        }
        cache[pattern][turn] = scan.matches
        return scan.matches
    }

    func spans(pattern: Int, scope: SpeakerScope) -> [MatchSpan] {
        var spans: [MatchSpan] = []
        for (turnIndex, turn) in message.turns.enumerated() where scope.includes(turn.speaker) {
            for (matchIndex, match) in matches(pattern: pattern, turn: turnIndex).enumerated() where !match.range.isEmpty {
                spans.append(MatchSpan(turn: turnIndex, range: match.range, pattern: pattern, matchIndex: matchIndex))
            }
        }
        return spans
    }

    func match(for span: MatchSpan) -> RegexMatch? {
        guard let cached = cache[span.pattern][span.turn], span.matchIndex < cached.count else { return nil }
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
