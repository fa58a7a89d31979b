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
        #expect(match.group(2) == nil)
        #expect(match.group(3).map { RegexMatch.substring($0, of: "id 123-45") } == "45")
        #expect(match.group(0) == match.range)
        #expect(RegexMatcher().scan(try Regex("\\d+"), in: "id 123").matches.first?.captures.isEmpty == true)
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
        let first = RegexMatcher(limits: RegexLimits(matchLimit: 10_000)).firstMatch(regex, in: text)
        #expect(first.limitHit == .matchLimit)
        #expect(first.match == nil)
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

/// The time budget holds for every PCRE2 call (issue 14, item 1): PCRE2's match limit bounds
/// one start position, so a scan with a deadline tries a bounded window of start positions
/// per call, and the windows must not change any answer.
@Suite struct RegexDeadlineTests {
    /// Slow at every start position, under the match limit at each, and never matching.
    static let slowEverywhere = "(?:a|b)*(?:a|b)*c\\d"
    static let slowText = Array(repeating: String(repeating: "a", count: 1_000) + "c", count: 40).joined(separator: " ")

    @Test func aPatternSlowAtEveryPositionStopsAtTheDeadline() throws {
        let regex = try Regex(Self.slowEverywhere)
        let scan = RegexMatcher().scan(regex, in: Self.slowText, deadline: ContinuousClock.now.advanced(by: .milliseconds(100)))
        #expect(scan.limitHit == .timeBudget)
        #expect(scan.matches.isEmpty)
    }

    @Test func windowsGiveTheSameMatchesAsOneCall() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["late ", "parcel", "é", "ab", "  ", "x", "\n", "#1234 ", "déjà ", "aab"]
        for _ in 0..<20 {
            let text = (0..<2_000).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for pattern in ["\\bla\\w*", "(?<=a)b", "x*", "é+|\\d{2,}", "\\s+", "(?=p)", "^late|d$", "ab(?!a)"] {
                let regex = try Regex(pattern)
                let matcher = RegexMatcher()
                let whole = matcher.scan(regex, in: text)
                // A deadline a second away: windows of about 100 start positions.
                let windowed = matcher.scan(regex, in: text, deadline: ContinuousClock.now.advanced(by: .seconds(1)))
                #expect(windowed.limitHit == nil)
                #expect(windowed.matches.map(\.range) == whole.matches.map(\.range), "\(pattern)")
                let limited = matcher.scan(regex, in: text, from: 37, offsetLimit: 1_500, deadline: ContinuousClock.now.advanced(by: .seconds(1)))
                #expect(limited.matches.map(\.range) == matcher.scan(regex, in: text, from: 37, offsetLimit: 1_500).matches.map(\.range), "\(pattern)")
            }
        }
    }

    @Test func attemptCostCountsWorkAtOneStartPosition() throws {
        let regex = try Regex(Self.slowEverywhere)
        let matcher = RegexMatcher()
        let short = try #require(matcher.attemptCost(regex, in: String(repeating: "a", count: 100) + "c!", cap: 1_000_000))
        let long = try #require(matcher.attemptCost(regex, in: String(repeating: "a", count: 400) + "c!", cap: 1_000_000))
        #expect(long > 10 * short)
        #expect(matcher.attemptCost(regex, in: String(repeating: "a", count: 400) + "c!", cap: 100) == nil)
    }
}
