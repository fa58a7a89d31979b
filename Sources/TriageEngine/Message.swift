/// A customer message: either plain text (one customer turn) or a transcript of turns.
public struct Message: Sendable {
    public let input: String
    public let turns: [Turn]
    public let isTranscript: Bool

    /// Plain text is one customer turn. Text whose first non-blank line starts with
    /// `customer:` or `agent:` (any case) is a transcript; lines without a label continue
    /// the turn before them.
    public init(_ input: String) {
        self.input = input
        if Message.mayBeTranscript(input), let turns = Message.transcriptTurns(input) {
            self.turns = turns
            self.isTranscript = true
        } else {
            let (text, offset) = Message.trimmed(input, from: 0, to: input.utf8.count)
            self.turns = [Turn(speaker: .customer, text: text, inputOffset: offset)]
            self.isTranscript = false
        }
    }

    /// A message with turns already split (a normalised copy of another).
    init(input: String, turns: [Turn], isTranscript: Bool) {
        self.input = input
        self.turns = turns
        self.isTranscript = isTranscript
    }

    /// Whether the first non-blank line starts with a speaker label, checked without
    /// splitting the text into lines (most messages are plain text).
    private static func mayBeTranscript(_ input: String) -> Bool {
        var utf8 = input.utf8[...]
        while let first = utf8.first, first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D {
            utf8 = utf8.dropFirst()
        }
        return label(of: Substring(utf8).utf8) != nil
    }

    /// True when there is nothing but whitespace to classify.
    public var isBlank: Bool { turns.allSatisfy { $0.text.isEmpty } }

    private static func label(of line: Substring.UTF8View) -> (Speaker, Int)? {
        var index = line.startIndex
        while index != line.endIndex, line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t") {
            index = line.index(after: index)
        }
        for speaker in Speaker.allCases {
            var cursor = index
            var matched = true
            for expected in speaker.rawValue.utf8 {
                guard cursor != line.endIndex, line[cursor] | 0x20 == expected else { matched = false; break }
                cursor = line.index(after: cursor)
            }
            guard matched else { continue }
            while cursor != line.endIndex, line[cursor] == UInt8(ascii: " ") { cursor = line.index(after: cursor) }
            if cursor != line.endIndex, line[cursor] == UInt8(ascii: ":") {
                return (speaker, line.distance(from: line.startIndex, to: cursor) + 1)
            }
        }
        return nil
    }

    private static func transcriptTurns(_ input: String) -> [Turn]? {
        let bytes = Array(input.utf8)
        // Line starts as UTF-8 offsets.
        var lines: [(start: Int, end: Int)] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append((start, offset))
            start = offset + 1
        }
        lines.append((start, bytes.count))

        var labelled: [(lineIndex: Int, speaker: Speaker, textStart: Int)] = []
        var firstContentLine: Int?
        for (lineIndex, line) in lines.enumerated() {
            let utf8 = input.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: line.start)
            let upper = utf8.index(utf8.startIndex, offsetBy: line.end)
            let slice = Substring(input[lower..<upper]).utf8
            if firstContentLine == nil, slice.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }) {
                firstContentLine = lineIndex
            }
            if let (speaker, labelLength) = label(of: slice) {
                labelled.append((lineIndex, speaker, line.start + labelLength))
            }
        }
        guard let first = labelled.first, first.lineIndex == firstContentLine else { return nil }
        var turns: [Turn] = []
        for (position, entry) in labelled.enumerated() {
            let end = position + 1 < labelled.count ? lines[labelled[position + 1].lineIndex].start : bytes.count
            let (text, offset) = trimmed(input, from: entry.textStart, to: end)
            turns.append(Turn(speaker: entry.speaker, text: text, inputOffset: offset))
        }
        return turns
    }

    /// The text between two UTF-8 offsets with surrounding whitespace removed, and where it starts.
    private static func trimmed(_ input: String, from start: Int, to end: Int) -> (String, Int) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C }
        let utf8 = input.utf8
        var lower = start
        var upper = end
        let bytes = utf8.withContiguousStorageIfAvailable { bytes -> (Int, Int) in
            var lower = start, upper = end
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            return (lower, upper)
        }
        if let bytes {
            (lower, upper) = bytes
        } else {
            let array = Array(utf8)
            while lower < upper, isSpace(array[lower]) { lower += 1 }
            while upper > lower, isSpace(array[upper - 1]) { upper -= 1 }
        }
        // The whole input needs no copy.
        if lower == 0 && upper == utf8.count { return (input, 0) }
        let from = utf8.index(utf8.startIndex, offsetBy: lower)
        let to = utf8.index(utf8.startIndex, offsetBy: upper)
        // Through the UTF-8 view: exact even where a trimmed space carried a combining mark.
        return (String(Substring(utf8[from..<to])), lower)
    }
}
