/// Newline-separated words sorted bytewise, searched in place by bisection: no set is built,
/// so a list of 40,000 words costs nothing until a lookup and nothing per lookup but
/// a few comparisons.
struct SortedWordList: Sendable {
    private let text: String

    init(_ text: String) {
        self.text = text
    }

    func contains(_ word: some StringProtocol) -> Bool {
        contains(bytes: Array(word.utf8))
    }

    /// Calls `body` with the bytes of each word, in order.
    func forEachWord(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                if index > start { body(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                start = index + 1
            }
        }
    }

    func contains(bytes key: [UInt8]) -> Bool {
        guard !key.isEmpty else { return false }
        var text = text
        return text.withUTF8 { bytes in
            var low = 0
            var high = bytes.count
            // Invariant: the word, if present, starts a line in low..<high.
            while low < high {
                var middle = (low + high) / 2
                while middle > low, bytes[middle - 1] != 0x0A { middle -= 1 }
                var end = middle
                while end < high, bytes[end] != 0x0A { end += 1 }
                if end == middle {
                    // An empty line (only at the very end): look before it.
                    high = middle
                    continue
                }
                switch compare(key, bytes, middle, end) {
                case 0: return true
                case let order where order < 0: high = middle
                default: low = end + 1
                }
            }
            return false
        }
    }

    private func compare(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var index = 0
        while index < key.count, start + index < end {
            let a = key[index], b = bytes[start + index]
            if a != b { return a < b ? -1 : 1 }
            index += 1
        }
        let lineLength = end - start
        return key.count == lineLength ? 0 : key.count < lineLength ? -1 : 1
    }
}
