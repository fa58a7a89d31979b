internal import TriagePCRE2

/// Static looks at regex source text, and the probes that confirm a risk on the compiled
/// pattern (for `triage lint`; the engine keeps PCRE2 to itself).
public enum RegexRisk {
    public static let probeLimit: UInt32 = 200_000

    /// True when a repeated group contains a repetition or an alternation: `(a+)+`, `(a|ab)*`.
    public static func hasNestedRepetition(_ pattern: String) -> Bool {
        let characters = Array(pattern)
        var stack: [Bool] = []  // per open group: does its body repeat or alternate?
        var index = 0
        var inClass = false
        while index < characters.count {
            let c = characters[index]
            if c == "\\" { index += 2; continue }
            if inClass {
                if c == "]" { inClass = false }
                index += 1
                continue
            }
            switch c {
            case "[": inClass = true
            case "(": stack.append(false)
            case "|": if !stack.isEmpty { stack[stack.count - 1] = true }
            case "*", "+", "{":
                if !stack.isEmpty && (c != "{" || isOpenRepeat(characters, at: index)) { stack[stack.count - 1] = true }
            case ")":
                let risky = stack.popLast() ?? false
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                let repeated = next == "*" || next == "+" || (next == "{" && isOpenRepeat(characters, at: index + 1))
                if risky && repeated { return true }
                if risky, !stack.isEmpty { stack[stack.count - 1] = true }
            default: break
            }
            index += 1
        }
        return false
    }

    /// `{n,}` or `{n,m}` with m > 1: a repetition, not a literal brace.
    private static func isOpenRepeat(_ characters: [Character], at index: Int) -> Bool {
        guard let close = characters[index...].firstIndex(of: "}") else { return false }
        let body = String(characters[(index + 1)..<close])
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, Int(parts[0]) != nil else { return false }
        return parts[1].isEmpty || (Int(parts[1]) ?? 0) > 1
    }

    /// An input that makes the regex hit a small match limit, or nil if none of the probes does.
    public static func confirm(_ pattern: CompiledPattern) -> String? {
        let regex = pattern.regex
        let matcher = RegexMatcher(limits: RegexLimits(matchLimit: probeLimit, depthLimit: 5_000, heapLimitKiB: 10_000))
        for (unit, suffix) in probeParts(regex) {
            let probe = String(repeating: unit, count: max(24, 48 / unit.count)) + suffix
            if matcher.scan(regex, in: probe, maxMatches: 1).limitHit != nil { return probe }
        }
        return nil
    }

    /// True when the pattern has at least two unbounded repetitions (`*`, `+`, `{n,}`) outside
    /// character classes: the shape of a pattern whose work at one start position can grow
    /// faster than the text, as in `(a|b)*(a|b)*c`.
    public static func hasTwoUnboundedRepetitions(_ pattern: String) -> Bool {
        let characters = Array(pattern)
        var count = 0
        var index = 0
        var inClass = false
        while index < characters.count {
            let c = characters[index]
            if c == "\\" { index += 2; continue }
            if inClass {
                if c == "]" { inClass = false }
            } else if c == "[" {
                inClass = true
            } else if c == "*" || c == "+" || (c == "{" && isUnboundedRepeat(characters, at: index)) {
                // A '+' right after a quantifier makes it possessive, not a new repetition.
                let previous = index > 0 ? characters[index - 1] : " "
                if !(c == "+" && (previous == "*" || previous == "+" || previous == "?" || previous == "}")) { count += 1 }
                if count >= 2 { return true }
            }
            index += 1
        }
        return false
    }

    private static func isUnboundedRepeat(_ characters: [Character], at index: Int) -> Bool {
        guard let close = characters[index...].firstIndex(of: "}") else { return false }
        let parts = String(characters[(index + 1)..<close]).split(separator: ",", omittingEmptySubsequences: false)
        return parts.count == 2 && Int(parts[0]) != nil && parts[1].isEmpty
    }

    /// Probe lengths and the cheap first bound of ``slowAtEveryPosition(_:)``.
    public static let shortProbe = 100
    public static let longProbe = 400

    /// An input on which the work of one match attempt grows at least quadratically with the
    /// input's length — so a long message that never matches costs the cube of its length in
    /// total, each start position staying under the match limit that would stop it — with the
    /// work at both probe lengths, or nil. Work is counted by PCRE2 (``RegexMatcher/attemptCost(_:in:cap:)``),
    /// never timed: linear work grows 4× from 100 to 400 characters, quadratic 16×; 8× or more is reported.
    public static func slowAtEveryPosition(_ pattern: CompiledPattern) -> (probe: String, short: UInt32, long: UInt32)? {
        let regex = pattern.regex
        let matcher = RegexMatcher()
        // The repeated units are built once per unit, not once per (unit, suffix): building
        // them was a third of `triage lint`'s time on a pack of 50,000 regexes.
        var repeated: (unit: String, short: String, long: String?) = ("", "", nil)
        for (unit, suffix) in probeParts(regex) {
            if repeated.unit != unit { repeated = (unit, String(repeating: unit, count: shortProbe / unit.count), nil) }
            let short = repeated.short + suffix
            // Cheap screen: linear work stays far below 20 steps a character.
            guard matcher.attemptCost(regex, in: short, cap: UInt32(20 * shortProbe)) == nil,
                  let shortCost = matcher.attemptCost(regex, in: short, cap: probeLimit) else { continue }
            if repeated.long == nil { repeated.long = String(repeating: unit, count: longProbe / unit.count) }
            let long = repeated.long! + suffix
            // Over the cap at the long probe: at least as bad as quadratic.
            let longCost = matcher.attemptCost(regex, in: long, cap: probeLimit * 16)
            if longCost.map({ $0 >= 8 * shortCost }) ?? true { return (long, shortCost, longCost ?? probeLimit * 16) }
        }
        return nil
    }

    /// Whether the pattern matches the empty string somewhere in one of `probes`.
    public static func matchesEmpty(_ pattern: CompiledPattern, probes: [String]) -> Bool {
        let matcher = RegexMatcher(limits: RegexLimits(matchLimit: 100_000))
        return probes.contains { probe in matcher.scan(pattern.regex, in: probe, maxMatches: 4).matches.contains { $0.range.isEmpty } }
    }

    /// Units to repeat and suffixes to end probes with, from the pattern's own letters:
    /// PCRE2 skips subjects that lack a required literal, so probes end with each literal the
    /// pattern contains, then something that makes the match fail.
    private static func probeParts(_ regex: Regex) -> [(String, String)] {
        var alphabet: [String] = ["a", "0", " ", "é", "ab", "a ", "-", "."]
        for character in regex.pattern where character.isLetter || character.isNumber || character == " " {
            let text = String(character)
            if !alphabet.contains(text) { alphabet.append(text) }
        }
        var suffixes = ["!", "\u{1}", "\n", ""]
        for character in regex.pattern where character.isLetter || character.isNumber {
            let suffix = String(character) + "!"
            if !suffixes.contains(suffix) { suffixes.append(suffix) }
        }
        return alphabet.flatMap { unit in suffixes.map { (unit, $0) } }
    }

    /// The first word with both upper- and lower-case letters written literally in the pattern.
    public static func mixedCaseWord(in pattern: String) -> String? {
        let characters = Array(pattern)
        var index = 0
        var word = ""
        var inClass = false
        func finish() -> String? {
            defer { word = "" }
            return word.contains(where: \.isUppercase) && word.contains(where: \.isLowercase) ? word : nil
        }
        while index < characters.count {
            let c = characters[index]
            if c == "\\" {
                if let found = finish() { return found }
                // Skip the escape, and a \p{…} / \x{…} body.
                index += 2
                if index < characters.count, characters[index] == "{", let close = characters[index...].firstIndex(of: "}") { index = close + 1 }
                continue
            }
            if inClass { if c == "]" { inClass = false }; index += 1; continue }
            if c == "[" { if let found = finish() { return found }; inClass = true; index += 1; continue }
            if c.isLetter { word.append(c) } else if let found = finish() { return found }
            index += 1
        }
        return finish()
    }

    /// Offset (UTF-8, in the pattern) of a `\b` with literal punctuation right after or before it.
    public static func boundaryNextToPunctuation(_ pattern: String) -> Int? {
        let bytes = Array(pattern.utf8)
        func isPunctuation(_ byte: UInt8) -> Bool {
            byte < 0x80 && !(byte >= 0x30 && byte <= 0x39) && !(byte >= 0x41 && byte <= 0x5A) && !(byte >= 0x61 && byte <= 0x7A) && byte != 0x5F
        }
        // Regex syntax, including what opens a group or lookaround: `(?<!\btoo)`, `(?<name>\b…)`.
        let meta: Set<UInt8> = Array("()[]|.?*+{}^$\\ !<>=:".utf8).reduce(into: Set()) { $0.insert($1) }
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\") else { index += 1; continue }
            if bytes[index + 1] == UInt8(ascii: "b") {
                // After: a literal punctuation character, or an escaped one such as \$ or \#.
                if index + 2 < bytes.count {
                    let next = bytes[index + 2]
                    if isPunctuation(next) && !meta.contains(next) { return index }
                    if next == UInt8(ascii: "\\"), index + 3 < bytes.count, isPunctuation(bytes[index + 3]) { return index }
                }
                // Before: a literal punctuation character that is not itself escaped syntax.
                if index > 0 {
                    let previous = bytes[index - 1]
                    let escaped = index > 1 && bytes[index - 2] == UInt8(ascii: "\\")
                    if isPunctuation(previous) && (!meta.contains(previous) || escaped) && previous != UInt8(ascii: ")") { return index }
                }
            }
            index += 2
        }
        return nil
    }
}
