import TriageSupport
import TriageSyntax

/// Hover: a name's declaration (a category with its description and playbook, a definition
/// with the rules that use it), or a keyword's documentation.
extension LanguageServer {
    /// Declarations longer than this are cut in hover.
    static let hoverLines = 30

    func hover(_ params: JSONValue) throws -> JSONValue {
        let (document, offset) = try documentAndOffset(params)
        let analysis = analysis(of: document)
        let path = sourcePath(of: document)
        if let occurrence = analysis.symbols.occurrence(at: offset, path: path),
           let symbol = analysis.symbols.symbol(occurrence.name, in: occurrence.namespace) {
            return .object([
                "contents": .object(["kind": "markdown", "value": .string(markdown(for: symbol, in: analysis))]),
                "range": LanguageServer.json(occurrence.span, document.lines),
            ])
        }
        guard let token = LanguageServer.token(at: offset, in: document), token.kind == .word,
              let text = KeywordDocumentation.markdown(for: token.text) else { return .null }
        return .object([
            "contents": .object(["kind": "markdown", "value": .string(text)]),
            "range": LanguageServer.json(token.span, document.lines),
        ])
    }

    /// The token that contains (or ends at) an offset.
    static func token(at offset: Int, in document: TextDocument) -> Token? {
        var lexer = Lexer(file: SourceFile(path: document.uri, text: document.text))
        return lexer.tokenize().first { $0.kind != .endOfFile && $0.span.start <= offset && offset <= $0.span.end }
    }

    func markdown(for symbol: PackSymbols.Symbol, in analysis: PackAnalysis) -> String {
        let location = symbol.file.location(of: symbol.nameSpan.start)
        let file = symbol.file.path.split(separator: "/").last.map(String.init) ?? symbol.file.path
        var parts = ["**\(symbol.kind.rawValue)** `\(symbol.name)` — \(file):\(location.line)", LanguageServer.codeBlock(symbol.file.text(of: symbol.declaration.span))]
        switch symbol.declaration {
        case .category(let category):
            if let title = category.title { parts.append("**\(title.value)**") }
            if let description = category.description { parts.append(description.value) }
            if let name = category.playbook, let playbook = analysis.symbols.symbol(name.name, in: .playbook) {
                parts.append("playbook `\(name.name)`:\n" + LanguageServer.codeBlock(playbook.file.text(of: playbook.declaration.span)))
            }
            let rules = analysis.symbols.ordered.filter { candidate in
                if case .rule(let rule) = candidate.declaration, case .category(let id) = rule.target { return id.name == symbol.name }
                return false
            }
            if !rules.isEmpty { parts.append("rules: " + rules.map { "`\($0.name)`" }.joined(separator: ", ")) }
        case .define, .entity, .signal, .playbook:
            let users = self.users(of: symbol, in: analysis)
            if !users.isEmpty { parts.append("used by " + users.map { "\($0.kind.rawValue) `\($0.name)`" }.joined(separator: ", ")) }
        default:
            break
        }
        return parts.joined(separator: "\n\n")
    }

    /// The declarations whose text uses the symbol: which rules use a word list, which
    /// categories a playbook serves.
    func users(of symbol: PackSymbols.Symbol, in analysis: PackAnalysis) -> [PackSymbols.Symbol] {
        let uses = analysis.symbols.occurrences(of: symbol.name, in: symbol.kind.namespace).filter { !$0.isDeclaration }
        var seen: Set<String> = []
        return analysis.symbols.ordered.filter { candidate in
            uses.contains { $0.path == candidate.file.path && candidate.declaration.span.start <= $0.span.start && $0.span.end <= candidate.declaration.span.end }
                && seen.insert(candidate.kind.rawValue + " " + candidate.name).inserted
        }
    }

    static func codeBlock(_ source: String) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > hoverLines { lines = lines.prefix(hoverLines) + ["  …"] }
        return "```triage\n" + lines.joined(separator: "\n") + "\n```"
    }
}
