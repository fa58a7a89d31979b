/// Converts UTF-8 offsets of a (possibly huge) message into code-point offsets and 1-based
/// line and column numbers, in time proportional to a small block, not to the whole text.
public struct TextPositions: Sendable {
    public struct Position: Sendable, Hashable {
        /// Offset in Unicode code points from the start of the text.
        public let offset: Int
        public let line: Int
        /// 1-based, in code points.
        public let column: Int
    }

    private static let blockSize = 4096
    private let bytes: [UInt8]
    /// For each block start: code points before it, line breaks before it, and the code-point
    /// offset where the line containing the block start begins.
    private var blockScalars: [Int] = []
    private var blockLines: [Int] = []
    private var blockLineStarts: [Int] = []

    public init(_ text: String) {
        bytes = Array(text.utf8)
        var scalars = 0, lines = 0, lineStart = 0
        for (index, byte) in bytes.enumerated() {
            if index % TextPositions.blockSize == 0 {
                blockScalars.append(scalars)
                blockLines.append(lines)
                blockLineStarts.append(lineStart)
            }
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte == UInt8(ascii: "\n") {
                lines += 1
                lineStart = scalars
            }
        }
        if blockScalars.isEmpty {
            blockScalars = [0]; blockLines = [0]; blockLineStarts = [0]
        }
    }

    public func position(ofUTF8 offset: Int) -> Position {
        let clamped = max(0, min(offset, bytes.count))
        let block = min(clamped / TextPositions.blockSize, blockScalars.count - 1)
        var scalars = blockScalars[block], lines = blockLines[block], lineStart = blockLineStarts[block]
        var index = block * TextPositions.blockSize
        while index < clamped {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte == UInt8(ascii: "\n") {
                lines += 1
                lineStart = scalars
            }
            index += 1
        }
        return Position(offset: scalars, line: lines + 1, column: scalars - lineStart + 1)
    }
}
