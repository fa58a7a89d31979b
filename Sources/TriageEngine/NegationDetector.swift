/// Decides whether a match is negated: a negation word ("not", "never", "no", "without",
/// any "n't" form) stands at most `window` words before it in the same clause. A clause
/// ends at . ! ? ; : , a line break, or "but" / "however" / "although" / "though".
struct NegationDetector {
    let window: Int

    static let cues: Set<String> = [
        "not", "no", "never", "nothing", "none", "nobody", "nowhere", "neither", "nor", "without", "cannot",
        "cant", "dont", "doesnt", "didnt", "isnt", "wasnt", "werent", "arent", "havent", "hasnt", "hadnt",
        "wont", "wouldnt", "couldnt", "shouldnt", "aint", "nope",
    ]
    static let clauseBreakers: Set<String> = ["but", "however", "although", "though", "except", "otherwise", "whereas"]
    /// "not only late but damaged", "not just late": the thing is affirmed, not denied.
    static let pseudoNegationFollowers: Set<String> = ["only", "just", "merely"]

    func isNegated(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        var position = range.lowerBound
        var wordsSeen = 0
        var followingWord: String?
        while wordsSeen < window && position > 0 {
            // Walk back over the gap before the previous word, stopping at clause punctuation.
            var cursor = position
            while cursor > 0 && !WordIndex.isWordByte(bytes[cursor - 1]) {
                switch bytes[cursor - 1] {
                case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: ":"),
                     UInt8(ascii: ","), UInt8(ascii: "\n"):
                    return false
                default:
                    cursor -= 1
                }
            }
            guard cursor > 0 else { return false }
            let end = cursor
            while cursor > 0 && WordIndex.isWordByte(bytes[cursor - 1]) { cursor -= 1 }
            let word = NegationDetector.fold(bytes[cursor..<end])
            if NegationDetector.clauseBreakers.contains(word) { return false }
            if NegationDetector.isCue(word) {
                if let followingWord, NegationDetector.pseudoNegationFollowers.contains(followingWord) { return false }
                return true
            }
            followingWord = word
            wordsSeen += 1
            position = cursor
        }
        return false
    }

    static func isCue(_ word: String) -> Bool {
        cues.contains(word) || word.hasSuffix("n't") || word.hasSuffix("n’t") || cues.contains(word.replacingApostrophes)
    }

    /// Lower-cased, for comparison with the cue lists.
    static func fold(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).lowercased()
    }
}

extension String {
    /// "didn't" and "didn’t" → "didnt".
    var replacingApostrophes: String { String(filter { $0 != "'" && $0 != "’" }) }
}
