/// Finds literals that every match of a PCRE2 pattern must contain, for the prefilter.
/// Conservative: when a construct is not understood, the answer is nil ("always run").
///
/// The result is a list of sets: a match contains at least one literal of every set
/// (`\b(order|parcel)\b.*\blate\b` gives [[order, parcel], [late]]). Literals are lower-case
/// ASCII; text is folded the same way before it is scanned, so case-insensitive patterns are
/// covered. Non-ASCII characters end a literal (their case folding is not ASCII).
enum LiteralExtractor {
    /// At most this many sets per pattern: more rarely filters better and costs a bit each.
    static let maximumSets = 3

    static func requiredLiterals(_ pattern: String, extended: Bool) -> [String]? {
        requiredLiteralSets(pattern, extended: extended).flatMap { $0.first }
    }

    static func requiredLiteralSets(_ pattern: String, extended: Bool) -> [[String]]? {
        // Extended mode ignores whitespace and comments; not worth modelling.
        guard !extended else { return nil }
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let node = parser.parseAlternation(), parser.index == parser.scalars.count else { return nil }
        let sets = node.requiredSets
            .filter { !$0.isEmpty && $0.allSatisfy { !$0.isEmpty } }
            .map { Array(Set($0)).sorted() }
            .sorted { Node.rank($0) > Node.rank($1) }
        guard !sets.isEmpty else { return nil }
        return Array(sets.prefix(maximumSets))
    }

    /// A parsed piece of the pattern, reduced to what matters here.
    indirect enum Node {
        case literal(Character)
        /// Anything that matches something we do not model (a class, `.`, `\d`, an anchor…).
        case opaque
        case group(Node)
        case sequence([Node])
        case alternation([Node])
        case repeated(Node, atLeastOnce: Bool)

        /// Sets of literals such that every match contains one literal of each set.
        var requiredSets: [[String]] {
            switch self {
            case .literal(let character): return [[String(character)]]
            case .opaque: return []
            case .group(let inner): return inner.requiredSets
            case .repeated(let inner, let atLeastOnce): return atLeastOnce ? inner.requiredSets : []
            case .alternation:
                return required.map { [$0] } ?? []
            case .sequence(let items):
                var sets: [[String]] = []
                var run = ""
                for item in items {
                    if case .literal(let character) = item {
                        run.append(character)
                        continue
                    }
                    if !run.isEmpty { sets.append([run]) }
                    run = ""
                    sets += item.requiredSets
                }
                if !run.isEmpty { sets.append([run]) }
                return sets
            }
        }

        /// How useful a set is: the length of its shortest literal, then fewer alternatives.
        static func rank(_ set: [String]) -> Int {
            (set.map(\.count).min() ?? 0) * 1000 - set.count
        }

        /// Literals one of which every match contains, or nil when none is known.
        var required: [String]? {
            switch self {
            case .literal(let character): return [String(character)]
            case .opaque: return nil
            case .group(let inner): return inner.required
            case .repeated(let inner, let atLeastOnce): return atLeastOnce ? inner.required : nil
            case .alternation(let branches):
                var all: [String] = []
                for branch in branches {
                    guard let literals = branch.required else { return nil }
                    all += literals
                }
                return all
            case .sequence(let items):
                // Candidates: runs of plain literal characters, and each mandatory item's own set.
                var candidates: [[String]] = []
                var run = ""
                func flush() {
                    if !run.isEmpty { candidates.append([run]) }
                    run = ""
                }
                for item in items {
                    if case .literal(let character) = item {
                        run.append(character)
                        continue
                    }
                    flush()
                    if let literals = item.required { candidates.append(literals) }
                }
                flush()
                // The best set is the one whose shortest literal is longest: fewer false hits.
                return candidates.max { a, b in
                    let (ma, mb) = (a.map(\.count).min() ?? 0, b.map(\.count).min() ?? 0)
                    return ma != mb ? ma < mb : a.count > b.count
                }
            }
        }
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func parseAlternation() -> Node? {
            var branches: [Node] = []
            guard let first = parseSequence() else { return nil }
            branches.append(first)
            while current == "|" {
                index += 1
                guard let next = parseSequence() else { return nil }
                branches.append(next)
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        mutating func parseSequence() -> Node? {
            var items: [Node] = []
            while let scalar = current, scalar != "|", scalar != ")" {
                guard let atom = parseAtom() else { return nil }
                guard let quantified = parseQuantifier(atom) else { return nil }
                items.append(quantified)
            }
            return .sequence(items)
        }

        /// One atom; nil when the pattern uses something this extractor does not model.
        mutating func parseAtom() -> Node? {
            guard let scalar = current else { return nil }
            index += 1
            switch scalar {
            case "(":
                if current == "?" {
                    index += 1
                    guard let kind = current else { return nil }
                    switch kind {
                    case ":": index += 1
                    case "=", "!":
                        index += 1
                        return skipGroupBody() ? .opaque : nil
                    case "<":
                        index += 1
                        if current == "=" || current == "!" {
                            index += 1
                            return skipGroupBody() ? .opaque : nil
                        }
                        guard skipName(until: ">") else { return nil }
                    case "P":
                        index += 1
                        guard current == "<" else { return nil }
                        index += 1
                        guard skipName(until: ">") else { return nil }
                    case "'":
                        index += 1
                        guard skipName(until: "'") else { return nil }
                    default:
                        return nil // inline flags, comments, atomic groups, recursion…
                    }
                }
                guard let inner = parseAlternation(), current == ")" else { return nil }
                index += 1
                return .group(inner)
            case "[":
                return skipClass() ? .opaque : nil
            case ".", "^", "$":
                return .opaque
            case "\\":
                guard let escaped = current else { return nil }
                index += 1
                if escaped.properties.isAlphabetic || ("0"..."9").contains(escaped) {
                    switch escaped {
                    case "d", "D", "w", "W", "s", "S", "h", "H", "v", "V", "R", "N", "X", "b", "B", "A", "z", "Z", "G", "n", "t", "r", "f", "e", "a":
                        return .opaque
                    case "p", "P":
                        if current == "{" { while let c = current, c != "}" { index += 1 }; index += 1 } else { index += 1 }
                        return .opaque
                    default:
                        return nil // \Q, \x, \c, back references, \K…
                    }
                }
                return literal(Character(escaped))
            case "*", "+", "?", "{":
                return nil // a quantifier with nothing before it
            default:
                return literal(Character(scalar))
            }
        }

        func literal(_ character: Character) -> Node {
            guard character.isASCII else { return .opaque }
            return .literal(Character(character.lowercased()))
        }

        mutating func parseQuantifier(_ atom: Node) -> Node? {
            guard let scalar = current else { return atom }
            var node: Node
            switch scalar {
            case "*", "?":
                index += 1
                node = .repeated(atom, atLeastOnce: false)
            case "+":
                index += 1
                node = .repeated(atom, atLeastOnce: true)
            case "{":
                // {n}, {n,}, {n,m}; anything else is a literal brace in PCRE2.
                var probe = index + 1
                var digits = ""
                while probe < scalars.count, ("0"..."9").contains(scalars[probe]) { digits.unicodeScalars.append(scalars[probe]); probe += 1 }
                guard !digits.isEmpty, probe < scalars.count else { return .sequence([atom, .literal("{")]) }
                if scalars[probe] == "," {
                    probe += 1
                    while probe < scalars.count, ("0"..."9").contains(scalars[probe]) { probe += 1 }
                }
                guard probe < scalars.count, scalars[probe] == "}" else { return atom }
                index = probe + 1
                node = .repeated(atom, atLeastOnce: (Int(digits) ?? 0) >= 1)
            default:
                return atom
            }
            // Lazy and possessive markers change nothing here.
            if current == "?" || current == "+" { index += 1 }
            return node
        }

        mutating func skipName(until terminator: Unicode.Scalar) -> Bool {
            while let c = current, c != terminator {
                guard c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) else { return false }
                index += 1
            }
            guard current == terminator else { return false }
            index += 1
            return true
        }

        /// Skips a lookaround body up to its closing parenthesis, respecting nesting and escapes.
        mutating func skipGroupBody() -> Bool {
            var depth = 1
            while let c = current {
                index += 1
                switch c {
                case "\\": index += 1
                case "[": if !skipClass() { return false }
                case "(": depth += 1
                case ")":
                    depth -= 1
                    if depth == 0 { return true }
                default: break
                }
            }
            return false
        }

        /// Skips a character class; `]` right after `[` or `[^` is a member.
        mutating func skipClass() -> Bool {
            if current == "^" { index += 1 }
            if current == "]" { index += 1 }
            while let c = current {
                index += 1
                if c == "\\" { index += 1; continue }
                if c == "[", current == ":" {
                    // POSIX class [:alpha:]
                    while let d = current, d != "]" { index += 1 }
                    index += 1
                    continue
                }
                if c == "]" { return true }
            }
            return false
        }
    }
}
