/// Rewrites a message the way customers' words are meant before any pattern sees it:
/// HTML entities decoded, @handles, `[USER]`/`[URL]` masks and links blanked out, `#refund`
/// read as `refund`, emoji turned into spaces, letter runs collapsed ("sooo" → "so") and the
/// pack's spelling variants replaced ("rcvd" → "received"). Patterns, the prefilter and
/// negation all read the normalised text; the offset map leads evidence back to the
/// original. A text with nothing to change is returned as it is, without a copy.
public struct TextNormalizer: Sendable {
    /// The pack's spelling corrections, by lower-case variant (straight apostrophes).
    private let spelling: [String: String]
    /// The variants' bytes (lower case, straight apostrophes) and their replacements, by
    /// hash: a word is looked up without building a string.
    private let variantsByHash: [UInt64: [(variant: [UInt8], canonical: [UInt8])]]
    private let longestVariant: Int
    /// Words the pack itself uses, preferred when a letter run could collapse two ways.
    private let packVocabulary: Set<String>
    public let isEnabled: Bool

    public init(spelling: [String: String] = [:], packVocabulary: Set<String> = [], isEnabled: Bool = true) {
        var normalizedSpelling: [String: String] = [:]
        for (variant, canonical) in spelling {
            normalizedSpelling[TextNormalizer.key(variant)] = canonical
        }
        self.spelling = normalizedSpelling
        var byHash: [UInt64: [(variant: [UInt8], canonical: [UInt8])]] = [:]
        for (variant, canonical) in normalizedSpelling {
            let bytes = Array(variant.utf8)
            byHash[TextNormalizer.hash(bytes), default: []].append((bytes, Array(canonical.utf8)))
        }
        self.variantsByHash = byHash
        self.longestVariant = normalizedSpelling.keys.map(\.utf8.count).max() ?? 0
        self.packVocabulary = packVocabulary
        self.isEnabled = isEnabled
    }

    /// The spelling a variant stands for, if the pack declares one.
    public func correction(for word: String) -> String? {
        spelling[TextNormalizer.key(word)]
    }

    /// Every turn normalised; the message keeps its speakers and input offsets.
    public func normalize(_ message: Message) -> (message: Message, maps: [OffsetMap?]) {
        guard isEnabled else { return (message, Array(repeating: nil, count: message.turns.count)) }
        var changed = false
        var turns: [Turn] = []
        var maps: [OffsetMap?] = []
        turns.reserveCapacity(message.turns.count)
        for turn in message.turns {
            let normalized = normalize(turn.text)
            if let map = normalized.map {
                changed = true
                turns.append(Turn(speaker: turn.speaker, text: normalized.text, inputOffset: turn.inputOffset))
                maps.append(map)
            } else {
                turns.append(turn)
                maps.append(nil)
            }
        }
        guard changed else { return (message, maps) }
        return (Message(input: message.input, turns: turns, isTranscript: message.isTranscript), maps)
    }

    /// The normalised text and its map back to `text` (nil map: unchanged).
    public func normalize(_ text: String) -> NormalizedText {
        guard isEnabled else { return NormalizedText(text: text, map: nil) }
        var contiguous = text
        return contiguous.withUTF8 { normalize(bytes: $0, original: text) }
    }

    private func normalize(bytes: UnsafeBufferPointer<UInt8>, original: String) -> NormalizedText {
        var output: [UInt8] = []
        var map = OffsetMap()
        var edited = false
        // Bytes from `copied` up to the current position are still to be copied.
        var copied = 0
        var index = 0
        let count = bytes.count

        func edit(upTo end: Int, replacement: some Collection<UInt8>) {
            if !edited {
                edited = true
                output.reserveCapacity(count + 16)
            }
            output.append(contentsOf: bytes[copied..<index])
            map.copy(index - copied)
            output.append(contentsOf: replacement)
            map.replace(original: end - index, with: replacement.count)
            copied = end
            index = end
        }
        func isWordByte(_ offset: Int) -> Bool {
            guard offset >= 0, offset < count else { return false }
            let byte = bytes[offset]
            return byte >= 0x80 || byte == UInt8(ascii: "_") || Unicode.Scalar(byte).isASCIILetterOrDigit
        }
        let space: [UInt8] = [0x20]

        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"):
                if let (end, decoded) = TextNormalizer.htmlEntity(in: bytes, at: index) {
                    edit(upTo: end, replacement: decoded)
                    continue
                }
            case UInt8(ascii: "@"):
                if !isWordByte(index - 1), index + 1 < count, TextNormalizer.isHandleByte(bytes[index + 1]) {
                    var end = index + 1
                    while end < count, TextNormalizer.isHandleByte(bytes[end]) { end += 1 }
                    edit(upTo: end, replacement: space)
                    continue
                }
            case UInt8(ascii: "["):
                if let end = TextNormalizer.mask(in: bytes, at: index) {
                    edit(upTo: end, replacement: space)
                    continue
                }
            case UInt8(ascii: "#"):
                if !isWordByte(index - 1), index + 1 < count, Unicode.Scalar(bytes[index + 1]).isASCIILetter {
                    edit(upTo: index + 1, replacement: EmptyCollection())
                    continue
                }
            case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "w"), UInt8(ascii: "W"):
                if !isWordByte(index - 1), let end = TextNormalizer.link(in: bytes, at: index) {
                    edit(upTo: end, replacement: space)
                    continue
                }
            default:
                break
            }
            if byte >= 0x80 {
                // A run of emoji and symbols becomes one space; other non-ASCII text is kept.
                var end = index
                while end < count, bytes[end] >= 0x80, let (scalar, length) = TextNormalizer.scalar(in: bytes, at: end),
                      TextNormalizer.isEmojiOrSymbol(scalar) {
                    end += length
                }
                if end > index {
                    edit(upTo: end, replacement: space)
                } else {
                    index += 1
                    while index < count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                }
                continue
            }
            if Unicode.Scalar(byte).isASCIILetterOrDigit, !isWordByte(index - 1) {
                let end = TextNormalizer.wordEnd(in: bytes, from: index)
                // Words that run on into non-ASCII letters ("café") are left alone.
                if end < count, bytes[end] >= 0x80, TextNormalizer.scalar(in: bytes, at: end).map({ $0.0.properties.isAlphabetic }) ?? false {
                    index = end
                    continue
                }
                if let replacement = rewrite(bytes[index..<end]) {
                    edit(upTo: end, replacement: replacement)
                } else {
                    index = end
                }
                continue
            }
            index += 1
        }
        guard edited else { return NormalizedText(text: original, map: nil) }
        output.append(contentsOf: bytes[copied..<count])
        map.copy(count - copied)
        return NormalizedText(text: String(decoding: output, as: UTF8.self), map: map)
    }

    /// The bytes a word is rewritten to: its spelling correction, or its letter runs
    /// collapsed (then corrected); nil to keep it.
    private func rewrite<Word: RandomAccessCollection<UInt8>>(_ word: Word) -> [UInt8]? where Word.Index == Int {
        if word.count <= longestVariant, let corrected = corrected(word) { return corrected }
        guard TextNormalizer.hasLetterRun(word) else { return nil }
        let collapsed = collapseRuns(word)
        if collapsed.count <= longestVariant, let corrected = corrected(collapsed) { return corrected }
        return collapsed
    }

    private func corrected<Word: RandomAccessCollection<UInt8>>(_ word: Word) -> [UInt8]? where Word.Index == Int {
        guard let candidates = variantsByHash[TextNormalizer.hash(word)] else { return nil }
        let folded = TextNormalizer.folded(word)
        return candidates.first { $0.variant == folded }?.canonical
    }

    /// Each run of three or more of one letter becomes two or one, choosing the first
    /// combination (two before one, left to right) that is a word the pack uses or a common
    /// English word: "goood" → "good", "sooo" → "so", "pleeease" → "please". Without one, every
    /// run becomes two letters.
    private func collapseRuns<Word: RandomAccessCollection<UInt8>>(_ word: Word) -> [UInt8] where Word.Index == Int {
        var runs: [(start: Int, length: Int)] = []
        var position = word.startIndex
        while position < word.endIndex {
            var end = position + 1
            let letter = word[position] | 0x20
            while end < word.endIndex, word[end] | 0x20 == letter, Unicode.Scalar(word[end]).isASCIILetter { end += 1 }
            if end - position >= 3, Unicode.Scalar(word[position]).isASCIILetter { runs.append((position, end - position)) }
            position = end
        }
        func build(_ choice: Int) -> [UInt8] {
            var result: [UInt8] = []
            result.reserveCapacity(word.count)
            var position = word.startIndex
            for (number, run) in runs.enumerated() {
                result.append(contentsOf: word[position..<run.start])
                let keep = choice & (1 << number) == 0 ? 2 : 1
                result.append(contentsOf: word[run.start..<(run.start + keep)])
                position = run.start + run.length
            }
            result.append(contentsOf: word[position..<word.endIndex])
            return result
        }
        // Four runs give 16 combinations; more than that is noise, not a word.
        guard runs.count <= 4 else { return build(0) }
        for choice in 0..<(1 << runs.count) {
            let candidate = build(choice)
            let lower = String(decoding: candidate.map { Unicode.Scalar($0).isASCIILetter ? $0 | 0x20 : $0 }, as: UTF8.self)
            if packVocabulary.contains(lower) || spelling[lower] != nil || CommonEnglishWords.sorted.contains(lower) { return candidate }
        }
        return build(0)
    }

    // MARK: Pieces of text

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`, `&#39;`, `&#x27;`: where it ends and what it stands for.
    static func htmlEntity(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Int, [UInt8])? {
        var end = start + 1
        while end < bytes.count, end - start <= 10, bytes[end] != UInt8(ascii: ";") {
            guard Unicode.Scalar(bytes[end]).isASCIILetterOrDigit || bytes[end] == UInt8(ascii: "#") else { return nil }
            end += 1
        }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > start + 1 else { return nil }
        let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        let scalar: Unicode.Scalar?
        switch name.lowercased() {
        case "amp": scalar = "&"
        case "lt": scalar = "<"
        case "gt": scalar = ">"
        case "quot": scalar = "\""
        case "apos": scalar = "'"
        case "nbsp": scalar = " "
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                scalar = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
            } else {
                scalar = nil
            }
        }
        // A decoded control character would be a new way to smuggle one in: leave those as written.
        guard let scalar, scalar.value >= 0x20, scalar.value != 0x7F else { return nil }
        return (end + 1, Array(String(Character(scalar)).utf8))
    }

    /// `[USER]` or `[URL]` (any case): where the mask ends.
    static func mask(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        for mask in ["[user]", "[url]"] {
            let end = start + mask.utf8.count
            guard end <= bytes.count else { continue }
            if zip(bytes[start..<end], mask.utf8).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) { return end }
        }
        return nil
    }

    /// `http://…`, `https://…` or `www.…` up to the next space, without the punctuation
    /// that closes the sentence after it.
    static func link(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        func hasPrefix(_ prefix: String) -> Bool {
            let end = start + prefix.utf8.count
            return end <= bytes.count && zip(bytes[start..<end], prefix.utf8).allSatisfy { $0 | 0x20 == $1 }
        }
        guard hasPrefix("http://") || hasPrefix("https://") || hasPrefix("www.") else { return nil }
        var end = start
        while end < bytes.count, bytes[end] > 0x20, bytes[end] != 0x7F { end += 1 }
        while end > start, [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ")"),
                            UInt8(ascii: ";"), UInt8(ascii: ":")].contains(bytes[end - 1]) { end -= 1 }
        return end
    }

    static func isHandleByte(_ byte: UInt8) -> Bool {
        Unicode.Scalar(byte).isASCIILetterOrDigit || byte == UInt8(ascii: "_")
    }

    /// The end of the ASCII word starting at `start`: letters and digits, with apostrophes
    /// (straight or curly) between letters.
    static func wordEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < bytes.count {
            if Unicode.Scalar(bytes[end]).isASCIILetterOrDigit {
                end += 1
            } else if bytes[end] == UInt8(ascii: "'"), end + 1 < bytes.count, Unicode.Scalar(bytes[end + 1]).isASCIILetter {
                end += 1
            } else if bytes[end] == 0xE2, end + 3 < bytes.count, bytes[end + 1] == 0x80, bytes[end + 2] == 0x99,
                      Unicode.Scalar(bytes[end + 3]).isASCIILetter {
                end += 3
            } else {
                break
            }
        }
        return end
    }

    /// Three or more of one ASCII letter in a row, in a word that is not only that letter
    /// ("AAA" batteries, "zzz") and is not a size or rating made of x ("XXXL").
    static func hasLetterRun<Word: Collection<UInt8>>(_ word: Word) -> Bool {
        var runLength = 1
        var found = false
        var previous: UInt8 = 0
        for byte in word {
            let lower = byte | 0x20
            if lower == previous && Unicode.Scalar(byte).isASCIILetter {
                runLength += 1
                if runLength >= 3 {
                    if lower == UInt8(ascii: "x") { return false }
                    found = true
                }
            } else {
                runLength = 1
            }
            previous = Unicode.Scalar(byte).isASCIILetter ? lower : 0
        }
        guard found, let first = word.first else { return false }
        return !word.allSatisfy { $0 | 0x20 == first | 0x20 }
    }

    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[start]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, start + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for offset in 1..<length {
            let byte = bytes[start + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    /// Pictographs, dingbats and other symbols, and the joiners and selectors that build
    /// emoji sequences; not letters, marks, punctuation or currency signs.
    static func isEmojiOrSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0E, 0xFE0F, 0x20E3, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return true
        default: break
        }
        let properties = scalar.properties
        if properties.isEmojiPresentation || properties.isEmojiModifier { return true }
        switch properties.generalCategory {
        case .otherSymbol, .modifierSymbol: return !properties.isAlphabetic
        default: return false
        }
    }

    // MARK: Keys

    /// Lower case, curly apostrophes made straight.
    public static func key(_ word: String) -> String {
        word.lowercased().replacingOccurrences(of: "’", with: "'")
    }

    /// The bytes of `key(word)`: ASCII lower case, curly apostrophes made straight.
    static func folded<Word: RandomAccessCollection<UInt8>>(_ word: Word) -> [UInt8] where Word.Index == Int {
        var result: [UInt8] = []
        result.reserveCapacity(word.count)
        var index = word.startIndex
        while index < word.endIndex {
            let byte = word[index]
            if byte == 0xE2, index + 2 < word.endIndex, word[index + 1] == 0x80, word[index + 2] == 0x99 {
                result.append(UInt8(ascii: "'"))
                index += 3
                continue
            }
            result.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
            index += 1
        }
        return result
    }

    /// FNV-1a over the lower-cased bytes, curly apostrophes read as straight ones: the same
    /// value as `hash(key(word))`.
    static func hash<Word: RandomAccessCollection<UInt8>>(_ word: Word) -> UInt64 where Word.Index == Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var index = word.startIndex
        while index < word.endIndex {
            var byte = word[index]
            if byte == 0xE2, index + 2 < word.endIndex, word[index + 1] == 0x80, word[index + 2] == 0x99 {
                byte = UInt8(ascii: "'")
                index += 2
            } else if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                byte |= 0x20
            }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            index += 1
        }
        return hash
    }
}
