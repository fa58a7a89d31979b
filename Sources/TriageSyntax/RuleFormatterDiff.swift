/// A unified diff between a file and its formatted text, for `triage fmt --diff`: Myers'
/// shortest edit script over lines, in hunks with three lines of context, the form `patch`
/// and `git apply` read.
public enum RuleFormatterDiff {
    enum Edit: Equatable {
        case equal
        case delete
        case insert
    }

    /// Beyond this many differing lines the script is not searched for: the differing middle
    /// is shown removed and re-added, which is still a correct diff.
    static let maximumEditDistance = 2_000

    /// The diff from `old` to `new`, or "" when they are equal.
    public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(of: old)
        let b = lines(of: new)
        guard a != b else { return "" }
        let edits = script(a, b)
        // Positions before each edit, to number the hunks.
        var oldBefore: [Int] = []
        var newBefore: [Int] = []
        var oldLine = 0
        var newLine = 0
        for edit in edits {
            oldBefore.append(oldLine)
            newBefore.append(newLine)
            if edit != .insert { oldLine += 1 }
            if edit != .delete { newLine += 1 }
        }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        let changes = edits.indices.filter { edits[$0] != .equal }
        var index = 0
        while index < changes.count {
            // A hunk runs while the gap between changes is small enough to share context.
            var last = index
            while last + 1 < changes.count && changes[last + 1] - changes[last] <= 2 * context { last += 1 }
            let start = max(0, changes[index] - context)
            let end = min(edits.count - 1, changes[last] + context)
            let hunk = edits[start...end]
            let oldCount = hunk.filter { $0 != .insert }.count
            let newCount = hunk.filter { $0 != .delete }.count
            output += "@@ -\(range(oldBefore[start], oldCount)) +\(range(newBefore[start], newCount)) @@\n"
            for position in start...end {
                switch edits[position] {
                case .equal: output += line(" ", a[oldBefore[position]])
                case .delete: output += line("-", a[oldBefore[position]])
                case .insert: output += line("+", b[newBefore[position]])
                }
            }
            index = last + 1
        }
        return output
    }

    /// Lines with their line break, so a missing final line break is a difference too.
    /// Split on the byte: as Characters, "\r\n" is one and would not be found as "\n".
    static func lines(of text: String) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")).map { utf8.index(after: $0) } ?? utf8.endIndex
            result.append(text[start..<end])
            start = end
        }
        return result
    }

    private static func line(_ marker: String, _ text: Substring) -> String {
        text.utf8.last == UInt8(ascii: "\n") ? marker + text : marker + text + "\n\\ No newline at end of file\n"
    }

    /// `start,count` as unified diffs number them: 1-based, the count left out when it is
    /// 1, and an empty range named by the line before it.
    private static func range(_ before: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(before),0"
        case 1: return "\(before + 1)"
        default: return "\(before + 1),\(count)"
        }
    }

    /// The shortest edit script (Myers, 1986) after trimming the common start and end.
    static func script(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middle = myers(Array(a[prefix..<(a.count - suffix)]), Array(b[prefix..<(b.count - suffix)]))
        return Array(repeating: .equal, count: prefix) + middle + Array(repeating: .equal, count: suffix)
    }

    private static func myers(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        let n = a.count
        let m = b.count
        let limit = min(n + m, maximumEditDistance)
        let offset = limit + 1
        var v = Array(repeating: 0, count: 2 * limit + 3)
        // v before each round d, for walking back; only diagonals -d...d are read.
        var trace: [[Int]] = []
        var found = false
        search: for d in 0...limit {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m {
                    found = true
                    break search
                }
            }
        }
        guard found else {
            return Array(repeating: .delete, count: n) + Array(repeating: .insert, count: m)
        }
        var edits: [Edit] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let round = trace[d]
            func value(_ k: Int) -> Int { round[k + d] }
            let k = x - y
            let previousK = (k == -d || (k != d && value(k - 1) < value(k + 1))) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : value(previousK)
            let previousY = d == 0 ? 0 : previousX - previousK
            while x > previousX && y > previousY {
                edits.append(.equal)
                x -= 1
                y -= 1
            }
            if d > 0 {
                edits.append(x == previousX ? .insert : .delete)
            }
            x = previousX
            y = previousY
        }
        return edits.reversed()
    }
}
