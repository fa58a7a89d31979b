/// Converts between UTF-8 offsets (what the parser and diagnostics use) and LSP positions:
/// a 0-based line and a 0-based character counted in UTF-16 code units, as LSP 3.17
/// requires by default. Lines end at '\n' ('\r\n' works: the '\r' is the line's last
/// character). Positions past the end of a line or of the text are clamped, as the
/// protocol asks.
public struct LineTable: Sendable {
    public struct Position: Sendable, Hashable, Comparable {
        public let line: Int
        public let character: Int

        public init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }

        public static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.line, lhs.character) < (rhs.line, rhs.character)
        }
    }

    private let bytes: [UInt8]
    /// UTF-8 offset at which each line starts.
    private let lineStarts: [Int]

    public init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }
    public var utf8Count: Int { bytes.count }

    /// The UTF-8 offset of an LSP position. A character inside a surrogate pair or past the
    /// line's end gives the next scalar boundary or the line's end.
    public func offset(of position: Position) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        let start = lineStarts[position.line]
        let end = lineEnd(position.line)
        var offset = start
        var units = 0
        while offset < end && units < position.character {
            let width = LineTable.scalarWidth(bytes[offset])
            units += width.utf16
            offset = min(end, offset + width.utf8)
        }
        return offset
    }

    /// The LSP position of a UTF-8 offset (clamped to the text). An offset inside a
    /// multi-byte scalar counts as the scalar's start.
    public func position(of utf8Offset: Int) -> Position {
        let target = max(0, min(utf8Offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= target { low = middle } else { high = middle - 1 }
        }
        var offset = lineStarts[low]
        var units = 0
        while offset < target {
            let width = LineTable.scalarWidth(bytes[offset])
            if offset + width.utf8 > target { break }
            units += width.utf16
            offset += width.utf8
        }
        return Position(line: low, character: units)
    }

    /// The end of a line's text: the offset of its '\n', or of the end of the text.
    private func lineEnd(_ line: Int) -> Int {
        line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
    }

    /// Bytes and UTF-16 units of the scalar a lead byte starts. A stray continuation byte
    /// (not possible in a Swift String, but cheap to tolerate) counts as one of each.
    static func scalarWidth(_ lead: UInt8) -> (utf8: Int, utf16: Int) {
        switch lead {
        case 0..<0x80: return (1, 1)
        case 0xC0..<0xE0: return (2, 1)
        case 0xE0..<0xF0: return (3, 1)
        case 0xF0...: return (4, 2)
        default: return (1, 1)
        }
    }
}
