internal import TriagePCRE2

/// One index over the entries of every word list the direct matcher handles: a message's turn
/// is split into its word runs once, each run is looked up once, and the (pattern, alternative,
/// start) triples it yields are the only places those lists can match. Exact words are looked
/// up as they are, `deliver*` by the run's prefixes, and fuzzy words by their one-deletion
/// keys, which any one-edit variant shares with the word. Keys are hashes: a collision only
/// adds a candidate, and `WordListMatcher` confirms every candidate.
/// Immutable; shared by every scan.
final class WordListIndex: Sendable {
    struct Posting: Sendable {
        let pattern: Int32
        let alternative: Int32
    }

    /// A place where an alternative of a word list may match: pattern, start and alternative
    /// packed into one integer (20, 24 and 20 bits), so sorting compares integers.
    struct Candidate: Comparable {
        let bits: UInt64

        init(pattern: Int32, start: Int, alternative: Int32) {
            bits = UInt64(pattern) << 44 | UInt64(start) << 20 | UInt64(alternative)
        }

        var pattern: Int { Int(bits >> 44) }
        var start: Int { Int(bits >> 20 & 0xFF_FFFF) }
        var alternative: Int { Int(bits & 0xF_FFFF) }

        static func < (a: Candidate, b: Candidate) -> Bool { a.bits < b.bits }
    }

    /// Lists with more entries than the packing holds are left to PCRE2 (packs have at most
    /// `RuleLimits.maximumPatterns` patterns, below 2^20; `Scan.maximumDirectTurnBytes` is below 2^24).
    static let maximumAlternatives = 1 << 20

    /// Open addressing: `slotKey` 0 is empty; a slot's postings are `postings[slotStart..<slotEnd]`.
    private let slotKey: [UInt64]
    private let slotStart: [Int32]
    private let slotEnd: [Int32]
    private let postings: [Posting]
    /// `hasPrefixLength[n]`: some `deliver*`-style key is n bytes long.
    private let hasPrefixLength: [Bool]
    /// Lengths of the runs that can be a fuzzy first word's variant.
    private let fuzzyLengths: ClosedRange<Int>?
    /// By pattern: its direct matcher, or nil when PCRE2 decides it.
    let matchers: [WordListMatcher?]

    init(patterns: [CompiledPattern]) {
        var byKey: [UInt64: [Posting]] = [:]
        var prefixLengths: [Int] = []
        var fuzzyLengths: ClosedRange<Int>?
        for pattern in patterns {
            guard let matcher = pattern.wordList else { continue }
            for (index, alternative) in matcher.alternatives.enumerated() {
                let posting = Posting(pattern: Int32(pattern.index), alternative: Int32(index))
                let key = alternative.key
                var hashes: Set<UInt64> = []
                switch alternative.keyKind {
                case .exact:
                    hashes.insert(WordListIndex.hash(.exact, key, skipping: -1))
                case .prefix:
                    hashes.insert(WordListIndex.hash(.prefix, key, skipping: -1))
                    prefixLengths.append(key.count)
                case .fuzzy:
                    for skipped in -1..<key.count { hashes.insert(WordListIndex.hash(.fuzzy, key, skipping: skipped)) }
                    let lengths = (key.count - 1)...(key.count + 1)
                    fuzzyLengths = fuzzyLengths.map { min($0.lowerBound, lengths.lowerBound)...max($0.upperBound, lengths.upperBound) } ?? lengths
                }
                for hash in hashes { byKey[hash, default: []].append(posting) }
            }
        }
        var capacity = 16
        while capacity < byKey.count * 2 { capacity *= 2 }
        var slotKey = [UInt64](repeating: 0, count: capacity)
        var slotStart = [Int32](repeating: 0, count: capacity)
        var slotEnd = [Int32](repeating: 0, count: capacity)
        var postings: [Posting] = []
        // Sorted, so the table is the same from one run to the next.
        for (hash, list) in byKey.sorted(by: { $0.key < $1.key }) {
            var slot = Int(hash & UInt64(capacity - 1))
            while slotKey[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slotKey[slot] = hash
            slotStart[slot] = Int32(postings.count)
            postings += list
            slotEnd[slot] = Int32(postings.count)
        }
        self.slotKey = slotKey
        self.slotStart = slotStart
        self.slotEnd = slotEnd
        self.postings = postings
        var hasPrefixLength = [Bool](repeating: false, count: (prefixLengths.max() ?? 0) + 1)
        for length in prefixLengths { hasPrefixLength[length] = true }
        self.hasPrefixLength = hasPrefixLength
        self.fuzzyLengths = fuzzyLengths
        self.matchers = patterns.map(\.wordList)
    }

    var isEmpty: Bool { postings.isEmpty }

    /// Every place in `text` where an alternative of a direct word list may match, sorted by
    /// pattern, start and alternative, without duplicates.
    func candidates(in text: UnsafeBufferPointer<UInt8>, into found: inout [Candidate]) {
        found.removeAll(keepingCapacity: true)
        guard !postings.isEmpty else { return }
        var position = 0
        let count = text.count
        while position < count {
            guard WordListMatcher.isWordByte(text[position]) else {
                position += 1
                continue
            }
            let start = position
            var allLetters = true
            // The prefixes' hashes come for free while hashing the run.
            var prefix = WordListIndex.seed(.prefix)
            while position < count && WordListMatcher.isWordByte(text[position]) {
                let byte = WordListMatcher.lower(text[position])
                allLetters = allLetters && WordListMatcher.isLetter(byte)
                prefix = WordListIndex.step(prefix, byte)
                position += 1
                let length = position - start
                if length < hasPrefixLength.count && hasPrefixLength[length] { lookUp(prefix == 0 ? 1 : prefix, start: start, into: &found) }
            }
            let run = UnsafeBufferPointer(rebasing: text[start..<position])
            lookUp(WordListIndex.hash(.exact, run, skipping: -1), start: start, into: &found)
            if allLetters, let fuzzyLengths, fuzzyLengths.contains(run.count) {
                for skipped in -1..<run.count { lookUp(WordListIndex.hash(.fuzzy, run, skipping: skipped), start: start, into: &found) }
            }
        }
        guard found.count > 1 else { return }
        found.sort()
        var unique = 1
        for index in 1..<found.count where found[index] != found[unique - 1] {
            found[unique] = found[index]
            unique += 1
        }
        found.removeLast(found.count - unique)
    }

    private func lookUp(_ hash: UInt64, start: Int, into found: inout [Candidate]) {
        let mask = slotKey.count - 1
        var slot = Int(hash & UInt64(mask))
        while true {
            let key = slotKey[slot]
            if key == 0 { return }
            if key == hash { break }
            slot = (slot + 1) & mask
        }
        for posting in postings[Int(slotStart[slot])..<Int(slotEnd[slot])] {
            found.append(Candidate(pattern: posting.pattern, start: start, alternative: posting.alternative))
        }
    }

    /// The matches of `pattern` in `text`, from its candidates (all of them, sorted): the
    /// leftmost match, then the next one after it, as a PCRE2 scan finds them; at most `limit`.
    func matches(pattern: Int, candidates: [Candidate], in text: UnsafeBufferPointer<UInt8>, limit: Int) -> [RegexMatch] {
        guard let matcher = matchers[pattern] else { return [] }
        // The first candidate of the pattern.
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if candidates[middle].pattern < pattern { low = middle + 1 } else { high = middle }
        }
        var matches: [RegexMatch] = []
        var resume = 0
        var index = low
        while index < candidates.count && candidates[index].pattern == pattern && matches.count < limit {
            let start = candidates[index].start
            // A match found here is the first alternative that matches: skip the others at this start.
            if start >= resume, let end = matcher.match(candidates[index].alternative, at: start, in: text) {
                matches.append(RegexMatch(range: start..<end))
                resume = end
            }
            index += 1
        }
        return matches
    }

    // MARK: Hashing (FNV-1a over lower-cased bytes, seeded by the key's kind)

    private static func seed(_ kind: WordListMatcher.KeyKind) -> UInt64 {
        0xcbf2_9ce4_8422_2325 ^ (UInt64(kind.rawValue) &* 0x9E37_79B9_7F4A_7C15)
    }

    private static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// The hash of `bytes` lower-cased, without the byte at `skipping` (-1: none); never 0.
    private static func hash(_ kind: WordListMatcher.KeyKind, _ bytes: some Collection<UInt8>, skipping: Int) -> UInt64 {
        var hash = seed(kind)
        for (offset, byte) in bytes.enumerated() where offset != skipping { hash = step(hash, WordListMatcher.lower(byte)) }
        return hash == 0 ? 1 : hash
    }
}
