import TriageSyntax

/// What may be written at a place in a rule file, read from the tokens before it: the
/// innermost block (a rule, a category, a playbook, settings) and the word just before.
public enum CompletionContext: Equatable, Sendable {
    /// At the start of a top-level line: declaration keywords.
    case declaration
    /// At the start of a line inside a block of this kind (`rule`, `category`, `playbook`, `settings`, `spelling`).
    case blockItem(String)
    /// A channel, after `step` or `escalate`.
    case channel
    /// A category (or `signal`), after `->`.
    case ruleTarget
    case signalName
    case categoryName
    case playbookName
    case speaker
    case normalizer
    /// An entity, after `has`, `missing` or `needs`.
    case entityName
    /// A playbook step's `when`: signals, `has`, `missing`, `not`.
    case stepCondition
    /// A value for a setting, after its name (`fallback` takes a category).
    case settingValue(String)
    /// Anywhere else: an expression (names in scope and expression keywords).
    case expression
    /// Inside a string, a regex or a comment, or a name being declared: nothing to offer.
    case none

    public static func at(_ offset: Int, in text: String) -> CompletionContext {
        var lexer = Lexer(file: SourceFile(path: "", text: text))
        let tokens = lexer.tokenize()
        // Inside a string, regex or comment there is nothing to complete.
        if tokens.contains(where: { ($0.kind == .string || $0.kind == .regex) && $0.span.start < offset && offset < $0.span.end }) { return .none }
        if lexer.comments.contains(where: { $0.span.start < offset && offset <= $0.span.end }) { return .none }
        // The tokens before the word being typed.
        let before = tokens.filter { $0.kind != .endOfFile && ($0.span.end < offset || ($0.span.end == offset && $0.kind != .word && $0.kind != .number)) }
        let typing = tokens.first { $0.kind == .word && $0.span.start < offset && offset <= $0.span.end }
        let startsLine = typing?.startsLine ?? {
            // Nothing typed yet: at a line start when only blanks stand between the last token and the cursor on this line.
            guard let last = before.last else { return true }
            let gap = text.utf8.dropFirst(last.span.end).prefix(offset - last.span.end)
            return gap.contains(UInt8(ascii: "\n"))
        }()

        // The declaration and block we are in.
        var depth = 0
        var declaration: String?
        var blockOpen = false
        for token in before {
            switch token.kind {
            case .leftBrace:
                depth += 1
                if depth == 1 { blockOpen = true }
            case .rightBrace:
                depth = max(0, depth - 1)
                if depth == 0 { blockOpen = false; declaration = nil }
            case .word where depth == 0 && token.startsLine && KeywordDocumentation.declarations.contains(token.text):
                declaration = token.text
                blockOpen = false
            default: break
            }
        }
        let previous = before.last
        // The tokens of the current line before the cursor (none at a line start).
        var lineTokens: [Token] = []
        if !startsLine, let lineStart = before.lastIndex(where: { $0.startsLine }) { lineTokens = Array(before[lineStart...]) }
        let previous2 = before.count > 1 ? before[before.count - 2] : nil
        // What the word before the cursor asks for.
        if let previous, !startsLine {
            if previous.kind == .arrow { return declaration == "spelling" ? .none : .ruleTarget }
            if previous.kind == .word {
                switch previous.text {
                case "step", "escalate": return .channel
                case "signal" where previous2?.kind == .arrow: return .signalName
                case "speaker": return .speaker
                case "as": return .normalizer
                case "has", "missing": return .entityName
                case "needs": return .entityName
                case "outranks": return .categoryName
                case "playbook" where declaration == "category" && blockOpen: return .playbookName
                case "fallback" where declaration == "settings": return .settingValue("fallback")
                default: break
                }
                if declaration == "category", blockOpen, lineTokens.contains(where: { $0.isWord("outranks") }) { return .categoryName }
                if declaration == "settings", blockOpen, let name = previous2, name.kind == .word || name.kind == .leftBrace,
                   KeywordDocumentation.settings.contains(where: { $0.name == previous.text }) {
                    return .settingValue(previous.text)
                }
                // A name being declared: nothing to offer.
                if depth == 0 && previous.startsLine && KeywordDocumentation.declarations.contains(previous.text) && previous.text != "settings" && previous.text != "spelling" { return .none }
            }
        }
        if declaration == "playbook", blockOpen, !startsLine, let first = lineTokens.first, first.isWord("step") || first.isWord("escalate"),
           lineTokens.contains(where: { $0.isWord("when") }) {
            return .stepCondition
        }
        if startsLine {
            if depth == 0 { return .declaration }
            if let declaration, blockOpen {
                // An expression continues on a new line only after and/or/within: that word is being typed.
                return .blockItem(declaration)
            }
        }
        if depth == 0 && declaration == nil { return .declaration }
        return .expression
    }
}
