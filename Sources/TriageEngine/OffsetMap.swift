/// Maps UTF-8 offsets in a normalised text back to the text it came from, so evidence and
/// entities point at what the customer wrote. Stored as pieces (copied runs and
/// replacements) of 12 bytes each, so its size grows with the number of edits, not with
/// the text; offsets fit in 32 bits because messages are at most 32 MiB (docs/limits.md).
public struct OffsetMap: Sendable, Hashable {
    struct Piece: Sendable, Hashable {
        /// Start in the normalised text; a piece runs to the next one's start.
        var normalized: Int32
        /// Start in the original text.
        var original: Int32
        /// A byte-for-byte copy (else a replacement, mapped as a whole).
        var isCopy: Bool
    }

    private var pieces: [Piece] = [Piece(normalized: 0, original: 0, isCopy: true)]
    private(set) var normalizedLength = 0
    private(set) var originalLength = 0

    init() {}

    /// Extends the map with `count` bytes copied unchanged.
    mutating func copy(_ count: Int) {
        guard count > 0 else { return }
        if !pieces[pieces.count - 1].isCopy { startPiece(copy: true) }
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
        let last = pieces[pieces.count - 1]
        if Int(last.normalized) == normalizedLength && Int(last.original) == originalLength {
            // The current piece is empty: reuse it.
            pieces[pieces.count - 1].isCopy = copy
            return
        }
        pieces.append(Piece(normalized: Int32(truncatingIfNeeded: normalizedLength), original: Int32(truncatingIfNeeded: originalLength), isCopy: copy))
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
        var low = 0, high = pieces.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(pieces[middle].normalized) <= probe { low = middle } else { high = middle - 1 }
        }
        let piece = pieces[low]
        let pieceEnd = low + 1 < pieces.count ? Int(pieces[low + 1].original) : originalLength
        if piece.isCopy {
            return min(Int(piece.original) + (offset - Int(piece.normalized)), pieceEnd)
        }
        return roundingUp ? pieceEnd : Int(piece.original)
    }
}
