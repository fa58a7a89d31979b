internal import TriagePCRE2
import TriageSupport
import TriageSyntax

/// Checks a loaded rule pack (names, duplicates, types, regexes, playbooks) and builds the
/// immutable `CompiledRuleSet`. Like the parser it reports every problem it finds.
public struct RulePackCompiler {
    struct Symbol<Declaration> {
        let declaration: Declaration
        let file: SourceFile
    }

    var diagnostics: [Diagnostic] = []
    var defines: [String: Symbol<DefineDeclaration>] = [:]
    var categoryDeclarations: [Symbol<CategoryDeclaration>] = []
    var signalDeclarations: [Symbol<SignalDeclaration>] = []
    var entityDeclarations: [Symbol<EntityDeclaration>] = []
    var ruleDeclarations: [Symbol<RuleDeclaration>] = []
    var playbookDeclarations: [Symbol<PlaybookDeclaration>] = []
    var settingsDeclaration: Symbol<SettingsDeclaration>?
    var spellingDeclarations: [Symbol<SpellingDeclaration>] = []
    var overrides: [Symbol<OverrideDeclaration>] = []
    /// Rule weights set by `override rule NAME { weight N }`.
    var overriddenWeights: [String: Double] = [:]
    /// Every word of every word list and spelling, lower-case: fuzzy lists never treat one
    /// of the pack's own words as a typo, and letter runs collapse to them first.
    var vocabulary: Set<String> = []
    /// The words fuzzy lists never read as typos, built for the first fuzzy list.
    var realWords: RealWordSet?

    // Pattern table, deduplicated by what the pattern does (not where it is written).
    var patterns: [CompiledPattern] = []
    var patternIndexByKey: [String: Int] = [:]
    /// Regex literals that failed to compile, so each is reported once however often its definition is used.
    var failedLiterals: Set<String> = []
    /// Definitions being expanded, to catch `define a = b` / `define b = a`.
    var expanding: [String] = []
    /// Each definition is compiled once, so its errors are reported once however often it is used.
    var compiledDefines: [String: Condition] = [:]
    /// `RuleLimits.maximumRules` and `maximumPatterns`; tests lower them.
    let maximumRules: Int
    let maximumPatterns: Int
    /// Set once `too-many-patterns` is reported, so it is reported once.
    var patternLimitReported = false

    init(maximumRules: Int = RuleLimits.maximumRules, maximumPatterns: Int = RuleLimits.maximumPatterns) {
        self.maximumRules = maximumRules
        self.maximumPatterns = maximumPatterns
    }

    /// Compiles a loaded pack. The rule set is nil when there are errors.
    public static func compile(_ pack: LoadedRulePack) -> (CompiledRuleSet?, [Diagnostic]) {
        compile(pack, compiler: RulePackCompiler())
    }

    static func compile(_ pack: LoadedRulePack, compiler: RulePackCompiler) -> (CompiledRuleSet?, [Diagnostic]) {
        let result = compileKeepingPatterns(pack, compiler: compiler)
        return (result.ruleSet, result.diagnostics)
    }

    /// Like ``compile(_:)``, and also every pattern that compiled, even when the pack has
    /// errors (then the rule set is nil): lint still checks those regexes.
    public static func compileKeepingPatterns(_ pack: LoadedRulePack) -> (ruleSet: CompiledRuleSet?, diagnostics: [Diagnostic], patterns: [CompiledPattern]) {
        compileKeepingPatterns(pack, compiler: RulePackCompiler())
    }

    static func compileKeepingPatterns(_ pack: LoadedRulePack, compiler: RulePackCompiler)
        -> (ruleSet: CompiledRuleSet?, diagnostics: [Diagnostic], patterns: [CompiledPattern]) {
        var compiler = compiler
        let ruleSet = compiler.run(pack)
        let all = (pack.diagnostics + compiler.diagnostics).sortedForDisplay()
        return (all.hasErrors ? nil : ruleSet, all, compiler.patterns)
    }

    mutating func error(_ id: DiagnosticID, _ message: String, _ file: SourceFile, _ span: SourceSpan?, hint: String? = nil, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(id, message, file: file, span: span, hint: hint, notes: notes))
    }

    private mutating func run(_ pack: LoadedRulePack) -> CompiledRuleSet? {
        collectSymbols(pack.files)
        applyOverrides()
        // Checked before anything is compiled, so an oversized pack fails fast.
        if ruleDeclarations.count > maximumRules {
            let first = ruleDeclarations[maximumRules]
            error(.tooManyRules, "the pack has \(ruleDeclarations.count) rules, more than \(maximumRules)", first.file, first.declaration.name.span,
                  hint: "split it into packs that are loaded separately")
            return nil
        }
        let settings = compileSettings()
        let spelling = compileSpelling()
        vocabulary = RulePackCompiler.vocabulary(of: pack.files, spelling: spelling)

        // Categories, with the fallback added when the pack does not declare it.
        var categories: [CompiledCategory] = []
        let playbookIndexByName = Dictionary(playbookDeclarations.enumerated().map { ($1.declaration.name.name, $0) }, uniquingKeysWith: { a, _ in a })
        for symbol in categoryDeclarations {
            let declaration = symbol.declaration
            var playbook: Int?
            if let name = declaration.playbook {
                playbook = playbookIndexByName[name.name]
                if playbook == nil {
                    undefined("playbook", name, symbol.file, candidates: Array(playbookIndexByName.keys))
                }
            } else {
                error(.categoryWithoutPlaybook, "category '\(declaration.id.name)' has no playbook", symbol.file, declaration.id.span,
                      hint: "add a block: category \(declaration.id.name) \"…\" { playbook \(declaration.id.name.replacingOccurrences(".", "_")) }")
            }
            categories.append(CompiledCategory(index: categories.count, id: declaration.id.name, title: declaration.title?.value ?? declaration.id.name,
                                               priority: declaration.priority?.value ?? 0, playbook: playbook, description: declaration.description?.value))
        }
        var fallback = categories.firstIndex { $0.id == settings.fallback }
        if fallback == nil {
            if let symbol = settingsDeclaration, let setting = symbol.declaration.settings.first(where: { $0.name.name == "fallback" }) {
                error(.undefinedName, "fallback category '\(settings.fallback)' is not declared", symbol.file, setting.value.span,
                      hint: "declare it: category \(settings.fallback) \"Other\" { playbook … }")
            }
            categories.append(CompiledCategory(index: categories.count, id: settings.fallback, title: "Other", priority: -1, playbook: nil, description: nil))
            fallback = categories.count - 1
        }
        let categoryIndexByID = Dictionary(categories.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        compilePrecedence(&categories, indexByID: categoryIndexByID)

        let signals = signalDeclarations.enumerated().map { index, symbol in
            CompiledSignal(index: index, name: symbol.declaration.name.name, title: symbol.declaration.title?.value ?? symbol.declaration.name.name)
        }
        let signalIndexByName = Dictionary(signals.map { ($0.name, $0.index) }, uniquingKeysWith: { a, _ in a })

        // Every definition, used or not, so mistakes in unused ones are found too.
        for name in defines.keys.sorted(by: { defines[$0]!.declaration.span.start < defines[$1]!.declaration.span.start }) {
            _ = compileDefinition(name)
        }

        // Rules.
        var rules: [CompiledRule] = []
        for symbol in ruleDeclarations {
            let declaration = symbol.declaration
            let target: CompiledTarget?
            switch declaration.target {
            case .category(let id):
                if let index = categoryIndexByID[id.name] { target = .category(index) } else {
                    undefined("category", id, symbol.file, candidates: categories.map(\.id))
                    target = nil
                }
            case .signal(let name):
                if let index = signalIndexByName[name.name] { target = .signal(index) } else {
                    undefined("signal", name, symbol.file, candidates: signals.map(\.name),
                              hint: "declare it: signal \(name.name) \"…\"")
                    target = nil
                }
            }
            var speaker = SpeakerScope.customer
            if let written = declaration.speaker {
                if let scope = SpeakerScope(rawValue: written.name) { speaker = scope } else {
                    error(.unknownSpeaker, "unknown speaker '\(written.name)'", symbol.file, written.span, hint: "speaker is customer, agent or any")
                }
            }
            let condition = declaration.condition.map { compileCondition($0, in: symbol.file) }
            let exceptions = declaration.exceptions.map { compileCondition($0, in: symbol.file) }
            let examples = declaration.examples.compactMap { example -> CompiledExample? in
                guard let index = categoryIndexByID[example.category.name] else {
                    undefined("category", example.category, symbol.file, candidates: categories.map(\.id))
                    return nil
                }
                // The message starts after the opening quote.
                let start = symbol.file.location(of: example.text.span.start)
                return CompiledExample(text: example.text.value, category: index, negated: example.negated, file: symbol.file,
                                       line: start.line, column: start.column + 1)
            }
            guard let target, let condition else { continue }
            rules.append(CompiledRule(index: rules.count, name: declaration.name.name, target: target, condition: condition, exceptions: exceptions,
                                      weight: overriddenWeights[declaration.name.name] ?? declaration.weight?.value ?? 1, speaker: speaker, description: declaration.description?.value,
                                      file: symbol.file, span: declaration.span,
                                      patterns: condition.patternIndices + exceptions.flatMap(\.patternIndices), examples: examples))
        }

        // Entities: declared ones, then named captures anywhere.
        var entities: [CompiledEntity] = []
        var entityTitles: [String: String] = [:]
        var declaredEntityNames: Set<String> = []
        for symbol in entityDeclarations {
            let declaration = symbol.declaration
            var normalizer = EntityNormalizer.implied(byName: declaration.name.name)
            if let written = declaration.normalizer {
                if let known = EntityNormalizer(rawValue: written.name) { normalizer = known } else {
                    error(.unknownNormalizer, "unknown normaliser '\(written.name)'", symbol.file, written.span,
                          hint: "one of: " + EntityNormalizer.allCases.map(\.rawValue).joined(separator: ", "))
                }
            }
            // Declared, even when its pattern is refused: templates and `needs` that name it
            // are not reported again.
            declaredEntityNames.insert(declaration.name.name)
            entityTitles[declaration.name.name] = declaration.title?.value ?? declaration.name.name.replacingOccurrences("_", " ")
            let condition = compileCondition(declaration.pattern, in: symbol.file)
            guard let alternatives = RulePackCompiler.patternAlternatives(condition) else {
                if !declaration.pattern.isError {
                    error(.notAPattern, "an entity is a pattern, or patterns joined by 'or'", symbol.file, declaration.pattern.span,
                          hint: "write regexes, phrases, word lists or definitions joined by 'or'; 'and', 'not' and 'within' decide whether a rule fires, not what to extract")
                }
                continue
            }
            guard !alternatives.isEmpty else { continue }
            entities.append(CompiledEntity(name: declaration.name.name, title: declaration.title?.value ?? declaration.name.name.replacingOccurrences("_", " "),
                                           patterns: alternatives, normalizer: normalizer))
        }
        var entityNames = Set(entities.map(\.name)).union(declaredEntityNames)
        for pattern in patterns { entityNames.formUnion(pattern.captureNames) }
        for name in entityNames where entityTitles[name] == nil { entityTitles[name] = name.replacingOccurrences("_", " ") }

        let playbooks = playbookDeclarations.enumerated().map { index, symbol in
            compilePlaybook(symbol.declaration, index: index, in: symbol.file, signals: signalIndexByName, entities: entityNames)
        }

        return CompiledRuleSet(patterns: patterns, rules: rules, categories: categories, signals: signals, entities: entities,
                               playbooks: playbooks, settings: settings, fallbackCategory: fallback!,
                               files: pack.files.map(\.source), entityNames: entityNames, entityTitles: entityTitles,
                               normalizer: TextNormalizer(spelling: spelling, packVocabulary: vocabulary, isEnabled: settings.normalize))
    }

    // MARK: Symbols

    private mutating func collectSymbols(_ files: [RuleFile]) {
        var seen: [String: (kind: String, file: SourceFile, span: SourceSpan)] = [:]
        func claim(_ kind: String, _ name: Identifier, _ file: SourceFile, into compiler: inout RulePackCompiler) -> Bool {
            let key = kind + ":" + name.name
            if let first = seen[key] {
                compiler.error(.duplicateDefinition, "\(kind) '\(name.name)' is defined twice", file, name.span,
                               hint: "rename one of them or remove the duplicate",
                               notes: [Diagnostic.Note("first defined here", file: first.file, span: first.span)])
                return false
            }
            seen[key] = (kind, file, name.span)
            return true
        }
        for ruleFile in files {
            let file = ruleFile.source
            for declaration in ruleFile.declarations {
                switch declaration {
                case .importFile: break
                case .define(let d): if claim("definition", d.name, file, into: &self) { defines[d.name.name] = Symbol(declaration: d, file: file) }
                case .category(let d): if claim("category", d.id, file, into: &self) { categoryDeclarations.append(Symbol(declaration: d, file: file)) }
                case .signal(let d): if claim("signal", d.name, file, into: &self) { signalDeclarations.append(Symbol(declaration: d, file: file)) }
                case .entity(let d): if claim("entity", d.name, file, into: &self) { entityDeclarations.append(Symbol(declaration: d, file: file)) }
                case .rule(let d): if claim("rule", d.name, file, into: &self) { ruleDeclarations.append(Symbol(declaration: d, file: file)) }
                case .playbook(let d): if claim("playbook", d.name, file, into: &self) { playbookDeclarations.append(Symbol(declaration: d, file: file)) }
                case .spelling(let d): spellingDeclarations.append(Symbol(declaration: d, file: file))
                case .override(let d): overrides.append(Symbol(declaration: d, file: file))
                // Read by `triage lint` only.
                case .lint: break
                case .settings(let d):
                    if let first = settingsDeclaration {
                        error(.duplicateDefinition, "settings are given twice", file, SourceSpan(start: d.span.start, end: d.span.start + 8),
                              hint: "a rule pack has one settings block", notes: [Diagnostic.Note("first given here", file: first.file, span: SourceSpan(start: first.declaration.span.start, end: first.declaration.span.start + 8))])
                    } else {
                        settingsDeclaration = Symbol(declaration: d, file: file)
                    }
                }
            }
        }
    }

    mutating func undefined(_ kind: String, _ name: Identifier, _ file: SourceFile, candidates: [String], hint: String? = nil) {
        let suggestion = Parser.closestName(name.name, among: candidates)
        // One close candidate is a certain fix; with two at the same distance it is a guess.
        let isCertain = suggestion.map { best in
            candidates.filter { Parser.editDistance(name.name.lowercased(), $0) == Parser.editDistance(name.name.lowercased(), best) }.count == 1
        } ?? false
        diagnostics.append(.error(.undefinedName, "undefined \(kind) '\(name.name)'", file: file, span: name.span,
                                  hint: suggestion.map { "did you mean '\($0)'?" } ?? hint,
                                  fix: isCertain ? suggestion.map { Diagnostic.Fix(span: name.span, replacement: $0) } : nil))
    }

    // MARK: Settings

    private mutating func compileSettings() -> ScoringSettings {
        var settings = ScoringSettings()
        guard let symbol = settingsDeclaration else { return settings }
        let known = ["threshold", "secondary_ratio", "fallback", "negation_window", "normalize", "date_order"]
        for setting in symbol.declaration.settings {
            let value = setting.value
            func number(_ range: ClosedRange<Double>) -> Double? {
                guard value.kind == .number, let number = Double(value.text), range.contains(number) else {
                    error(.invalidSetting, "'\(setting.name.name)' must be a number from \(range.lowerBound.compact) to \(range.upperBound.compact)", symbol.file, value.span)
                    return nil
                }
                return number
            }
            switch setting.name.name {
            case "threshold": if let n = number(0...1_000_000) { settings.threshold = n }
            case "secondary_ratio": if let n = number(0...1) { settings.secondaryRatio = n }
            case "negation_window": if let n = number(0...20) { settings.negationWindow = Int(n) }
            case "date_order":
                if let order = DateContext.Order(rawValue: value.text) { settings.dateOrder = order } else {
                    error(.invalidSetting, "'date_order' must be 'month_first' or 'day_first'", symbol.file, value.span)
                }
            case "normalize":
                switch value.text {
                case "on": settings.normalize = true
                case "off": settings.normalize = false
                default: error(.invalidSetting, "'normalize' must be 'on' or 'off'", symbol.file, value.span)
                }
            case "fallback":
                if value.kind == .word { settings.fallback = value.text } else {
                    error(.invalidSetting, "'fallback' must be a category id", symbol.file, value.span)
                }
            default:
                let suggestion = Parser.closestName(setting.name.name, among: known)
                error(.unknownSetting, "unknown setting '\(setting.name.name)'", symbol.file, setting.name.span,
                      hint: suggestion.map { "did you mean '\($0)'?" } ?? "settings are " + known.joined(separator: ", "))
            }
        }
        return settings
    }
}

extension RulePackCompiler {
    /// `override`: each replaces what it names, once; naming nothing is `nothing-to-override`.
    mutating func applyOverrides() {
        var seen: [String: Symbol<OverrideDeclaration>] = [:]
        for symbol in overrides {
            let (kind, name) = symbol.declaration.kindAndName
            if let first = seen[kind + ":" + name.name] {
                error(.duplicateDefinition, "\(kind) '\(name.name)' is overridden twice", symbol.file, name.span, hint: "keep one override",
                      notes: [Diagnostic.Note("first overridden here", file: first.file, span: first.declaration.kindAndName.name.span)])
                continue
            }
            seen[kind + ":" + name.name] = symbol
            switch symbol.declaration.target {
            case .playbook(let replacement):
                guard let index = playbookDeclarations.firstIndex(where: { $0.declaration.name.name == name.name }) else {
                    nothingToOverride(kind, name, symbol.file, candidates: playbookDeclarations.map(\.declaration.name.name))
                    continue
                }
                playbookDeclarations[index] = Symbol(declaration: replacement, file: symbol.file)
            case .category(let replacement):
                guard let index = categoryDeclarations.firstIndex(where: { $0.declaration.id.name == name.name }) else {
                    nothingToOverride(kind, name, symbol.file, candidates: categoryDeclarations.map(\.declaration.id.name))
                    continue
                }
                let original = categoryDeclarations[index]
                let d = original.declaration
                // A playbook named by the override is looked up from the override's file.
                let merged = CategoryDeclaration(id: d.id, title: replacement.title ?? d.title, playbook: replacement.playbook ?? d.playbook,
                                                 priority: replacement.priority ?? d.priority,
                                                 outranks: replacement.outranks.isEmpty ? d.outranks : replacement.outranks,
                                                 description: replacement.description ?? d.description, span: d.span)
                categoryDeclarations[index] = Symbol(declaration: merged, file: replacement.playbook == nil ? original.file : symbol.file)
            case .rule(_, let weight):
                guard let index = ruleDeclarations.firstIndex(where: { $0.declaration.name.name == name.name }) else {
                    nothingToOverride(kind, name, symbol.file, candidates: ruleDeclarations.map(\.declaration.name.name))
                    continue
                }
                if let weight { overriddenWeights[ruleDeclarations[index].declaration.name.name] = weight.value }
            }
        }
    }

    private mutating func nothingToOverride(_ kind: String, _ name: Identifier, _ file: SourceFile, candidates: [String]) {
        let suggestion = Parser.closestName(name.name, among: candidates)
        error(.nothingToOverride, "there is no \(kind) '\(name.name)' to override", file, name.span,
              hint: suggestion.map { "did you mean '\($0)'?" } ?? "override replaces a \(kind) declared in another file of the pack, e.g. one from import \"triage:ecommerce\"")
    }

    /// The patterns of a condition made only of patterns joined by `or` (nil otherwise); an
    /// empty list for a pattern that failed to compile, already reported.
    static func patternAlternatives(_ condition: Condition) -> [Int]? {
        switch condition {
        case .pattern(let index): return [index]
        case .labelled(_, let inner): return patternAlternatives(inner)
        case .or(let items):
            var result: [Int] = []
            for item in items {
                guard let inner = patternAlternatives(item) else { return nil }
                result += inner
            }
            return result
        default: return nil
        }
    }

    /// `outranks`: each category's direct list resolved, then closed over (a outranks b,
    /// b outranks c: a outranks c). A category that ends up outranking itself is a
    /// `precedence-cycle`, reported at the clause that closes it.
    mutating func compilePrecedence(_ categories: inout [CompiledCategory], indexByID: [String: Int]) {
        var direct = Array(repeating: [(target: Int, id: Identifier, file: SourceFile)](), count: categories.count)
        for (index, symbol) in categoryDeclarations.enumerated() {
            for id in symbol.declaration.outranks {
                guard let target = indexByID[id.name] else {
                    undefined("category", id, symbol.file, candidates: categories.map(\.id))
                    continue
                }
                if target == index {
                    error(.precedenceCycle, "category '\(id.name)' cannot outrank itself", symbol.file, id.span, hint: "remove '\(id.name)' from its 'outranks'")
                    continue
                }
                direct[index].append((target, id, symbol.file))
            }
        }
        for index in categories.indices {
            // Depth-first over the direct edges, remembering the first clause of each path.
            var reached: Set<Int> = []
            var stack = direct[index].map(\.target)
            while let next = stack.popLast() {
                guard reached.insert(next).inserted else { continue }
                stack += direct[next].map(\.target)
            }
            if reached.contains(index) {
                // Report once per cycle, at the smallest index on it.
                let edges = direct.map { $0.map(\.target) }
                let onCycle = reached.filter { $0 != index && reachable(from: $0, to: index, edges) }
                if onCycle.allSatisfy({ $0 > index }), let clause = direct[index].first(where: { edge in
                    edge.target == index || reachable(from: edge.target, to: index, direct.map { $0.map(\.target) })
                }) {
                    let path = cyclePath(from: index, through: clause.target, direct.map { $0.map(\.target) }).map { categories[$0].id }
                    error(.precedenceCycle, "categories outrank each other in a circle: " + path.joined(separator: " -> "), clause.file, clause.id.span,
                          hint: "precedence must have a top: remove one 'outranks' on this circle")
                }
                reached.remove(index)
            }
            categories[index].outranks = reached
        }
    }

    private func reachable(from start: Int, to goal: Int, _ edges: [[Int]]) -> Bool {
        var seen: Set<Int> = [], stack = [start]
        while let next = stack.popLast() {
            if next == goal { return true }
            if seen.insert(next).inserted { stack += edges[next] }
        }
        return false
    }

    /// start -> first -> … -> start, the shortest way back.
    private func cyclePath(from start: Int, through first: Int, _ edges: [[Int]]) -> [Int] {
        var parent: [Int: Int] = [:]
        var seen: Set<Int> = [first]
        var queue = [first], head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            if node == start { break }
            for next in edges[node] where seen.insert(next).inserted {
                parent[next] = node
                queue.append(next)
            }
        }
        var back = [start], node = start
        while node != first, let up = parent[node] {
            back.append(up)
            node = up
        }
        return [start] + back.reversed()
    }

    /// The spelling corrections of every `spelling` block; a variant given twice is an error.
    mutating func compileSpelling() -> [String: String] {
        var corrections: [String: String] = [:]
        var firstSeen: [String: (file: SourceFile, span: SourceSpan)] = [:]
        for symbol in spellingDeclarations {
            for correction in symbol.declaration.corrections {
                for variant in correction.variants {
                    let key = TextNormalizer.key(variant.text)
                    if let first = firstSeen[key] {
                        error(.duplicateDefinition, "spelling variant '\(variant.text)' is given twice", symbol.file, variant.span,
                              hint: "keep one line for it", notes: [Diagnostic.Note("first given here", file: first.file, span: first.span)])
                        continue
                    }
                    if key == TextNormalizer.key(correction.canonical.text) {
                        error(.invalidSpelling, "'\(variant.text)' is rewritten to itself", symbol.file, variant.span, hint: "remove it")
                        continue
                    }
                    firstSeen[key] = (symbol.file, variant.span)
                    corrections[key] = correction.canonical.text
                }
            }
        }
        return corrections
    }

    /// The lower-case words of every word list and phrase in the pack, and of the spellings.
    static func vocabulary(of files: [RuleFile], spelling: [String: String]) -> Set<String> {
        var words: Set<String> = []
        func add(_ text: String) {
            for word in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                let trimmed = word.hasSuffix("*") ? word.dropLast() : word
                guard !trimmed.isEmpty else { continue }
                // Most words have no curly apostrophe; replacing walks Characters, so only when needed.
                words.insert(trimmed.utf8.contains(0xE2) ? String(trimmed).replacingOccurrences("’", "'") : String(trimmed))
            }
        }
        func visit(_ expression: Expression) {
            expression.walk { node in
                switch node {
                case .words(let list): list.entries.forEach { add($0.text) }
                case .phrase(let literal): add(literal.value)
                default: break
                }
                return true
            }
        }
        for file in files {
            for declaration in file.declarations {
                switch declaration {
                case .define(let d): visit(d.value)
                case .entity(let d): visit(d.pattern)
                case .rule(let d):
                    d.condition.map(visit)
                    d.exceptions.forEach(visit)
                default: break
                }
            }
        }
        spelling.values.forEach(add)
        return words
    }
}



extension String {
    func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}

extension Expression {
    var isError: Bool {
        if case .error = self { return true }
        return false
    }
}

extension Condition {
    var unlabelled: Condition {
        if case .labelled(_, let inner) = self { return inner.unlabelled }
        return self
    }
}
