import TriageSyntax

/// The result of compiling a rule pack: immutable, so one instance is shared by every
/// thread that classifies. Per-message state lives in `Scan`.
public final class CompiledRuleSet: Sendable {
    public let patterns: [CompiledPattern]
    public let rules: [CompiledRule]
    public let categories: [CompiledCategory]
    public let signals: [CompiledSignal]
    public let entities: [CompiledEntity]
    public let playbooks: [CompiledPlaybook]
    public let settings: ScoringSettings
    public let fallbackCategory: Int
    public let files: [SourceFile]
    /// Every entity name a message can yield: entity declarations and named captures.
    public let entityNames: Set<String>
    /// Titles for entities, used where a template has no value to fill in.
    public let entityTitles: [String: String]
    /// What every message goes through before matching: entities, handles, links, spellings.
    public let normalizer: TextNormalizer
    /// For each pattern, the rules that use it (to name them when a limit is hit).
    public let rulesByPattern: [[Int]]
    private let categoryIndexByID: [String: Int]
    /// One pass over a text tells which patterns can match it.
    let prefilter: Prefilter
    /// Word lists matched without PCRE2: one lookup per word run of a turn.
    let wordLists: WordListIndex
    /// Rules evaluated whatever the prefilter says (their condition can hold without a match).
    let unconditionalRules: [Int]
    /// For each pattern, the rules whose `when` can only hold if it (or another of their patterns) matches.
    let gatedRulesByPattern: [[Int]]
    /// Rules gated by a pattern the prefilter cannot filter: evaluated for every message.
    let rulesGatedByUnfilteredPatterns: [Int]
    /// By rule: whether its condition uses a pattern with named groups (whose captures
    /// become entities when it fires).
    let rulesWithCaptures: [Bool]

    init(patterns: [CompiledPattern], rules: [CompiledRule], categories: [CompiledCategory], signals: [CompiledSignal],
         entities: [CompiledEntity], playbooks: [CompiledPlaybook], settings: ScoringSettings, fallbackCategory: Int,
         files: [SourceFile], entityNames: Set<String>, entityTitles: [String: String], normalizer: TextNormalizer = TextNormalizer()) {
        self.normalizer = normalizer
        self.patterns = patterns
        self.rules = rules
        self.categories = categories
        self.signals = signals
        self.entities = entities
        self.playbooks = playbooks
        self.settings = settings
        self.fallbackCategory = fallbackCategory
        self.files = files
        self.entityNames = entityNames
        self.entityTitles = entityTitles
        var byPattern = Array(repeating: [Int](), count: patterns.count)
        for rule in rules {
            for pattern in Set(rule.patterns) { byPattern[pattern].append(rule.index) }
        }
        self.rulesByPattern = byPattern
        self.categoryIndexByID = Dictionary(categories.map { ($0.id, $0.index) }, uniquingKeysWith: { first, _ in first })
        self.prefilter = Prefilter(patterns: patterns)
        self.wordLists = WordListIndex(patterns: patterns)
        var unconditional: [Int] = []
        var gated = Array(repeating: [Int](), count: patterns.count)
        for rule in rules {
            if rule.condition.needsAMatch {
                for pattern in Set(rule.condition.patternIndices) { gated[pattern].append(rule.index) }
            } else {
                unconditional.append(rule.index)
            }
        }
        self.unconditionalRules = unconditional
        self.gatedRulesByPattern = gated
        self.rulesGatedByUnfilteredPatterns = Array(Set(prefilter.alwaysRun.flatMap { gated[$0] })).sorted()
        self.rulesWithCaptures = rules.map { rule in rule.condition.patternIndices.contains { !patterns[$0].captureNames.isEmpty } }
    }

    /// How many patterns the prefilter can skip (those with required literals), and the
    /// literals in its automaton: for reports and benchmarks.
    public var prefilterCoverage: (filtered: Int, always: Int, literals: Int) {
        (patterns.count - prefilter.alwaysRun.count, prefilter.alwaysRun.count, prefilter.literalCount)
    }

    public func category(id: String) -> CompiledCategory? {
        categoryIndexByID[id].map { categories[$0] }
    }
}
