import Testing
import TriageSupport

struct EditDistanceTests {
    @Test(arguments: [
        ("", "", 0),
        ("", "abc", 3),
        ("abc", "", 3),
        ("format", "format", 0),
        ("fromat", "format", 1),   // one transposition
        ("formt", "format", 1),    // one deletion
        ("formatt", "format", 1),  // one insertion
        ("formet", "format", 1),   // one substitution
        ("kitten", "sitting", 3),
        ("ca", "abc", 2),          // unrestricted transposition; the OSA variant says 3
        ("é", "e", 1),             // counted in Characters, not bytes
    ])
    func distance(a: String, b: String, expected: Int) {
        #expect(EditDistance.damerauLevenshtein(a, b) == expected)
        #expect(EditDistance.damerauLevenshtein(b, a) == expected)
    }

    @Test func closestPicksNearest() {
        #expect(EditDistance.closest(to: "fromat", among: ["explain", "format", "rules"]) == "format")
        #expect(EditDistance.closest(to: "refund-reqest", among: ["refund-request", "refund-policy"]) == "refund-request")
    }

    @Test func closestIgnoresCase() {
        #expect(EditDistance.closest(to: "JSON", among: ["text", "json"]) == "json")
    }

    @Test func closestReturnsNilWhenNothingIsClose() {
        #expect(EditDistance.closest(to: "verbose", among: ["format", "rules"]) == nil)
        #expect(EditDistance.closest(to: "x", among: []) == nil)
        #expect(EditDistance.closest(to: "", among: ["a"]) == nil)
    }

    @Test func shortWordsNeedSomethingInCommon() {
        #expect(EditDistance.closest(to: "ab", among: ["cd"]) == nil)
        #expect(EditDistance.closest(to: "x", among: ["yz"]) == nil)
        #expect(EditDistance.closest(to: "ab", among: ["abc"]) == "abc")
    }

    @Test func longWordsAllowAThird() {
        // 12 characters: up to 4 edits.
        #expect(EditDistance.closest(to: "classifyxxxx", among: ["classify"]) == "classify")
        #expect(EditDistance.closest(to: "classifyxxxxx", among: ["classify"]) == nil)
        // Short words: up to 2.
        #expect(EditDistance.closest(to: "frmt", among: ["format"]) == "format")
        #expect(EditDistance.closest(to: "fmt", among: ["format"]) == nil)
    }

    @Test func tiesGoToTheEarlierCandidate() {
        #expect(EditDistance.closest(to: "cat", among: ["bat", "hat"]) == "bat")
        #expect(EditDistance.closest(to: "cat", among: ["hat", "bat"]) == "hat")
    }
}
