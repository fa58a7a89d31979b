/// The words a fuzzy list never reads as typos: SCOWL's small list (`CommonEnglishWords`) and
/// every word the pack's lists use. Finding a fuzzy word's real-word neighbours asks about
/// hundreds of one-edit strings per word; a table of hashes answers each with one probe (a
/// hit is confirmed in the lists themselves), where bisecting the 40,000-word list and making a
/// String per candidate was most of a cold `triage classify`. Built once per compile, and only
/// for packs with fuzzy lists.
final class RealWordSet {
    private let vocabulary: Set<String>
    /// Open addressing over FNV-1a hashes; 0 is empty.
    private var slots: [UInt64]

    init(vocabulary: Set<String>) {
        self.vocabulary = vocabulary
        // SCOWL's small list has about 40,000 words.
        var capacity = 1 << 16
        while capacity < (vocabulary.count + 45_000) * 2 { capacity *= 2 }
        slots = Array(repeating: 0, count: capacity)
        CommonEnglishWords.sorted.forEachWord { insert(RealWordSet.hash($0)) }
        for word in vocabulary {
            var word = word
            word.withUTF8 { insert(RealWordSet.hash($0)) }
        }
    }

    private func insert(_ hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(hash & UInt64(mask))
        while slots[slot] != 0 {
            if slots[slot] == hash { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = hash
    }

    /// Whether some real word has this hash (`RealWordSet.hash`, or `seed`, `step` and
    /// `finish`): no means no; yes is confirmed with `contains`.
    func mayContain(hash: UInt64) -> Bool {
        let mask = slots.count - 1
        var slot = Int(hash & UInt64(mask))
        while true {
            let stored = slots[slot]
            if stored == 0 { return false }
            if stored == hash { return true }
            slot = (slot + 1) & mask
        }
    }

    func contains(_ word: [UInt8]) -> Bool {
        guard mayContain(hash: word.withUnsafeBufferPointer(RealWordSet.hash)) else { return false }
        return CommonEnglishWords.sorted.contains(bytes: word) || vocabulary.contains(String(decoding: word, as: UTF8.self))
    }

    // FNV-1a, in steps, so callers hash variants of a word without building them.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    static func finish(_ hash: UInt64) -> UInt64 {
        hash == 0 ? 1 : hash
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = seed
        for byte in bytes { hash = step(hash, byte) }
        return finish(hash)
    }
}
