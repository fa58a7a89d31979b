import Foundation
import Testing
import TriageTestSupport
@testable import TriageSyntax

/// The unified diff of `triage fmt --diff`: exact output for small cases, and random texts
/// whose diff, applied back, must give the new text.
@Suite struct RuleFormatterDiffTests {
    func diff(_ old: String, _ new: String) -> String {
        RuleFormatterDiff.unified(old: old, new: new, oldName: "a/x.rules", newName: "b/x.rules")
    }

    @Test func equalTextsHaveNoDiff() {
        #expect(diff("a\nb\n", "a\nb\n") == "")
        #expect(diff("", "") == "")
    }

    @Test func aChangeWithThreeLinesOfContext() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n"
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n"
        #expect(diff(old, new) == """
        --- a/x.rules
        +++ b/x.rules
        @@ -2,7 +2,7 @@
         2
         3
         4
        -5
        +five
         6
         7
         8

        """)
    }

    @Test func distantChangesGetTheirOwnHunksAndCloseOnesShareOne() {
        let old = (1...20).map { "\($0)\n" }.joined()
        let far = old.replacingFirst("2\n", with: "two\n").replacingFirst("19\n", with: "nineteen\n")
        #expect(diff(old, far).components(separatedBy: "\n@@ ").count == 3)
        #expect(diff(old, far).contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"))
        #expect(diff(old, far).contains("@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n"))
        let near = old.replacingFirst("5\n", with: "five\n").replacingFirst("11\n", with: "eleven\n")
        #expect(diff(old, near).components(separatedBy: "\n@@ ").count == 2)
    }

    @Test func insertionsDeletionsAndTheFinalLineBreak() {
        #expect(diff("", "a\nb\n") == "--- a/x.rules\n+++ b/x.rules\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        #expect(diff("a\nb\n", "") == "--- a/x.rules\n+++ b/x.rules\n@@ -1,2 +0,0 @@\n-a\n-b\n")
        #expect(diff("a\nb", "a\nb\n") == "--- a/x.rules\n+++ b/x.rules\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
        #expect(diff("a\r\nb\r\n", "a\nb\r\n") == "--- a/x.rules\n+++ b/x.rules\n@@ -1,2 +1,2 @@\n-a\r\n+a\n b\r\n")
    }

    @Test(arguments: 0..<200)
    func aDiffAppliedToTheOldTextGivesTheNewText(_ seed: Int) throws {
        var random = SplitMix64(state: UInt64(seed) &+ 1)
        func text() -> String {
            let count = Int.random(in: 0...30, using: &random)
            var lines = (0..<count).map { _ in ["a", "b", "c", "d", "", "  e"].randomElement(using: &random)! + "\n" }
            if !lines.isEmpty && Bool.random(using: &random) && Int.random(in: 0..<4, using: &random) == 0 { lines[lines.count - 1].removeLast() }
            return lines.joined()
        }
        let old = text()
        let new = text()
        let patch = diff(old, new)
        #expect(try apply(patch, to: old) == new, "seed \(seed)\n\(patch)")
    }

    /// Applies a unified diff the way `patch` does, strictly: context must match.
    func apply(_ patch: String, to old: String) throws -> String {
        guard !patch.isEmpty else { return old }
        let oldLines = RuleFormatterDiff.lines(of: old)
        var result: [Substring] = []
        var position = 0
        var lines = patch.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2)
        if lines.last == "" { lines = lines.dropLast() }
        var last: (marker: Character, index: Int)?
        for line in lines {
            if line.hasPrefix("@@") {
                let start = try #require(Int(line.split(separator: " ")[1].dropFirst().split(separator: ",")[0]))
                let count = line.split(separator: " ")[1].split(separator: ",").count > 1 ? Int(line.split(separator: " ")[1].split(separator: ",")[1])! : 1
                let target = count == 0 ? start : start - 1
                while position < target { result.append(oldLines[position]); position += 1 }
                continue
            }
            if line.hasPrefix("\\") {
                // The line before had no line break: take off the one added to a '+' line.
                if let last, last.marker == "+", let end = result.indices.last { result[end] = result[end].dropLast() }
                continue
            }
            let marker = line.first!
            let body = Substring(String(line.dropFirst()) + "\n")
            switch marker {
            case " ":
                #expect(oldLines[position].trimmingSuffix() == body.trimmingSuffix())
                result.append(oldLines[position]); position += 1
            case "-":
                #expect(oldLines[position].trimmingSuffix() == body.trimmingSuffix())
                position += 1
            default:
                result.append(body)
            }
            last = (marker, result.count - 1)
        }
        while position < oldLines.count { result.append(oldLines[position]); position += 1 }
        return result.joined()
    }
}

private extension Substring {
    func trimmingSuffix() -> Substring { hasSuffix("\n") ? dropLast() : self }
}

private extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
