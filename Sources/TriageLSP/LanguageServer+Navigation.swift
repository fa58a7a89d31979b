import TriageSupport
import TriageSyntax

/// Go to definition, find references, rename and the outline of a document.
extension LanguageServer {
    /// The name under the cursor, with the analysis it was found in.
    struct Target {
        let occurrence: PackSymbols.Occurrence
        let analysis: PackAnalysis
        let document: TextDocument
        var symbol: PackSymbols.Symbol? { analysis.symbols.symbol(occurrence.name, in: occurrence.namespace) }
    }

    func target(_ params: JSONValue) throws -> Target? {
        let (document, offset) = try documentAndOffset(params)
        let analysis = analysis(of: document)
        guard let occurrence = analysis.symbols.occurrence(at: offset, path: sourcePath(of: document)) else { return nil }
        return Target(occurrence: occurrence, analysis: analysis, document: document)
    }

    func definition(_ params: JSONValue) throws -> JSONValue {
        guard let target = try target(params), let symbol = target.symbol,
              let location = location(path: symbol.file.path, span: symbol.nameSpan, in: target.analysis) else { return .null }
        return location
    }

    func references(_ params: JSONValue) throws -> JSONValue {
        guard let target = try target(params) else { return .null }
        let (occurrence, analysis) = (target.occurrence, target.analysis)
        let includeDeclaration = params["context"]?["includeDeclaration"]?.bool ?? true
        let found = analysis.symbols.occurrences(of: occurrence.name, in: occurrence.namespace)
            .filter { includeDeclaration || !$0.isDeclaration }
        return .array(found.compactMap { location(path: $0.path, span: $0.span, in: analysis) })
    }

    func prepareRename(_ params: JSONValue) throws -> JSONValue {
        guard let target = try target(params), target.symbol != nil else { return .null }
        return .object(["range": LanguageServer.json(target.occurrence.span, target.document.lines), "placeholder": .string(target.occurrence.name)])
    }

    func rename(_ params: JSONValue) throws -> JSONValue {
        guard let newName = params["newName"]?.string else { throw JSONRPCError.invalidParams("rename needs newName") }
        guard let target = try target(params), let symbol = target.symbol else {
            throw JSONRPCError.requestFailed("there is no name to rename here")
        }
        let (occurrence, analysis) = (target.occurrence, target.analysis)
        if newName == occurrence.name { return .object(["changes": .object([])]) }
        guard LanguageServer.isValidName(newName, for: symbol.kind) else {
            let rule = symbol.kind == .category ? "names joined by dots (delivery.late)" : "letters, digits and '_', starting with a letter or '_'"
            throw JSONRPCError.requestFailed("'\(newName)' is not a valid \(symbol.kind.rawValue) name: use \(rule)")
        }
        if let existing = analysis.symbols.symbol(newName, in: occurrence.namespace) {
            let line = existing.file.location(of: existing.nameSpan.start).line
            throw JSONRPCError.requestFailed("a \(existing.kind.rawValue) named '\(newName)' already exists (\(existing.file.path):\(line))")
        }
        var changes: [String: [JSONValue]] = [:]
        for found in analysis.symbols.occurrences(of: occurrence.name, in: occurrence.namespace) {
            guard let lines = analysis.lines(of: found.path) else { continue }
            changes[uri(forPath: found.path), default: []].append(.object(["range": LanguageServer.json(found.span, lines), "newText": .string(newName)]))
        }
        return .object(["changes": .object(changes.keys.sorted().map { JSONMember($0, .array(changes[$0]!)) })])
    }

    /// Names are letters, digits and `_`, not starting with a digit, and not a reserved
    /// word; category ids are such names joined by dots.
    static func isValidName(_ name: String, for kind: PackSymbols.Kind) -> Bool {
        let parts = kind == .category ? name.split(separator: ".", omittingEmptySubsequences: false).map(String.init) : [name]
        return parts.allSatisfy { part in
            guard let first = part.utf8.first, !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return false }
            return part.utf8.allSatisfy(PackSymbols.isNameByte) && !reservedWords.contains(part)
        }
    }

    static let reservedWords: Set<String> = Set(KeywordDocumentation.declarations + KeywordDocumentation.ruleItems + [
        "and", "or", "not", "within", "words", "word", "of", "before", "after", "any", "all", "at", "least",
        "negated", "affirmed", "customer", "agent", "anyone",
    ])

    func documentSymbols(_ params: JSONValue) throws -> JSONValue {
        let document = try document(params)
        let analysis = analysis(of: document)
        guard let entry = analysis.files[sourcePath(of: document)] else { return .array([]) }
        let (file, lines) = (entry.file, entry.lines)
        return .array(file.declarations.compactMap { declaration in
            let entry: (name: Identifier, detail: String?, kind: Int)
            switch declaration {
            case .define(let d): entry = (d.name, nil, 13)  // Variable
            case .entity(let d): entry = (d.name, d.title?.value, 8)  // Field
            case .signal(let d): entry = (d.name, d.title?.value, 24)  // Event
            case .category(let d): entry = (d.id, d.title?.value, 10)  // Enum
            case .rule(let d):
                let target: String
                switch d.target {
                case .category(let id): target = "-> " + id.name
                case .signal(let id): target = "-> signal " + id.name
                }
                entry = (d.name, target, 12)  // Function
            case .playbook(let d): entry = (d.name, d.title?.value, 2)  // Module
            case .settings(let d): entry = (Identifier(name: "settings", span: SourceSpan(start: d.span.start, end: d.span.start + 8)), nil, 3)
            case .spelling(let d): entry = (Identifier(name: "spelling", span: SourceSpan(start: d.span.start, end: d.span.start + 8)), nil, 3)
            case .lint(let d): entry = (Identifier(name: "lint", span: SourceSpan(start: d.span.start, end: d.span.start + 4)), nil, 3)
            case .override(let d): entry = (d.kindAndName.name, "override " + d.kindAndName.kind, 12)
            case .importFile: return nil
            }
            var members: [JSONMember] = [JSONMember("name", .string(entry.name.name))]
            if let detail = entry.detail { members.append(JSONMember("detail", .string(detail))) }
            members += [
                JSONMember("kind", .int(entry.kind)),
                JSONMember("range", LanguageServer.json(declaration.span, lines)),
                JSONMember("selectionRange", LanguageServer.json(entry.name.span, lines)),
            ]
            return .object(members)
        })
    }
}
