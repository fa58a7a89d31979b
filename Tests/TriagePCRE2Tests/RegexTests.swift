import Testing
@testable import TriagePCRE2

@Suite struct RegexTests {
    @Test func matchesReportUTF8OffsetsThatConvertBackOnNonASCIIText() throws {
        let text = "Café ☕️ déjà livré: colis cassé"
        let regex = try Regex("cass\\w", options: [.caseless])
        let scan = RegexMatcher().scan(regex, in: text)
        #expect(scan.matches.count == 1)
        let match = try #require(scan.matches.first)
        #expect(RegexMatch.substring(match.range, of: text) == "cassé")
        #expect(String(text[match.range(in: text)]) == "cassé")
        // Byte offsets differ from character offsets here: é and ☕️ take several bytes.
        #expect(match.range.lowerBound == text.utf8.count - "cassé".utf8.count)
    }

    @Test func wordCharactersAndBoundariesKnowUnicodeLetters() throws {
        let regex = try Regex("\\bdéjà\\b")
        #expect(RegexMatcher().scan(regex, in: "c'est déjà fait").matches.count == 1)
        #expect(RegexMatcher().scan(regex, in: "xdéjà").matches.isEmpty)
    }

    @Test func compileErrorCarriesPCREMessageAndByteOffset() {
        #expect(throws: RegexCompileError.self) { try Regex("late (parcel") }
        do {
            _ = try Regex("ab[c")
            Issue.record("expected a compile error")
        } catch {
            #expect(error.message == "missing terminating ] for character class")
            #expect(error.utf8Offset == 4)
        }
    }

    @Test func namedGroupsAreListedWithTheirNumbers() throws {
        let regex = try Regex("(?<order_id>\\d{3})-(x)?(?<amount>\\d+)")
        #expect(regex.namedGroups.map(\.name) == ["order_id", "amount"])
        #expect(regex.namedGroups.map(\.number) == [1, 3])
        let match = try #require(RegexMatcher().scan(regex, in: "id 123-45").matches.first)
        #expect(match.groups[2] == nil)
        #expect(match.groups[3].map { RegexMatch.substring($0, of: "id 123-45") } == "45")
    }

    @Test func scanFindsEveryNonOverlappingMatchAndStepsOverEmptyMatches() throws {
        let words = try Regex("\\w+")
        #expect(RegexMatcher().scan(words, in: "où est mon colis").matches.count == 4)
        let empty = try Regex("x*")
        let scan = RegexMatcher().scan(empty, in: "aéx")
        #expect(scan.limitHit == nil)
        #expect(scan.matches.map(\.range) == [0..<0, 1..<1, 3..<4, 4..<4])
    }

    @Test func maxMatchesTruncatesAndSaysSo() throws {
        let scan = RegexMatcher().scan(try Regex("a"), in: "aaaa", maxMatches: 2)
        #expect(scan.matches.count == 2)
        #expect(scan.truncated)
    }

    @Test func catastrophicPatternHitsTheMatchLimitInsteadOfHanging() throws {
        let regex = try Regex("(a+)+$")
        let text = String(repeating: "a", count: 40) + "!"
        let scan = RegexMatcher(limits: RegexLimits(matchLimit: 10_000)).scan(regex, in: text)
        #expect(scan.limitHit == .matchLimit)
        #expect(scan.matches.isEmpty)
        if case .failure(let error) = RegexMatcher(limits: RegexLimits(matchLimit: 10_000)).firstMatch(regex, in: text) {
            #expect(error.kind == .matchLimit)
        } else {
            Issue.record("expected a limit error")
        }
    }

    @Test func emptySubjectIsFine() throws {
        #expect(RegexMatcher().scan(try Regex("a"), in: "").matches.isEmpty)
        #expect(RegexMatcher().scan(try Regex("a*"), in: "").matches.count == 1)
    }

    @Test func patternsAreJITCompiled() throws {
        #expect(try Regex("late|delayed").isJITCompiled)
    }

    @Test func oneRegexIsSharedAcrossThreads() async throws {
        let regex = try Regex("\\bparcel\\b", options: .caseless)
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let text = String(repeating: "my Parcel is late. ", count: index + 1)
                    return RegexMatcher().scan(regex, in: text).matches.count
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }.sorted()
        }
        #expect(counts == Array(1...16))
    }
}
