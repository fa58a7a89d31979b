import TriageSyntax

/// Every name declared in a pack and every place one is used, across its files: what go to
/// definition, find references, rename, hover and completion read. Built from the syntax
/// trees, so it works on files with errors too (whatever parsed).
public struct PackSymbols: Sendable {
    /// Names that can refer to each other. Definitions and entities share one: both are
    /// used as patterns, and a name means one or the other.
    public enum Namespace: String, Sendable, Hashable, CaseIterable {
        case pattern, signal, playbook, category, rule
    }

    public enum Kind: String, Sendable, Hashable {
        case definition, entity, signal, playbook, category, rule

        var namespace: Namespace {
            switch self {
            case .definition, .entity: return .pattern
            case .signal: return .signal
            case .playbook: return .playbook
            case .category: return .category
            case .rule: return .rule
            }
        }
    }

    /// A declaration of a name.
    public struct Symbol: Sendable {
        public let name: String
        public let kind: Kind
        public let file: SourceFile
        public let nameSpan: SourceSpan
        public let declaration: Declaration
    }

    /// One place a name is written: its declaration or a use.
    public struct Occurrence: Sendable, Hashable {
        public let name: String
        public let namespace: Namespace
        public let path: String
        public let span: SourceSpan
        public let isDeclaration: Bool
    }

    /// First declaration of each name, per namespace (later ones are duplicates, reported by the compiler).
    public private(set) var symbols: [Namespace: [String: Symbol]] = [:]
    /// Declarations in pack order.
    public private(set) var ordered: [Symbol] = []
    public private(set) var occurrences: [Occurrence] = []

    public init(files: [RuleFile]) {
        for file in files {
            for declaration in file.declarations { add(declaration, in: file.source) }
        }
    }

    public func symbol(_ name: String, in namespace: Namespace) -> Symbol? { symbols[namespace]?[name] }

    public func names(of kind: Kind) -> [String] {
        ordered.filter { $0.kind == kind }.map(\.name)
    }

    /// The occurrence under a UTF-8 offset of a file (its end included, so a cursor just after a name finds it).
    public func occurrence(at offset: Int, path: String) -> Occurrence? {
        occurrences.first { $0.path == path && $0.span.start <= offset && offset <= $0.span.end }
    }

    /// Every occurrence of a name, declarations included.
    public func occurrences(of name: String, in namespace: Namespace) -> [Occurrence] {
        occurrences.filter { $0.name == name && $0.namespace == namespace }
    }

    // MARK: Building

    private mutating func declare(_ identifier: Identifier, _ kind: Kind, _ declaration: Declaration, _ file: SourceFile) {
        let symbol = Symbol(name: identifier.name, kind: kind, file: file, nameSpan: identifier.span, declaration: declaration)
        if symbols[kind.namespace]?[identifier.name] == nil { symbols[kind.namespace, default: [:]][identifier.name] = symbol }
        ordered.append(symbol)
        occurrences.append(Occurrence(name: identifier.name, namespace: kind.namespace, path: file.path, span: identifier.span, isDeclaration: true))
    }

    private mutating func use(_ identifier: Identifier, _ namespace: Namespace, _ file: SourceFile) {
        occurrences.append(Occurrence(name: identifier.name, namespace: namespace, path: file.path, span: identifier.span, isDeclaration: false))
    }

    private mutating func add(_ declaration: Declaration, in file: SourceFile) {
        switch declaration {
        case .importFile, .spelling, .lint: break
        case .override(let d):
            // An override uses the name it replaces; what it brings in is used like a declaration's.
            switch d.target {
            case .playbook(let playbook): use(playbook.name, .playbook, file)
            case .category(let category):
                use(category.id, .category, file)
                if let playbook = category.playbook { use(playbook, .playbook, file) }
                for other in category.outranks { use(other, .category, file) }
            case .rule(let name, _): use(name, .rule, file)
            }
        case .define(let d):
            declare(d.name, .definition, declaration, file)
            walk(d.value, file)
        case .entity(let d):
            declare(d.name, .entity, declaration, file)
            walk(d.pattern, file)
        case .signal(let d):
            declare(d.name, .signal, declaration, file)
        case .category(let d):
            declare(d.id, .category, declaration, file)
            if let playbook = d.playbook { use(playbook, .playbook, file) }
            for other in d.outranks { use(other, .category, file) }
        case .rule(let d):
            declare(d.name, .rule, declaration, file)
            switch d.target {
            case .category(let id): use(id, .category, file)
            case .signal(let id): use(id, .signal, file)
            }
            if let condition = d.condition { walk(condition, file) }
            for exception in d.exceptions { walk(exception, file) }
        case .playbook(let d):
            declare(d.name, .playbook, declaration, file)
            for item in d.items {
                switch item {
                case .needs(let entity, let description, _):
                    if let entity { use(entity, .pattern, file) }
                    templates(in: description, file)
                case .step(let step), .escalate(let step):
                    if let condition = step.condition { walk(condition, file) }
                    templates(in: step.text, file)
                case .record(let text, _):
                    templates(in: text, file)
                }
            }
        case .settings(let d):
            for setting in d.settings where setting.name.name == "fallback" && setting.value.kind == .word {
                use(Identifier(name: setting.value.text, span: setting.value.span), .category, file)
            }
        }
    }

    private mutating func walk(_ expression: Expression, _ file: SourceFile) {
        var names: [Identifier] = []
        expression.walk { node in
            if case .reference(let identifier) = node { names.append(identifier) }
            return true
        }
        for name in names { use(name, .pattern, file) }
    }

    private mutating func walk(_ condition: StepCondition, _ file: SourceFile) {
        switch condition {
        case .signal(let identifier): use(identifier, .signal, file)
        case .has(let identifier), .missing(let identifier): use(identifier, .pattern, file)
        case .not(let inner, _): walk(inner, file)
        case .and(let items, _), .or(let items, _): items.forEach { walk($0, file) }
        case .error: break
        }
    }

    /// `{order_id}` and `{order_id|fallback}` in a template are uses of the entity.
    private mutating func templates(in literal: StringLiteral, _ file: SourceFile) {
        let bytes = Array(file.text(of: literal.span).utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{") else { index += 1; continue }
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") { index += 2; continue }
            var end = index + 1
            while end < bytes.count, PackSymbols.isNameByte(bytes[end]) { end += 1 }
            if end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: "}") || bytes[end] == UInt8(ascii: "|") {
                let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                let start = literal.span.start + index + 1
                use(Identifier(name: name, span: SourceSpan(start: start, end: literal.span.start + end)), .pattern, file)
            }
            index = end
        }
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
}
