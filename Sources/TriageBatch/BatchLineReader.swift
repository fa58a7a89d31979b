import Foundation

/// Splits a byte source into lines, holding at most one line (up to `limit` bytes) and one
/// block in memory. A line longer than the limit is skipped and reported, never buffered, so a
/// 50 MB line costs no more memory than a 32 MiB one. A last line without a line break counts.
struct BatchLineReader {
    static let blockSize = 1 << 20

    private let source: BatchByteSource
    private let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where to resume looking for "\n": bytes before it are known not to hold one.
    private var searchFrom = 0
    private var atEnd = false
    private var lineNumber = 0
    /// Every byte read from the source so far.
    private(set) var bytesRead = 0

    init(source: BatchByteSource, limit: Int) {
        self.source = source
        self.limit = limit
    }

    /// Whether `next()` would return without waiting for the source.
    var isReady: Bool {
        atEnd || findNewline() != nil || source.isReady
    }

    /// The next line; a UTF-8 byte order mark at the start of the input (as Windows tools
    /// write CSV and JSONL) is not part of the first line.
    mutating func next() throws(BatchReadError) -> BatchLine? {
        guard let line = try nextLine() else { return nil }
        guard line.number == 1, line.bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return line }
        return BatchLine(number: 1, bytes: Array(line.bytes.dropFirst(3)), overlongBytes: line.overlongBytes)
    }

    private mutating func nextLine() throws(BatchReadError) -> BatchLine? {
        // Each pass either returns, or reads a block, or sets `atEnd`: the loop always ends.
        while true {
            if let newline = findNewline() {
                let length = newline - start
                // The "\n" can arrive in the block that takes the line past the limit.
                let line = length > limit
                    ? BatchLine(number: nextNumber(), bytes: [], overlongBytes: length)
                    : BatchLine(number: nextNumber(), bytes: Array(buffer[start..<newline]), overlongBytes: nil)
                start = newline + 1
                searchFrom = start
                return line
            }
            let pending = buffer.count - start
            if pending > limit { return try skipOverlongLine() }
            if atEnd {
                guard pending > 0 else { return nil }
                let line = BatchLine(number: nextNumber(), bytes: Array(buffer[start...]), overlongBytes: nil)
                start = buffer.count
                searchFrom = start
                return line
            }
            try fill()
        }
    }

    private mutating func nextNumber() -> Int {
        lineNumber += 1
        return lineNumber
    }

    private func findNewline() -> Int? {
        guard searchFrom < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { pointer -> Int? in
            guard let base = pointer.baseAddress,
                  let found = memchr(base + searchFrom, 0x0A, pointer.count - searchFrom) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Drops consumed bytes and appends the next block, or notes the end of the input.
    private mutating func fill() throws(BatchReadError) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        searchFrom = buffer.count
        guard let block = try source.read(maximum: Self.blockSize) else {
            atEnd = true
            return
        }
        bytesRead += block.count
        buffer.append(contentsOf: block)
    }

    /// The current line has no "\n" within `limit` bytes: count it to its end without keeping it.
    private mutating func skipOverlongLine() throws(BatchReadError) -> BatchLine {
        var length = buffer.count - start
        buffer.removeAll(keepingCapacity: false)
        start = 0
        searchFrom = 0
        while true {
            guard let block = try source.read(maximum: Self.blockSize) else {
                atEnd = true
                break
            }
            bytesRead += block.count
            if let newline = block.firstIndex(of: 0x0A) {
                length += newline
                buffer = Array(block[(newline + 1)...])
                break
            }
            length += block.count
        }
        return BatchLine(number: nextNumber(), bytes: [], overlongBytes: length)
    }
}
