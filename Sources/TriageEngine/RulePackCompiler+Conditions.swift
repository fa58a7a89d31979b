internal import TriagePCRE2
import TriageSyntax

extension RulePackCompiler {
    /// A condition that is always false, standing in for one that failed to compile.
    static let failed = Condition.or([])

    mutating func compileCondition(_ expression: Expression, in file: SourceFile) -> Condition {
        switch expression {
        case .reference(let name):
            return compileReference(name, in: file)
        case .regex(let literal):
            return compileRegex(literal, in: file).map(Condition.pattern) ?? RulePackCompiler.failed
        case .phrase(let literal):
            let entry = WordList.Entry(text: literal.value, span: literal.span, isQuoted: true)
            return compileWords([entry], caseSensitive: false, span: literal.span, in: file).map(Condition.pattern) ?? RulePackCompiler.failed
        case .words(let list):
            return compileWords(list.entries, caseSensitive: list.isCaseSensitive, fuzzy: list.isFuzzy, gap: list.gap, span: list.span, in: file)
                .map(Condition.pattern) ?? RulePackCompiler.failed
        case .not(let inner, _):
            return .not(compileCondition(inner, in: file))
        case .and(let items, _):
            return .and(items.map { compileCondition($0, in: file) })
        case .or(let items, _):
            return .or(items.map { compileCondition($0, in: file) })
        case .proximity(let left, let right, let distance, let order, _):
            let l = requireSpans(left, in: file, context: "'within'")
            let r = requireSpans(right, in: file, context: "'within'")
            let mapped: ProximityOrder = order == .either ? .either : order == .before ? .before : .after
            return .proximity(l, r, distance: distance, order: mapped)
        case .quantified(let quantifier, let items, let span):
            let compiled = items.map { compileCondition($0, in: file) }
            switch quantifier {
            case .any: return .atLeast(1, compiled)
            case .all: return .and(compiled)
            case .atLeast(let count):
                if count > items.count {
                    error(.impossibleCount, "'at least \(count) of' a list of \(items.count) can never hold", file, span,
                          hint: "lower the count or add items")
                }
                return .atLeast(count, compiled)
            }
        case .call(let function, let argument, _):
            switch function {
            case .negated: return .polarity(.negated, requireSpans(argument, in: file, context: "'negated(…)'"))
            case .affirmed: return .polarity(.affirmed, requireSpans(argument, in: file, context: "'affirmed(…)'"))
            case .customer: return .speaker(.customer, compileCondition(argument, in: file))
            case .agent: return .speaker(.agent, compileCondition(argument, in: file))
            case .anyone: return .speaker(.any, compileCondition(argument, in: file))
            }
        case .error:
            return RulePackCompiler.failed
        }
    }

    /// Compiles an operand that must produce matched words, not just true or false.
    private mutating func requireSpans(_ expression: Expression, in file: SourceFile, context: String) -> Condition {
        let condition = compileCondition(expression, in: file)
        if !condition.yieldsSpans && !expression.isError && !isFailed(condition) {
            error(.notAPattern, "\(context) needs a pattern, and this is a condition", file, expression.span,
                  hint: "patterns are regexes, phrases, word lists, and 'or' / 'any of' over patterns; 'and' and 'not' give only true or false")
        }
        return condition
    }

    private func isFailed(_ condition: Condition) -> Bool {
        if case .or(let items) = condition.unlabelled, items.isEmpty { return true }
        return false
    }

    private mutating func compileReference(_ name: Identifier, in file: SourceFile) -> Condition {
        if defines[name.name] != nil {
            if let start = expanding.firstIndex(of: name.name) {
                let cycle = (expanding[start...] + [name.name]).joined(separator: " -> ")
                error(.definitionCycle, "definition cycle: \(cycle)", file, name.span, hint: "a definition cannot refer to itself, directly or through others")
                return RulePackCompiler.failed
            }
            guard expanding.count < RuleLimits.maximumDefinitionDepth else {
                error(.nestingTooDeep, "definitions refer to definitions more than \(RuleLimits.maximumDefinitionDepth) levels deep", file, name.span)
                return RulePackCompiler.failed
            }
            return compileDefinition(name.name)
        }
        if let symbol = entityDeclarations.first(where: { $0.declaration.name.name == name.name }) {
            return .labelled(name.name, compileCondition(symbol.declaration.pattern, in: symbol.file))
        }
        undefined("name", name, file, candidates: Array(defines.keys) + entityDeclarations.map(\.declaration.name.name),
                  hint: "define it first: define \(name.name) = words { … }, or quote it to match the text: \"\(name.name)\"")
        return RulePackCompiler.failed
    }

    mutating func compileDefinition(_ name: String) -> Condition {
        if let compiled = compiledDefines[name] { return compiled }
        guard let symbol = defines[name] else { return RulePackCompiler.failed }
        expanding.append(name)
        let compiled = Condition.labelled(name, compileCondition(symbol.declaration.value, in: symbol.file))
        expanding.removeLast()
        compiledDefines[name] = compiled
        return compiled
    }

    private mutating func compileRegex(_ literal: RegexLiteral, in file: SourceFile) -> Int? {
        var options: RegexOptions = []
        for flag in literal.flags {
            switch flag {
            case "i": options.insert(.caseless)
            case "s": options.insert(.dotAll)
            case "x": options.insert(.extended)
            case "m": options.insert(.multiline)
            case "n": options.insert(.noAutoCapture)
            default: break // reported by the lexer
            }
        }
        let key = "re:\(options.rawValue):\(literal.pattern)"
        if let index = patternIndexByKey[key] { return index }
        let location = "\(file.path):\(literal.span.start)"
        if failedLiterals.contains(location) { return nil }
        guard hasRoomForAPattern(file, literal.span) else { return nil }
        do {
            let regex = try Regex(literal.pattern, options: options)
            let analysis = LiteralExtractor.analyze(literal.pattern, extended: options.contains(.extended), caseless: options.contains(.caseless))
            return addPattern(key: key, kind: .regex, regex: regex, source: file.text(of: literal.span), file: file, span: literal.span, analysis: analysis)
        } catch {
            failedLiterals.insert(location)
            let offset = literal.patternStart + min(error.utf8Offset, literal.pattern.utf8.count)
            self.error(.invalidRegex, "invalid regex: \(error.message)", file, SourceSpan(start: offset, end: offset + 1),
                       hint: RulePackCompiler.regexHint(for: error.message))
            return nil
        }
    }

    static func regexHint(for message: String) -> String? {
        if message.contains("parenthesis") { return "every '(' needs a matching ')'; write a literal parenthesis as '\\(' or '\\)'" }
        if message.contains("]") { return "every '[' needs a matching ']'; write a literal bracket as '\\['" }
        if message.contains("quantifier") || message.contains("nothing to repeat") { return "'*', '+' and '?' repeat what comes before them; write a literal one as '\\*', '\\+' or '\\?'" }
        return nil
    }

    private mutating func compileWords(_ entries: [WordList.Entry], caseSensitive: Bool, fuzzy: Bool = false, gap: Int = 0, span: SourceSpan,
                                       in file: SourceFile) -> Int? {
        guard !entries.isEmpty else { return nil }
        let texts = entries.map(\.text)
        let key = "w:\(caseSensitive ? "cs" : "ci")\(fuzzy ? "f" : "")\(gap > 0 ? "g\(gap)" : ""):" + texts.joined(separator: "\u{1}")
        if let index = patternIndexByKey[key] { return index }
        guard hasRoomForAPattern(file, span) else { return nil }
        let source: String
        let analysis: LiteralExtractor.Analysis
        let direct: WordListMatcher?
        if fuzzy {
            if realWords == nil { realWords = RealWordSet(vocabulary: vocabulary) }
            let fuzzyList = FuzzyWordList(entries: texts, gap: gap, realWords: realWords!)
            let guards = fuzzyList.guards()
            source = fuzzyList.regexSource(guards: guards)
            analysis = fuzzyList.analysis(caseless: !caseSensitive)
            direct = WordListMatcher(entries: texts, caseSensitive: caseSensitive, fuzzy: true, gap: gap, guards: guards)
        } else {
            source = WordListPattern.regexSource(for: texts, gap: gap)
            analysis = WordListPattern.analysis(for: texts, caseless: !caseSensitive)
            direct = WordListMatcher(entries: texts, caseSensitive: caseSensitive, fuzzy: false, gap: gap)
        }
        do {
            let regex = try Regex(source, options: caseSensitive ? [] : [.caseless])
            return addPattern(key: key, kind: entries.count == 1 && entries[0].isQuoted ? .phrase : .words, regex: regex,
                              source: file.text(of: span), file: file, span: span, analysis: analysis, wordList: direct)
        } catch {
            // Escaping makes this unreachable for well-formed lists; say so rather than crash.
            self.error(.invalidRegex, "word list could not be compiled: \(error.message)", file, span)
            return nil
        }
    }

    /// False, with `too-many-patterns` reported once, when the pattern table is full.
    private mutating func hasRoomForAPattern(_ file: SourceFile, _ span: SourceSpan) -> Bool {
        guard patterns.count >= maximumPatterns else { return true }
        if !patternLimitReported {
            patternLimitReported = true
            error(.tooManyPatterns, "the pack has more than \(maximumPatterns) distinct patterns; this is the first one over", file, span,
                  hint: "share patterns through 'define', or split the pack")
        }
        return false
    }

    private mutating func addPattern(key: String, kind: CompiledPattern.Kind, regex: Regex, source: String, file: SourceFile, span: SourceSpan,
                                     analysis: LiteralExtractor.Analysis, wordList: WordListMatcher? = nil) -> Int {
        let index = patterns.count
        patterns.append(CompiledPattern(index: index, kind: kind, regex: regex, source: source, file: file, span: span,
                                        requiredLiterals: analysis.requiredSets, maximumLength: analysis.maximumLength,
                                        exactWords: analysis.exactWords, isExactWordList: analysis.isExactWordList,
                                        literalSetPositions: analysis.setPositions, captureNames: regex.namedGroups.map(\.name),
                                        needsDigit: analysis.needsDigit, wordList: wordList))
        patternIndexByKey[key] = index
        return index
    }
}
