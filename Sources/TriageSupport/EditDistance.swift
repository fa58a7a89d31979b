/// Edit distances for "did you mean" suggestions (option names, option values, rule names).
public enum EditDistance {
    /// The true Damerau–Levenshtein distance (insertions, deletions, substitutions and
    /// transpositions of adjacent characters, unrestricted), counted in Characters.
    /// Unlike the simpler "optimal string alignment" variant, `ca` → `abc` is 2, not 3.
    public static func damerauLevenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }

        // Lowrance–Wagner: the table has an extra border row and column holding `infinity`.
        let infinity = a.count + b.count
        var d = Array(repeating: Array(repeating: 0, count: b.count + 2), count: a.count + 2)
        d[0][0] = infinity
        for i in 0...a.count {
            d[i + 1][0] = infinity
            d[i + 1][1] = i
        }
        for j in 0...b.count {
            d[0][j + 1] = infinity
            d[1][j + 1] = j
        }

        var lastRowWith: [Character: Int] = [:]
        for i in 1...a.count {
            var lastMatchingColumn = 0
            for j in 1...b.count {
                let k = lastRowWith[b[j - 1]] ?? 0
                let l = lastMatchingColumn
                let cost: Int
                if a[i - 1] == b[j - 1] {
                    cost = 0
                    lastMatchingColumn = j
                } else {
                    cost = 1
                }
                d[i + 1][j + 1] = min(
                    d[i][j] + cost,
                    d[i + 1][j] + 1,
                    d[i][j + 1] + 1,
                    d[k][l] + (i - k - 1) + 1 + (j - l - 1)
                )
            }
            lastRowWith[a[i - 1]] = i
        }
        return d[a.count + 1][b.count + 1]
    }

    /// The candidate nearest to `word`, ignoring case, if it is close enough to be a likely typo:
    /// a distance of at most 2 or at most a third of the word's length, and less than the word's
    /// length (so `ab` never suggests `cd`). Ties go to the earlier candidate.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let length = word.count
        let limit = min(max(2, length / 3), length - 1)
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = damerauLevenshtein(lowered, candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }
}
