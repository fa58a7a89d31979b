import TriageEngine
import TriageSyntax

/// What a lint check looks at: every parsed file of the pack, its declarations by kind,
/// the compiled rule set when the pack compiled, and every pattern that compiled either way.
public struct LintContext {
    public struct Located<Node> {
        public let node: Node
        public let file: SourceFile
    }

    public let pack: LoadedRulePack
    public let ruleSet: CompiledRuleSet?
    /// Every pattern that compiled: the rule set's, or, when the pack has errors, those the
    /// compiler got through, so the regex checks report alongside the errors.
    public let patterns: [CompiledPattern]
    public let defines: [String: Located<DefineDeclaration>]
    public let defineOrder: [Located<DefineDeclaration>]
    public let rules: [Located<RuleDeclaration>]
    public let categories: [Located<CategoryDeclaration>]
    public let signals: [Located<SignalDeclaration>]
    public let entities: [Located<EntityDeclaration>]
    public let playbooks: [Located<PlaybookDeclaration>]
    public let spellings: [Located<SpellingDeclaration>]
    public let lintConfigs: [Located<LintConfigDeclaration>]
    public let fallback: String
    /// The index in `ruleSet.rules` of the compiled rule at each (file, span): looked up once
    /// per rule by several checks, which a linear search made quadratic in the pack's size.
    private let compiledIndex: [RuleLocation: Int]

    private struct RuleLocation: Hashable {
        let path: String
        let span: SourceSpan
    }

    public init(pack: LoadedRulePack, ruleSet: CompiledRuleSet?, patterns: [CompiledPattern]? = nil) {
        self.pack = pack
        self.ruleSet = ruleSet
        self.patterns = patterns ?? ruleSet?.patterns ?? []
        var defines: [String: Located<DefineDeclaration>] = [:]
        var defineOrder: [Located<DefineDeclaration>] = []
        var rules: [Located<RuleDeclaration>] = [], categories: [Located<CategoryDeclaration>] = []
        var signals: [Located<SignalDeclaration>] = [], entities: [Located<EntityDeclaration>] = []
        var playbooks: [Located<PlaybookDeclaration>] = []
        var spellings: [Located<SpellingDeclaration>] = []
        var lintConfigs: [Located<LintConfigDeclaration>] = []
        var fallback = "other"
        for ruleFile in pack.files {
            let file = ruleFile.source
            for declaration in ruleFile.declarations {
                switch declaration {
                case .define(let d):
                    let located = Located(node: d, file: file)
                    if defines[d.name.name] == nil { defines[d.name.name] = located }
                    defineOrder.append(located)
                case .rule(let d): rules.append(Located(node: d, file: file))
                case .category(let d): categories.append(Located(node: d, file: file))
                case .signal(let d): signals.append(Located(node: d, file: file))
                case .entity(let d): entities.append(Located(node: d, file: file))
                case .playbook(let d): playbooks.append(Located(node: d, file: file))
                case .settings(let d):
                    if let setting = d.settings.first(where: { $0.name.name == "fallback" }) { fallback = setting.value.text }
                case .spelling(let d): spellings.append(Located(node: d, file: file))
                case .lint(let d): lintConfigs.append(Located(node: d, file: file))
                case .override(let d):
                    // What an override brings in is used and checked like a declaration.
                    switch d.target {
                    case .playbook(let playbook): playbooks.append(Located(node: playbook, file: file))
                    case .category(let category): categories.append(Located(node: category, file: file))
                    case .rule: break
                    }
                case .importFile: break
                }
            }
        }
        self.defines = defines
        self.defineOrder = defineOrder
        self.rules = rules
        self.categories = categories
        self.signals = signals
        self.entities = entities
        self.playbooks = playbooks
        self.spellings = spellings
        self.lintConfigs = lintConfigs
        self.fallback = fallback
        var compiledIndex: [RuleLocation: Int] = [:]
        for (index, rule) in (ruleSet?.rules ?? []).enumerated() {
            // The first of two rules at one place wins, as the search it replaces did.
            let location = RuleLocation(path: rule.file.path, span: rule.span)
            if compiledIndex[location] == nil { compiledIndex[location] = index }
        }
        self.compiledIndex = compiledIndex
    }

    /// The compiled form of a rule declaration, matched by file and position.
    public func compiled(_ rule: Located<RuleDeclaration>) -> CompiledRule? {
        guard let ruleSet, let index = compiledIndex[RuleLocation(path: rule.file.path, span: rule.node.span)] else { return nil }
        return ruleSet.rules[index]
    }

    /// Every name an expression refers to, directly.
    public static func references(in expression: Expression) -> [Identifier] {
        var names: [Identifier] = []
        expression.walk { node in
            if case .reference(let name) = node { names.append(name) }
            return true
        }
        return names
    }

    /// Every word list, phrase and regex an expression uses, following definitions; `positive`
    /// is false for those under `not` or `negated` (they do not argue for the rule by being there), `nearby` is
    /// true for those that only count next to another pattern (`within`).
    public func patterns(in expression: TriageSyntax.Expression, file: SourceFile) -> [(expression: TriageSyntax.Expression, file: SourceFile, positive: Bool, nearby: Bool)] {
        var found: [(TriageSyntax.Expression, SourceFile, Bool, Bool)] = []
        var visiting = Set<String>()
        func walk(_ e: TriageSyntax.Expression, _ file: SourceFile, _ positive: Bool, _ nearby: Bool) {
            switch e {
            case .regex, .phrase, .words: found.append((e, file, positive, nearby))
            case .reference(let name):
                if let define = defines[name.name], visiting.insert(name.name).inserted {
                    walk(define.node.value, define.file, positive, nearby)
                    visiting.remove(name.name)
                } else if let entity = entities.first(where: { $0.node.name.name == name.name }) {
                    walk(entity.node.pattern, entity.file, positive, nearby)
                }
            case .error: break
            // Under `not` or `negated(…)` a pattern argues for the rule only in its absence or its
            // denial ("not damaged, just late"); it stays non-positive however deep it sits.
            case .not(let inner, _): walk(inner, file, false, nearby)
            case .call(let function, let inner, _): walk(inner, file, function == .negated ? false : positive, nearby)
            case .and(let items, _), .or(let items, _), .quantified(_, let items, _): items.forEach { walk($0, file, positive, nearby) }
            case .proximity(let left, let right, _, _, _): walk(left, file, positive, true); walk(right, file, positive, true)
            }
        }
        walk(expression, file, true, false)
        return found
    }

    /// Every word list in the pack, wherever it is written, once each.
    public var wordLists: [(list: WordList, file: SourceFile)] {
        leaves.compactMap { expression, file in
            if case .words(let list) = expression { return (list, file) } else { return nil }
        }
    }

    /// Every regex literal in the pack, once each.
    public var regexLiterals: [(literal: RegexLiteral, file: SourceFile)] {
        leaves.compactMap { expression, file in
            if case .regex(let literal) = expression { return (literal, file) } else { return nil }
        }
    }

    /// Every pattern leaf (word list, phrase, regex) as written, in definitions, entities and
    /// rules, without following names, so each written leaf appears once.
    private var leaves: [(TriageSyntax.Expression, SourceFile)] {
        var found: [(TriageSyntax.Expression, SourceFile)] = []
        func walk(_ expression: TriageSyntax.Expression, _ file: SourceFile) {
            expression.walk { node in
                switch node {
                case .words, .regex, .phrase: found.append((node, file))
                default: break
                }
                return true
            }
        }
        for define in defineOrder { walk(define.node.value, define.file) }
        for entity in entities { walk(entity.node.pattern, entity.file) }
        for rule in rules {
            if let condition = rule.node.condition { walk(condition, rule.file) }
            rule.node.exceptions.forEach { walk($0, rule.file) }
        }
        return found
    }
}
