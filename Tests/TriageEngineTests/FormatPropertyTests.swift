import Foundation
import Testing
import TriageTestSupport
import TriageEngine
import TriageSyntax

/// `triage fmt` never changes what a pack means and is idempotent: checked over every shipped
/// rule file and over a few hundred generated files full of comments and odd whitespace.
@Suite struct FormatPropertyTests {
    static let rulesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../rules").standardizedFileURL.path
    static let shippedFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: rulesFolder)) ?? []
        return names.filter { $0.hasSuffix(".rules") }.sorted()
    }()
    static let generatedSeeds = Array(0..<300)

    // MARK: Shipped rules

    @Test func thereAreShippedRuleFiles() {
        #expect(Self.shippedFiles.count >= 5, "no rule files found in \(Self.rulesFolder)")
    }

    /// Formats every file of rules/ and compiles the result as a pack: same fingerprint.
    @Test func shippedPackKeepsItsMeaning() throws {
        var original: [(path: String, contents: String)] = []
        var formatted: [(path: String, contents: String)] = []
        for name in Self.shippedFiles {
            let text = try String(contentsOfFile: Self.rulesFolder + "/" + name, encoding: .utf8)
            original.append((name, text))
            switch RuleFormatter.format(SourceFile(path: "rules/" + name, text: text)) {
            case .success(let result): formatted.append((name, result))
            case .failure(let failure):
                Issue.record("rules/\(name) could not be formatted: \(Self.describe(failure))")
                return
            }
        }
        let (before, beforeDiagnostics) = RuleEngine.compile(embedded: original, root: "rules")
        guard let before else {
            Issue.record("the shipped rules in rules/ do not compile, so their meaning cannot be compared; fix them first:\n\(DiagnosticRenderer().render(beforeDiagnostics))")
            return
        }
        let (after, afterDiagnostics) = RuleEngine.compile(embedded: formatted, root: "rules")
        guard let after else {
            Issue.record("the formatted shipped rules do not compile:\n\(DiagnosticRenderer().render(afterDiagnostics))")
            return
        }
        let expected = RuleSetFingerprint.of(before)
        let actual = RuleSetFingerprint.of(after)
        #expect(expected == actual, "formatting changed the meaning of the shipped pack:\n\(RuleFormatterDiff.unified(old: expected, new: actual, oldName: "original", newName: "formatted"))")
    }

    @Test(arguments: shippedFiles)
    func shippedFileIsIdempotentAndKeepsItsComments(_ name: String) throws {
        let text = try String(contentsOfFile: Self.rulesFolder + "/" + name, encoding: .utf8)
        checkFormatting(text, path: "rules/" + name, context: "rules/\(name)", compiles: false)
    }

    // MARK: Generated rule files

    @Test func generatedFilesAreVaried() {
        let texts = (0..<20).map { Generator.file(seed: UInt64($0)) }
        #expect(Set(texts).count == 20)
        #expect(texts.allSatisfy { $0.contains("#") && $0.contains("rule ") && $0.contains("words") })
    }

    @Test(arguments: generatedSeeds)
    func generatedFileKeepsItsMeaning(_ seed: Int) {
        let text = Generator.file(seed: UInt64(seed))
        checkFormatting(text, path: "generated.rules", context: "seed \(seed)", compiles: true)
    }

    // MARK: Checks

    /// Formats `text` and checks: the result keeps every comment and parses; formatting it again
    /// changes nothing; and, when `compiles`, it compiles to the same fingerprint.
    func checkFormatting(_ text: String, path: String, context: String, compiles: Bool,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        func fail(_ message: String) {
            Issue.record("\(context): \(message)\n--- input ---\n\(text)", sourceLocation: sourceLocation)
        }
        let source = SourceFile(path: path, text: text)
        let (parsed, diagnostics) = Parser.parse(source)
        guard !diagnostics.hasErrors else {
            return fail("the input does not parse:\n" + DiagnosticRenderer().render(diagnostics))
        }
        let formatted: String
        switch RuleFormatter.format(source) {
        case .success(let result): formatted = result
        case .failure(let failure): return fail("not formatted: " + Self.describe(failure))
        }
        if let problem = RuleFormatter.verify(original: parsed, formatted: formatted) {
            return fail(problem + "\n--- formatted ---\n" + formatted)
        }
        switch RuleFormatter.format(SourceFile(path: path, text: formatted)) {
        case .success(let again) where again != formatted:
            return fail("formatting is not idempotent:\n" + RuleFormatterDiff.unified(old: formatted, new: again, oldName: "once", newName: "twice"))
        case .failure(let failure):
            return fail("the formatted text cannot be formatted again: " + Self.describe(failure) + "\n--- formatted ---\n" + formatted)
        default: break
        }
        guard compiles else { return }
        let (before, beforeDiagnostics) = RuleEngine.compile(source: text, path: path)
        guard let before else {
            return fail("the input does not compile (a generator bug):\n" + DiagnosticRenderer().render(beforeDiagnostics))
        }
        let (after, afterDiagnostics) = RuleEngine.compile(source: formatted, path: path)
        guard let after else {
            return fail("the formatted text does not compile:\n" + DiagnosticRenderer().render(afterDiagnostics) + "\n--- formatted ---\n" + formatted)
        }
        let expected = RuleSetFingerprint.of(before)
        let actual = RuleSetFingerprint.of(after)
        if expected != actual {
            fail("formatting changed the meaning:\n" + RuleFormatterDiff.unified(old: expected, new: actual, oldName: "original", newName: "formatted")
                 + "\n--- formatted ---\n" + formatted)
        }
    }

    static func describe(_ failure: RuleFormatter.Failure) -> String {
        switch failure {
        case .syntaxErrors(let diagnostics): return "syntax errors:\n" + DiagnosticRenderer().render(diagnostics)
        case .internalError(let problem): return "internal error: " + problem
        }
    }
}

extension FormatPropertyTests {
    /// Writes a random rule file that compiles: definitions, entities, signals, categories,
    /// playbooks, rules with nested conditions and settings, with comments wherever a line may
    /// break, random spacing, tabs, blank lines, extra parentheses and sometimes CRLF.
    struct Generator {
        enum Precedence: Int, Comparable {
            case or = 1, and, not, within, primary
            static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }
        }

        var random: SplitMix64
        let newline: String
        var commentCount = 0
        var signals: [String] = []
        var entities: [String] = []
        var patternDefinitions: [String] = []
        var conditionDefinitions: [String] = []
        var categories: [String] = []

        static func file(seed: UInt64) -> String {
            var random = SplitMix64(state: seed &* 7919 &+ 17)
            let newline = Int.random(in: 0..<8, using: &random) == 0 ? "\r\n" : "\n"
            var generator = Generator(random: random, newline: newline)
            return generator.file()
        }

        // MARK: Randomness

        mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }
        mutating func pick<T>(_ options: [T]) -> T { options.randomElement(using: &random)! }
        mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

        // MARK: Whitespace and comments

        mutating func space() -> String { pick([" ", " ", " ", " ", "  ", "\t", " \t"]) }
        mutating func indent() -> String { pick(["", "  ", "  ", "    ", "\t", "   ", "      "]) }

        mutating func comment() -> String {
            commentCount += 1
            let n = commentCount
            return "#" + pick([" note \(n)", "note\(n)", " \(n) — ünïcode", " \(n) # a hash inside", " \(n) trailing blanks   ",
                               "", "#\(n)", " \(n) words { not a list }", " ---------------- \(n)", "\t\(n) tab"])
        }

        /// Where a line may break: a space, or a line break with maybe a comment at the end of
        /// the line, blank lines and comments of their own, then some indentation.
        mutating func gap(_ breakChance: Double) -> String {
            guard chance(breakChance) else { return space() }
            var text = ""
            if chance(0.35) { text += space() + comment() }
            text += newline
            for _ in 0..<number(0...2) {
                if chance(0.3) { text += newline }
                if chance(0.6) { text += indent() + comment() + newline }
            }
            return text + indent()
        }

        /// Between declarations: always a line break.
        mutating func separator() -> String {
            var text = chance(0.25) ? space() + comment() : ""
            text += newline
            for _ in 0..<number(0...3) {
                if chance(0.5) { text += newline }
                if chance(0.5) { text += indent() + comment() + newline }
            }
            return text + (chance(0.2) ? indent() : "")
        }

        // MARK: Literals

        mutating func quoted() -> String {
            pick(["\"still waiting\"", "\"hasn't arrived\"", "\"say \\\"hi\\\"\"", "\"back\\\\slash\"", "\"tab\\there\"", "\"#not a comment\"",
                  "\"{brace}\"", "\"a, b\"", "\"ünïcödé text\"", "\"  padded  \"", "\"new\\nline\"", "\"it’s late\""])
        }

        mutating func bareWord() -> String {
            pick(["late", "delayed", "hasn't", "2-day", "deliver*", "e.g.", "don’t", "pre-order", "x1", "and", "or", "rule", "words",
                  "within", "café", "a_b", "42", "-5", "3.5", "2day", "ASAP", "not", "define", "when"])
        }

        mutating func regex() -> String {
            pick(["/late(ly)?/i", "/\\b\\d{3}-\\d{7}\\b/", "/(?<ref>[A-Z]{3}\\d+)/", "/a\\/b/", "/[a-z]+ing/x", "/colou?r/im",
                  "/[/]x/", "/#hash/", "/\\s+and\\s+/s", "/caf(é|e)/n", "/ {2,}/"])
        }

        mutating func wordList() -> String {
            var text = "words"
            if chance(0.2) { text += gap(0.05) + "case-sensitive" }
            text += gap(0.05) + "{"
            let count = number(1...(chance(0.3) ? 40 : 6))
            for index in 0..<count {
                if index > 0 && chance(0.1) { text += pick([",", " ,", ", "]) }
                text += gap(0.08) + (chance(0.4) ? quoted() : bareWord())
            }
            return text + gap(0.1) + "}"
        }

        mutating func template() -> String {
            var parts = [pick(["Open Your Orders", "Start a chat", "Call us", "Email \\\"support\\\"", "Check the page", "Say \\\\o/"])]
            if !entities.isEmpty && chance(0.6) {
                parts.append(chance(0.5) ? "{\(pick(entities))}" : "{\(pick(entities))|your order}")
            }
            if chance(0.2) { parts.append("{{literal}}") }
            if chance(0.2) { parts.append("tab\\tand\\nline") }
            return "\"" + parts.joined(separator: " ") + ".\""
        }

        mutating func title() -> String { pick(["\"Late delivery\"", "\"Billing — ünïcode\"", "\"Say \\\"what\\\"\"", "\"Other\"", "\"x\""]) }

        // MARK: Expressions

        mutating func parenthesized(_ text: String) -> String {
            "(" + (chance(0.2) ? gap(0.2) : "") + text + (chance(0.2) ? gap(0.2) : "") + ")"
        }

        /// `operand` as it must be written where `needed` binds: in parentheses when it binds
        /// looser (or is the same `and`/`or`), sometimes in parentheses anyway.
        mutating func operand(_ operand: (String, Precedence), needed: Precedence) -> String {
            let (text, own) = operand
            let required = own < needed || (own == needed && (own == .and || own == .or))
            return required || chance(0.12) ? parenthesized(text) : text
        }

        mutating func list(_ items: [String]) -> String {
            "(" + items.enumerated().map { index, item in (index > 0 ? "," + gap(0.15) : gap(0.05)) + item }.joined() + gap(0.05) + ")"
        }

        /// Something with matched words: usable in `within`, `negated(…)` and entities.
        mutating func pattern(_ depth: Int) -> (String, Precedence) {
            let choice = number(0...(depth > 0 ? 11 : 4))
            switch choice {
            case 0, 1: return (wordList(), .primary)
            case 2: return (quoted(), .primary)
            case 3: return (regex(), .primary)
            case 4:
                let names = patternDefinitions + entities
                return names.isEmpty ? (wordList(), .primary) : (pick(names), .primary)
            case 5:
                let items = (0..<number(2...3)).map { _ in pattern(depth - 1) }
                return (items.map { operand($0, needed: .or) }.joined(separator: gap(0.2) + "or" + gap(0.1)), .or)
            case 6:
                let items = (0..<number(1...3)).map { _ in operand(pattern(depth - 1), needed: .or) }
                return ((chance(0.5) ? "any of" : "at least 1 of") + gap(0.05) + list(items), .primary)
            case 7, 8:
                let left = operand(pattern(depth - 1), needed: .within)
                let right = operand(pattern(depth - 1), needed: .primary)
                let words = pick(["words", "word"])
                let order = pick(["of", "before", "after"])
                return (left + gap(0.2) + "within" + gap(0.05) + "\(number(0...12))" + space() + words + space() + order + gap(0.1) + right, .within)
            case 9:
                return (pick(["negated", "affirmed"]) + (chance(0.2) ? " " : "") + "(" + gap(0.1) + pattern(depth - 1).0 + gap(0.1) + ")", .primary)
            default:
                return (pick(["customer", "agent", "anyone"]) + "(" + gap(0.1) + pattern(depth - 1).0 + gap(0.1) + ")", .primary)
            }
        }

        /// Any condition: patterns, and, or, not, all of, at least, speaker functions.
        mutating func condition(_ depth: Int) -> (String, Precedence) {
            let choice = number(0...(depth > 0 ? 9 : 1))
            switch choice {
            case 0, 1: return pattern(depth)
            case 2:
                return conditionDefinitions.isEmpty ? pattern(depth) : (pick(conditionDefinitions), .primary)
            case 3, 4:
                let items = (0..<number(2...4)).map { _ in operand(condition(depth - 1), needed: .and) }
                return (items.joined(separator: gap(0.3) + "and" + gap(0.1)), .and)
            case 5, 6:
                let items = (0..<number(2...4)).map { _ in operand(condition(depth - 1), needed: .or) }
                return (items.joined(separator: gap(0.3) + "or" + gap(0.1)), .or)
            case 7:
                return ("not" + gap(0.1) + operand(condition(depth - 1), needed: .not), .not)
            case 8:
                let count = number(1...3)
                let items = (0..<count).map { _ in condition(depth - 1).0 }
                let head = chance(0.5) ? "all of" : "at least \(number(1...count)) of"
                return (head + gap(0.05) + list(items), .primary)
            default:
                return (pick(["customer", "agent", "anyone"]) + "(" + condition(depth - 1).0 + ")", .primary)
            }
        }

        mutating func stepCondition(_ depth: Int) -> (String, Precedence) {
            let atoms = signals.map { $0 } + entities.flatMap { ["has \($0)", "missing \($0)"] }
            let choice = number(0...(depth > 0 ? 4 : 0))
            switch choice {
            case 0: return (pick(atoms), .primary)
            case 1: return ("not " + stepOperand(stepCondition(depth - 1), needed: .not), .not)
            case 2, 3:
                let keyword = choice == 2 ? "and" : "or"
                let needed: Precedence = choice == 2 ? .and : .or
                let items = (0..<number(2...3)).map { _ in stepOperand(stepCondition(depth - 1), needed: needed) }
                return (items.joined(separator: " \(keyword) "), needed)
            default: return ("(" + stepCondition(depth - 1).0 + ")", .primary)
            }
        }

        mutating func stepOperand(_ operand: (String, Precedence), needed: Precedence) -> String {
            let (text, own) = operand
            return own < needed || (own == needed && (own == .and || own == .or)) || chance(0.1) ? "(" + text + ")" : text
        }

        // MARK: Declarations

        mutating func block(_ header: String, items: [String]) -> String {
            var text = header + gap(0.05) + "{"
            for item in items.shuffled(using: &random) {
                text += gap(0.85) + item
            }
            return text + gap(0.9) + "}"
        }

        mutating func file() -> String {
            signals = (1...number(1...3)).map { "s\($0)" }
            entities = (1...number(1...3)).map { "e\($0)" }
            categories = ["other"] + (1...number(1...3)).map { pick(["c\($0)", "c\($0).sub", "team\($0).late"]) }
            var declarations: [String] = []

            if chance(0.7) {
                var items = ["threshold \(pick(["1", "2", "0.5", "3"]))", "secondary_ratio \(pick(["0.5", "1", "0.25"]))",
                             "fallback other", "negation_window \(number(0...20))"]
                items = items.filter { _ in chance(0.7) }
                declarations.append(block("settings", items: items))
            }
            for signal in signals {
                declarations.append("signal \(signal)" + (chance(0.7) ? space() + title() : ""))
            }
            for entity in entities {
                let value: String = chance(0.5) ? regex() : chance(0.5) ? wordList() : quoted()
                let normalizer = chance(0.5) ? gap(0.1) + "as " + pick(["order_id", "amount", "date", "tracking_number", "digits", "upper", "lower", "text"]) : ""
                declarations.append("entity \(entity)" + (chance(0.6) ? space() + title() : "") + gap(0.05) + "=" + gap(0.1) + value + normalizer)
            }
            for index in 1...number(2...6) {
                let name = "d\(index)"
                if chance(0.6) {
                    declarations.append("define \(name)" + space() + "=" + gap(0.1) + pattern(2).0)
                    patternDefinitions.append(name)
                } else {
                    declarations.append("define \(name)" + space() + "=" + gap(0.1) + condition(2).0)
                    conditionDefinitions.append(name)
                }
            }
            for (index, category) in categories.enumerated() {
                let playbook = "pb\(index)"
                var items = ["playbook \(playbook)"]
                if chance(0.4) { items.append("priority \(pick(["1", "3", "-1", "2.5"]))") }
                if chance(0.4) { items.append("description \(title())") }
                let header = "category \(category)" + (chance(0.8) ? space() + title() : "")
                declarations.append(items.count == 1 && chance(0.5) ? header + " { \(items[0]) }" : block(header, items: items))

                var steps = (0..<number(1...4)).map { _ in
                    (chance(0.7) ? "step " : "escalate ") + pick(["self_service", "chat", "phone", "email"]) + space() + template()
                        + (chance(0.4) ? (chance(0.2) ? gap(0.5) : space()) + "when " + stepCondition(2).0 : "")
                }
                if !steps.contains(where: { $0.hasPrefix("step ") }) { steps.append("step chat " + template()) }
                var playbookItems = steps
                for _ in 0..<number(0...2) {
                    playbookItems.append("needs " + (chance(0.6) ? pick(entities) + " " : "") + quoted())
                }
                for _ in 0..<number(0...2) { playbookItems.append("record " + template()) }
                declarations.append(block("playbook \(playbook)" + (chance(0.5) ? " " + title() : ""), items: playbookItems))
            }
            for index in 1...number(2...6) {
                let target = chance(0.75) ? pick(categories) : "signal " + pick(signals)
                var clauses = ["when" + gap(0.1) + condition(3).0]
                for _ in 0..<number(0...2) { clauses.append("unless" + gap(0.1) + condition(2).0) }
                if chance(0.6) { clauses.append("weight " + pick(["3", "0.5", "-1", "2.25", "10"])) }
                if chance(0.4) { clauses.append("speaker " + pick(["customer", "agent", "any"])) }
                if chance(0.4) { clauses.append("description " + title()) }
                let arrow = chance(0.1) ? gap(1) + "->" : space() + "->"
                declarations.append(block("rule r\(index)" + arrow + space() + target, items: clauses))
            }

            declarations.shuffle(using: &random)
            var text = chance(0.5) ? comment() + newline + (chance(0.5) ? newline : "") : ""
            for (index, declaration) in declarations.enumerated() {
                text += (index > 0 ? separator() : "") + declaration
            }
            if chance(0.5) { text += separator() + comment() }
            if chance(0.8) { text += newline }
            return text
        }
    }
}
