/// Word positions in one turn's text, so proximity ("within 6 words") and negation
/// ("not … damaged") can count words. A word is a run of letters, digits, `_` and apostrophes.
struct WordIndex {
    /// UTF-8 offsets where each word starts and ends.
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []

    init(_ text: String) {
        var inWord = false
        var offset = 0
        for byte in text.utf8 {
            let isWordByte = WordIndex.isWordByte(byte)
            if isWordByte && !inWord { starts.append(offset) }
            if !isWordByte && inWord { ends.append(offset) }
            inWord = isWordByte
            offset += 1
        }
        if inWord { ends.append(offset) }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "'"): return true
        // Non-ASCII bytes: letters in other scripts, and the curly apostrophe.
        case 0x80...0xFF: return true
        default: return false
        }
    }

    var count: Int { starts.count }

    /// Index of the first word that ends after `offset` (the word at or after it).
    func firstWord(atOrAfter offset: Int) -> Int {
        var low = 0, high = ends.count
        while low < high {
            let middle = (low + high) / 2
            if ends[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Index of the last word that starts before `offset`.
    func lastWord(before offset: Int) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low - 1
    }

    /// Words from the end of the earlier range to the start of the later one: 1 for
    /// neighbours ("late parcel"), 0 when the ranges share a word.
    func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        let (first, second) = a.lowerBound <= b.lowerBound ? (a, b) : (b, a)
        let gap = firstWord(atOrAfter: second.lowerBound) - lastWord(before: first.upperBound)
        return max(0, gap)
    }
}
