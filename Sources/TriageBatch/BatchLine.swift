/// One physical line of a batch input, without its line break.
struct BatchLine: Sendable {
    /// 1-based.
    let number: Int
    /// The line's bytes; empty when the line was too long to keep.
    let bytes: [UInt8]
    /// Set when the line was longer than the limit: its length in bytes. Its bytes were skipped.
    let overlongBytes: Int?

    /// Spaces, tabs and carriage returns only: not a record in any format.
    var isBlank: Bool {
        overlongBytes == nil && bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
