import Testing
@testable import TriageEngine

/// The fuzzy list's real-word guards and regex, built fast from bytes and hashes, must be the
/// ones the plain definitions give.
@Suite struct FuzzyWordListTests {
    /// Every string one edit away, as the definition says (the reference for the fast version).
    private func neighbours(of word: String) -> Set<String> {
        let letters = Array(word)
        var result: Set<String> = []
        for index in letters.indices {
            var deleted = letters
            deleted.remove(at: index)
            result.insert(String(deleted))
            for letter in "abcdefghijklmnopqrstuvwxyz" where letter != letters[index] {
                var changed = letters
                changed[index] = letter
                result.insert(String(changed))
            }
        }
        for index in 0...letters.count {
            for letter in "abcdefghijklmnopqrstuvwxyz" {
                var inserted = letters
                inserted.insert(letter, at: index)
                result.insert(String(inserted))
            }
        }
        for index in 0..<max(0, letters.count - 1) where letters[index] != letters[index + 1] {
            var swapped = letters
            swapped.swapAt(index, index + 1)
            result.insert(String(swapped))
        }
        result.remove(word)
        return result
    }

    @Test(arguments: ["refund", "later", "delivered", "received", "clean", "parcel", "cancelled", "money", "package", "addresss"])
    func realNeighboursAreTheRealWordsOneEditAway(_ word: String) {
        let vocabulary: Set<String> = ["refunds", "parcels", "recieved", "monkey"]
        let realWords = RealWordSet(vocabulary: vocabulary)
        let expected = neighbours(of: word).filter { vocabulary.contains($0) || CommonEnglishWords.sorted.contains($0) }.sorted()
        #expect(FuzzyWordList.realNeighbours(of: word, in: realWords) == expected)
    }

    @Test func realWordSetKnowsTheListsAndNothingElse() {
        let realWords = RealWordSet(vocabulary: ["refnd"])
        #expect(realWords.contains(Array("refnd".utf8)) && realWords.contains(Array("zucchini".utf8)) && realWords.contains(Array("a".utf8)))
        #expect(!realWords.contains(Array("zucchinis2".utf8)) && !realWords.contains(Array("qwxz".utf8)))
    }

    @Test func fuzzyGroupIsEveryOneEditFormBehindTheGuards() {
        let list = FuzzyWordList(entries: ["abba"], realWords: RealWordSet(vocabulary: []))
        #expect(list.fuzzyGroup(for: "abba", guards: ["abbe", "baba"])
                == "(?:(?!(?:abbe|baba)(?!\\w))(?:\\pL?bba|a\\pL?ba|ab\\pL?a|abb\\pL?|a\\pLbba|ab\\pLba|abb\\pLa|abba\\pL|baba|abab))")
        #expect(list.fuzzyGroup(for: "later", guards: []).hasPrefix("(?:(?:\\pL?ater|"))
    }
}
