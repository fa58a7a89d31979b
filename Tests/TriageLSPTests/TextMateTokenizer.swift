import Foundation

/// A small TextMate tokenizer for the tests: `match`, `begin`/`end` on one line,
/// `captures`, `patterns` and `include` of the repository — what editors/triage.tmLanguage.json
/// uses. Regexes run on NSRegularExpression (ICU), close to the Oniguruma editors use for
/// the constructs the grammar has.
struct TextMateTokenizer {
    indirect enum Rule {
        case match(NSRegularExpression, name: String?, captures: [Int: String])
        case region(begin: NSRegularExpression, end: NSRegularExpression, name: String?, beginCaptures: [Int: String], endCaptures: [Int: String], patterns: [Rule])
    }

    struct Token: Equatable {
        let range: NSRange
        let scope: String
    }

    let patterns: [Rule]
    /// Every regex in the grammar, compiled: the test that they compile.
    private(set) var regexCount = 0

    init(grammar: [String: Any]) throws {
        let repository = grammar["repository"] as? [String: Any] ?? [:]
        var count = 0
        func compile(_ pattern: String) throws -> NSRegularExpression {
            count += 1
            return try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        }
        func captures(_ value: Any?) -> [Int: String] {
            var result: [Int: String] = [:]
            for (key, entry) in value as? [String: Any] ?? [:] {
                if let index = Int(key), let name = (entry as? [String: Any])?["name"] as? String { result[index] = name }
            }
            return result
        }
        func rules(_ list: Any?, depth: Int = 0) throws -> [Rule] {
            guard depth < 10 else { return [] }
            var result: [Rule] = []
            for case let entry as [String: Any] in list as? [Any] ?? [] {
                if let include = entry["include"] as? String {
                    guard include.hasPrefix("#"), let target = repository[String(include.dropFirst())] else { continue }
                    result += try rules([target], depth: depth + 1)
                } else if let match = entry["match"] as? String {
                    result.append(.match(try compile(match), name: entry["name"] as? String, captures: captures(entry["captures"])))
                } else if let begin = entry["begin"] as? String, let end = entry["end"] as? String {
                    result.append(.region(begin: try compile(begin), end: try compile(end), name: entry["name"] as? String,
                                          beginCaptures: captures(entry["beginCaptures"]), endCaptures: captures(entry["endCaptures"]),
                                          patterns: try rules(entry["patterns"], depth: depth + 1)))
                } else if entry["patterns"] != nil {
                    result += try rules(entry["patterns"], depth: depth + 1)
                }
            }
            return result
        }
        patterns = try rules(grammar["patterns"])
        regexCount = count
    }

    private static let options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]

    /// The tokens of one line, outermost first for each place.
    func tokenize(_ line: String) -> [Token] {
        var tokens: [Token] = []
        _ = scan(line as NSString, from: 0, to: (line as NSString).length, patterns: patterns, end: nil, into: &tokens)
        return tokens
    }

    /// The scopes at a UTF-16 offset of a tokenized line.
    static func scopes(at offset: Int, in tokens: [Token]) -> [String] {
        tokens.filter { NSLocationInRange(offset, $0.range) }.map(\.scope)
    }

    /// Applies `patterns` from `start`; with `end`, stops after its first match and returns where.
    private func scan(_ line: NSString, from start: Int, to limit: Int, patterns: [Rule], end: (NSRegularExpression, [Int: String])?, into tokens: inout [Token]) -> Int {
        var position = start
        while position <= limit {
            let range = NSRange(location: position, length: limit - position)
            var best: (match: NSTextCheckingResult, rule: Rule?)?
            if let (endRegex, _) = end, let match = endRegex.firstMatch(in: line as String, options: Self.options, range: range) {
                best = (match, nil)
            }
            for rule in patterns {
                let regex: NSRegularExpression
                switch rule {
                case .match(let r, _, _): regex = r
                case .region(let r, _, _, _, _, _): regex = r
                }
                guard let match = regex.firstMatch(in: line as String, options: Self.options, range: range) else { continue }
                if best == nil || match.range.location < best!.match.range.location { best = (match, rule) }
            }
            guard let (match, rule) = best else { return limit }
            switch rule {
            case nil:
                add(match, name: nil, captures: end!.1, into: &tokens)
                return NSMaxRange(match.range)
            case .match(_, let name, let captures):
                add(match, name: name, captures: captures, into: &tokens)
            case .region(_, let endRegex, let name, let beginCaptures, let endCaptures, let inner):
                add(match, name: nil, captures: beginCaptures, into: &tokens)
                let closed = scan(line, from: NSMaxRange(match.range), to: limit, patterns: inner, end: (endRegex, endCaptures), into: &tokens)
                if let name { tokens.append(Token(range: NSRange(location: match.range.location, length: closed - match.range.location), scope: name)) }
                position = max(closed, position + 1)
                continue
            }
            // An empty match must not stall.
            position = max(NSMaxRange(match.range), position + 1)
        }
        return limit
    }

    private func add(_ match: NSTextCheckingResult, name: String?, captures: [Int: String], into tokens: inout [Token]) {
        if let name { tokens.append(Token(range: match.range, scope: name)) }
        for (index, scope) in captures.sorted(by: { $0.key < $1.key }) where index < match.numberOfRanges {
            let range = match.range(at: index)
            if range.location != NSNotFound && range.length > 0 { tokens.append(Token(range: range, scope: scope)) }
        }
    }
}
