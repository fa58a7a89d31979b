/// Maps UTF-8 offsets in a normalised text back to the text it came from, so evidence and
/// entities point at what the customer wrote. Stored as pieces (copied runs and
/// replacements), so its size grows with the number of edits, not with the text.
public struct OffsetMap: Sendable, Hashable {
    /// Start of each piece in the normalised text, ascending; a piece runs to the next start.
    private var normalizedStarts: [Int] = [0]
    /// Start of each piece in the original text.
    private var originalStarts: [Int] = [0]
    /// Whether each piece is a byte-for-byte copy (else a replacement, mapped as a whole).
    private var isCopy: [Bool] = [true]
    private(set) var normalizedLength = 0
    private(set) var originalLength = 0

    init() {}

    /// Extends the map with `count` bytes copied unchanged.
    mutating func copy(_ count: Int) {
        guard count > 0 else { return }
        if !isCopy[isCopy.count - 1] { startPiece(copy: true) }
        normalizedLength += count
        originalLength += count
    }

    /// Extends the map with `originalCount` bytes replaced by `normalizedCount` bytes.
    mutating func replace(original originalCount: Int, with normalizedCount: Int) {
        startPiece(copy: false)
        normalizedLength += normalizedCount
        originalLength += originalCount
        // What follows starts a new piece, so the replacement keeps its bounds.
        startPiece(copy: true)
    }

    private mutating func startPiece(copy: Bool) {
        if normalizedStarts.last! == normalizedLength && originalStarts.last! == originalLength {
            // The current piece is empty: reuse it.
            isCopy[isCopy.count - 1] = copy
            return
        }
        normalizedStarts.append(normalizedLength)
        originalStarts.append(originalLength)
        isCopy.append(copy)
    }

    /// The original range a normalised range came from: a range that touches a replacement
    /// covers all of what was replaced.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        let lower = originalOffset(range.lowerBound, roundingUp: false)
        guard range.upperBound > range.lowerBound else { return lower..<lower }
        let upper = originalOffset(range.upperBound, roundingUp: true)
        return lower..<max(lower, upper)
    }

    private func originalOffset(_ offset: Int, roundingUp: Bool) -> Int {
        // The piece holding the byte before the offset (rounding up) or at it (rounding down).
        let probe = roundingUp ? offset - 1 : offset
        var low = 0, high = normalizedStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if normalizedStarts[middle] <= probe { low = middle } else { high = middle - 1 }
        }
        let piece = low
        let pieceEnd = piece + 1 < normalizedStarts.count ? originalStarts[piece + 1] : originalLength
        if isCopy[piece] {
            return min(originalStarts[piece] + (offset - normalizedStarts[piece]), pieceEnd)
        }
        return roundingUp ? pieceEnd : originalStarts[piece]
    }
}
