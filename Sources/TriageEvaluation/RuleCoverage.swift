import Foundation
import TriageEngine
import TriageSupport
import TriageSyntax

/// `triage test --coverage`, as `opa test --coverage` does for policies: per rule file, which
/// rules fired on the cases, which patterns (the alternatives of `or`, `any of` and word
/// lists) matched, and which entries of each word list matched — with counts of cases. A
/// word-list entry that matched nothing is a candidate for removal.
public struct RuleCoverage: Sendable {
    public struct RuleEntry: Sendable {
        public let name: String
        public let line: Int
        /// Cases the rule fired on.
        public let fired: Int
    }

    public struct PatternEntry: Sendable {
        public let source: String
        public let line: Int
        public let column: Int
        /// Cases in which the pattern matched (in the speaker scope of a rule that uses it).
        public let matched: Int
    }

    public struct WordEntry: Sendable {
        public let text: String
        public let line: Int
        public let column: Int
        public let matched: Int
    }

    public struct File: Sendable {
        public let path: String
        public let rules: [RuleEntry]
        public let patterns: [PatternEntry]
        public let words: [WordEntry]
        /// The file's lines, for reports that show it coloured by coverage.
        public let lines: [String]

        /// Per line: true when something on it was covered, false when something on it never
        /// was, nil when nothing on it is counted. A line with both reads covered.
        public var lineCoverage: [Int: Bool] {
            var result: [Int: Bool] = [:]
            func mark(_ line: Int, _ covered: Bool) { result[line] = (result[line] ?? false) || covered }
            for rule in rules { mark(rule.line, rule.fired > 0) }
            for pattern in patterns { mark(pattern.line, pattern.matched > 0) }
            for word in words { mark(word.line, word.matched > 0) }
            return result
        }
    }

    public let cases: Int
    public let files: [File]

    public var rulesFired: Int { files.reduce(0) { $0 + $1.rules.filter { $0.fired > 0 }.count } }
    public var ruleCount: Int { files.reduce(0) { $0 + $1.rules.count } }
    public var patternsMatched: Int { files.reduce(0) { $0 + $1.patterns.filter { $0.matched > 0 }.count } }
    public var patternCount: Int { files.reduce(0) { $0 + $1.patterns.count } }
    public var wordsMatched: Int { files.reduce(0) { $0 + $1.words.filter { $0.matched > 0 }.count } }
    public var wordCount: Int { files.reduce(0) { $0 + $1.words.count } }

    /// Counts over `results`, which must have been run with coverage on.
    public init(results: [CaseResult], ruleSet: CompiledRuleSet) {
        cases = results.count
        var fired = [Int](repeating: 0, count: ruleSet.rules.count)
        var matched = [Int](repeating: 0, count: ruleSet.patterns.count)
        var matchedTexts: [Int: [String: Int]] = [:]
        for result in results {
            for rule in Set(result.firedRules) { fired[rule] += 1 }
            guard let coverage = result.coverage else { continue }
            for pattern in coverage.matchedPatterns { matched[pattern] += 1 }
            for (pattern, texts) in coverage.matchedWords {
                for text in texts { matchedTexts[pattern, default: [:]][text, default: 0] += 1 }
            }
        }
        let wordLists = Self.wordLists(in: ruleSet.files)
        var files: [File] = []
        for file in ruleSet.files {
            let rules = ruleSet.rules.filter { $0.file.path == file.path }.map {
                RuleEntry(name: $0.name, line: file.location(of: $0.span.start).line, fired: fired[$0.index])
            }
            var patterns: [PatternEntry] = []
            var words: [WordEntry] = []
            for pattern in ruleSet.patterns where pattern.file.path == file.path {
                let location = file.location(of: pattern.span.start)
                patterns.append(PatternEntry(source: pattern.source, line: location.line, column: location.column, matched: matched[pattern.index]))
                guard pattern.kind == .words, let list = wordLists[file.path]?[pattern.span.start] else { continue }
                let texts = matchedTexts[pattern.index] ?? [:]
                for entry in list.entries {
                    let place = file.location(of: entry.span.start)
                    let count = texts.reduce(0) { sum, item in sum + (Self.entry(entry.text, in: list, matches: item.key) ? item.value : 0) }
                    words.append(WordEntry(text: entry.text, line: place.line, column: place.column, matched: count))
                }
            }
            guard !rules.isEmpty || !patterns.isEmpty else { continue }
            files.append(File(path: file.path, rules: rules, patterns: patterns, words: words,
                              lines: file.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)))
        }
        self.files = files
    }

    /// Whether a word-list entry accounts for what the list matched: the same words ignoring
    /// case and spacing, a `deliver*` prefix, or for a fuzzy list one edit in a long word.
    static func entry(_ entry: String, in list: WordList, matches text: String) -> Bool {
        let wanted = entry.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let found = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if wanted == found { return true }
        if wanted.hasSuffix("*") && found.hasPrefix(String(wanted.dropLast())) { return true }
        if list.gap > 0 {
            // Words may stand between the entry's: its words in order, the first and last in place.
            let parts = wanted.split(separator: " ")
            let got = found.split(separator: " ")
            if let first = parts.first, let last = parts.last, got.first == first, got.last == last { return true }
        }
        if list.isFuzzy && wanted.count >= WordList.fuzzyMinimumLength && !wanted.contains(" ") {
            return EditDistance.damerauLevenshtein(wanted, found) <= 1
        }
        return false
    }

    /// Every `words { … }` of the pack by file and start offset: the compiled patterns point
    /// back to them.
    private static func wordLists(in files: [SourceFile]) -> [String: [Int: WordList]] {
        var result: [String: [Int: WordList]] = [:]
        for file in files {
            let (parsed, _) = Parser.parse(file)
            var lists: [Int: WordList] = [:]
            for declaration in parsed.declarations {
                for expression in expressions(of: declaration) {
                    expression.walk { node in
                        if case .words(let list) = node { lists[list.span.start] = list }
                        return true
                    }
                }
            }
            result[file.path] = lists
        }
        return result
    }

    private static func expressions(of declaration: Declaration) -> [TriageSyntax.Expression] {
        switch declaration {
        case .define(let d): return [d.value]
        case .rule(let d): return (d.condition.map { [$0] } ?? []) + d.exceptions
        case .entity(let d): return [d.pattern]
        default: return []
        }
    }

    /// Word-list entries that matched no case, in file order: candidates for removal.
    public var unmatchedWords: [(file: String, entry: WordEntry)] {
        files.flatMap { file in file.words.filter { $0.matched == 0 }.map { (file.path, $0) } }
    }
}
