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

    /// What the prefilter needs to know about one pattern, from one parse of it.
    struct Analysis: Equatable {
        /// Sets of literals such that every match contains one literal of each set; nil when unknown.
        var requiredSets: [[String]]?
        /// The most UTF-8 bytes one match can span, or nil when unbounded or not understood.
        /// With it, a match containing a literal that ends at offset `e` starts at or after
        /// `e - maximumLength`, so PCRE2 need not try earlier start positions.
        var maximumLength: Int?
        /// For a caseless pattern of the shape `\b(word|word…)\b` (or a word list's
        /// `(?<!\w)(?:…)(?!\w)`), the alternatives made only of ASCII letters and digits: an
        /// occurrence of one of them between two non-word characters is a match, so no regex
        /// is needed to know the pattern matches. Empty when the pattern has another shape.
        var exactWords: [String]
        /// Every alternative is one of `exactWords`: then whole-word occurrences decide a
        /// match both ways, yes and no.
        var isExactWordList = false
        /// Parallel to `requiredSets`: for sets taken from consecutive parts of the pattern,
        /// their order (a set with a smaller number matches before one with a larger);
        /// -1 when unknown.
        var setPositions: [Int] = []
        /// Every match contains a character `\d` matches: a text without digits needs no regex.
        var needsDigit = false

        static let unknown = Analysis(requiredSets: nil, maximumLength: nil, exactWords: [])
    }

    static func analyze(_ pattern: String, extended: Bool, caseless: Bool) -> Analysis {
        // Extended mode ignores whitespace and comments; not worth modelling.
        guard !extended else { return .unknown }
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let node = parser.parseAlternation(), parser.index == parser.scalars.count else { return .unknown }
        let sets = requiredSets(of: node)
        let (words, allWords) = caseless ? exactWords(of: node) : ([], false)
        return Analysis(requiredSets: sets?.map(\.set), maximumLength: node.maximumLength, exactWords: words, isExactWordList: allWords,
                        setPositions: sets?.map(\.position) ?? [], needsDigit: node.needsDigit)
    }

    static func requiredLiteralSets(_ pattern: String, extended: Bool) -> [[String]]? {
        analyze(pattern, extended: extended, caseless: false).requiredSets
    }

    static func maximumLength(_ pattern: String, extended: Bool) -> Int? {
        analyze(pattern, extended: extended, caseless: false).maximumLength
    }

    static func exactWords(_ pattern: String, extended: Bool, caseless: Bool) -> [String] {
        analyze(pattern, extended: extended, caseless: caseless).exactWords
    }

    /// The best sets, each with its position in the pattern's top-level sequence: the index
    /// of the part it comes from, so sets from different parts match in that order; -1 when
    /// the pattern is not a sequence.
    private static func requiredSets(of node: Node) -> [(set: [String], position: Int)]? {
        var positioned: [(set: [String], position: Int)] = []
        if case .sequence(let items) = node {
            var run = ""
            var runStart = 0
            for (index, item) in items.enumerated() {
                if case .literal(let byte) = item {
                    if run.isEmpty { runStart = index }
                    run.unicodeScalars.append(UnicodeScalar(byte))
                    continue
                }
                if !run.isEmpty { positioned.append(([run], runStart)) }
                run = ""
                positioned += item.requiredSets.map { ($0, index) }
            }
            if !run.isEmpty { positioned.append(([run], runStart)) }
        } else {
            positioned = node.requiredSets.map { ($0, -1) }
        }
        let sets = positioned
            .filter { !$0.set.isEmpty && $0.set.allSatisfy { !$0.isEmpty } }
            .map { (set: Array(Set($0.set)).sorted(), position: $0.position) }
            .sorted { Node.rank($0.set) > Node.rank($1.set) }
        guard !sets.isEmpty else { return nil }
        return Array(sets.prefix(maximumSets))
    }

    /// The plain-word alternatives of a `\b(…|…)\b` pattern, and whether every alternative is one.
    private static func exactWords(of node: Node) -> ([String], Bool) {
        guard case .sequence(let items) = node, items.count >= 3,
              items.first?.isWordStartBoundary == true, items.last?.isWordEndBoundary == true else { return ([], false) }
        let branches = Node.sequence(Array(items.dropFirst().dropLast())).branches
        let words = branches.compactMap(\.plainWord)
        return (words, words.count == branches.count)
    }

    /// A parsed piece of the pattern, reduced to what matters here.
    indirect enum Node {
        /// A lower-cased ASCII character (other characters are `opaque`: their case folding is not ASCII).
        case literal(UInt8)
        /// Anything that matches something we do not model (a class, `.`, `\w`, an anchor…),
        /// with the most bytes it can consume (nil: unbounded).
        case opaque(maximumBytes: Int?)
        /// `\d`: one decimal digit (under UCP, any script's; at most 4 bytes).
        case digit
        /// `\b`, or the lookarounds `(?<!\w)` and `(?!\w)` word lists use.
        case boundary(Boundary)
        case group(Node)
        case sequence([Node])
        case alternation([Node])
        case repeated(Node, minimum: Int, maximum: Int?)

        enum Boundary { case word, notAfterWord, notBeforeWord }

        var isWordStartBoundary: Bool {
            if case .boundary(let kind) = self { return kind == .word || kind == .notAfterWord }
            return false
        }

        var isWordEndBoundary: Bool {
            if case .boundary(let kind) = self { return kind == .word || kind == .notBeforeWord }
            return false
        }

        /// The alternatives of a (possibly grouped) alternation, or the node itself.
        var branches: [Node] {
            switch self {
            case .group(let inner): return inner.branches
            case .alternation(let items): return items
            case .sequence(let items) where items.count == 1: return items[0].branches
            default: return [self]
            }
        }

        /// The word a node spells when it is only ASCII letters and digits, else nil.
        var plainWord: String? {
            switch self {
            case .literal(let byte):
                return Unicode.Scalar(byte).isASCIILetterOrDigit ? String(UnicodeScalar(byte)) : nil
            case .group(let inner):
                return inner.plainWord
            case .sequence(let items):
                var word = ""
                for item in items {
                    guard let part = item.plainWord else { return nil }
                    word += part
                }
                return word.isEmpty ? nil : word
            default:
                return nil
            }
        }

        /// Whether every match contains a character `\d` matches (a digit written as a
        /// literal counts: it is one).
        var needsDigit: Bool {
            switch self {
            case .digit: return true
            case .literal(let byte): return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            case .opaque, .boundary: return false
            case .group(let inner): return inner.needsDigit
            case .repeated(let inner, let minimum, _): return minimum >= 1 && inner.needsDigit
            case .alternation(let branches): return !branches.isEmpty && branches.allSatisfy(\.needsDigit)
            case .sequence(let items): return items.contains(where: \.needsDigit)
            }
        }

        var maximumLength: Int? {
            switch self {
            case .digit: return 4
            case .literal: return 1
            case .opaque(let bytes): return bytes
            case .boundary: return 0
            case .group(let inner): return inner.maximumLength
            case .sequence(let items):
                var total = 0
                for item in items {
                    guard let length = item.maximumLength else { return nil }
                    total += length
                }
                return total
            case .alternation(let items):
                var longest = 0
                for item in items {
                    guard let length = item.maximumLength else { return nil }
                    longest = max(longest, length)
                }
                return longest
            case .repeated(let inner, _, let maximum):
                guard let length = inner.maximumLength else { return nil }
                if length == 0 { return 0 }
                guard let maximum else { return nil }
                let (product, overflow) = length.multipliedReportingOverflow(by: maximum)
                return overflow ? nil : product
            }
        }

        /// Sets of literals such that every match contains one literal of each set.
        var requiredSets: [[String]] {
            switch self {
            case .literal(let byte): return [[String(UnicodeScalar(byte))]]
            case .opaque, .boundary, .digit: return []
            case .group(let inner): return inner.requiredSets
            case .repeated(let inner, let minimum, _): return minimum >= 1 ? inner.requiredSets : []
            case .alternation:
                return required.map { [$0] } ?? []
            case .sequence(let items):
                var sets: [[String]] = []
                var run = ""
                for item in items {
                    if case .literal(let byte) = item {
                        run.unicodeScalars.append(UnicodeScalar(byte))
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
            case .literal(let byte): return [String(UnicodeScalar(byte))]
            case .opaque, .boundary, .digit: return nil
            case .group(let inner): return inner.required
            case .repeated(let inner, let minimum, _): return minimum >= 1 ? inner.required : nil
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
                    if case .literal(let byte) = item {
                        run.unicodeScalars.append(UnicodeScalar(byte))
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
                        let negative = kind == "!"
                        index += 1
                        let start = index
                        guard skipGroupBody() else { return nil }
                        return negative && isWordClass(from: start) ? .boundary(.notBeforeWord) : .opaque(maximumBytes: 0)
                    case "<":
                        index += 1
                        if current == "=" || current == "!" {
                            let negative = current == "!"
                            index += 1
                            let start = index
                            guard skipGroupBody() else { return nil }
                            return negative && isWordClass(from: start) ? .boundary(.notAfterWord) : .opaque(maximumBytes: 0)
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
                return skipClass() ? .opaque(maximumBytes: 4) : nil
            case ".":
                return .opaque(maximumBytes: 4)
            case "^", "$":
                return .opaque(maximumBytes: 0)
            case "\\":
                guard let escaped = current else { return nil }
                index += 1
                if escaped.isASCII ? escaped.isASCIILetterOrDigit : escaped.properties.isAlphabetic {
                    switch escaped {
                    case "b":
                        return .boundary(.word)
                    case "B", "A", "z", "Z", "G":
                        return .opaque(maximumBytes: 0)
                    case "n", "t", "r", "f", "e", "a":
                        return .opaque(maximumBytes: 1)
                    case "d":
                        return .digit
                    case "D", "w", "W", "s", "S", "h", "H", "v", "V", "N":
                        return .opaque(maximumBytes: 4)
                    case "R":
                        return .opaque(maximumBytes: 4) // \r\n or one vertical space
                    case "X":
                        return .opaque(maximumBytes: nil) // a grapheme cluster has no length limit
                    case "p", "P":
                        if current == "{" { while let c = current, c != "}" { index += 1 }; index += 1 } else { index += 1 }
                        return .opaque(maximumBytes: 4)
                    default:
                        return nil // \Q, \x, \c, back references, \K…
                    }
                }
                return literal(escaped)
            case "*", "+", "?", "{":
                return nil // a quantifier with nothing before it
            default:
                return literal(scalar)
            }
        }

        func literal(_ scalar: Unicode.Scalar) -> Node {
            guard scalar.isASCII else { return .opaque(maximumBytes: 4) }
            let byte = UInt8(scalar.value)
            return .literal(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }

        mutating func parseQuantifier(_ atom: Node) -> Node? {
            guard let scalar = current else { return atom }
            var node: Node
            switch scalar {
            case "*":
                index += 1
                node = .repeated(atom, minimum: 0, maximum: nil)
            case "?":
                index += 1
                node = .repeated(atom, minimum: 0, maximum: 1)
            case "+":
                index += 1
                node = .repeated(atom, minimum: 1, maximum: nil)
            case "{":
                // {n}, {n,}, {n,m}; anything else is a literal brace in PCRE2.
                var probe = index + 1
                var digits = ""
                while probe < scalars.count, ("0"..."9").contains(scalars[probe]) { digits.unicodeScalars.append(scalars[probe]); probe += 1 }
                guard !digits.isEmpty, probe < scalars.count else { return .sequence([atom, .literal(UInt8(ascii: "{"))]) }
                var upper: String? = digits
                if scalars[probe] == "," {
                    probe += 1
                    var upperDigits = ""
                    while probe < scalars.count, ("0"..."9").contains(scalars[probe]) { upperDigits.unicodeScalars.append(scalars[probe]); probe += 1 }
                    upper = upperDigits.isEmpty ? nil : upperDigits
                }
                guard probe < scalars.count, scalars[probe] == "}", let minimum = Int(digits) else { return atom }
                index = probe + 1
                // A bound too large for Int is treated as unbounded (PCRE2 rejects it anyway).
                node = .repeated(atom, minimum: minimum, maximum: upper.flatMap { Int($0) })
            default:
                return atom
            }
            // Lazy and possessive markers change nothing here.
            if current == "?" || current == "+" { index += 1 }
            return node
        }

        mutating func skipName(until terminator: Unicode.Scalar) -> Bool {
            while let c = current, c != terminator {
                guard c == "_" || (c.isASCII ? c.isASCIILetterOrDigit : c.properties.isAlphabetic) else { return false }
                index += 1
            }
            guard current == terminator else { return false }
            index += 1
            return true
        }

        /// Whether the lookaround body that starts at `start` and was just skipped is exactly `\w`.
        func isWordClass(from start: Int) -> Bool {
            index - start == 3 && scalars[start] == "\\" && scalars[start + 1] == "w"
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
