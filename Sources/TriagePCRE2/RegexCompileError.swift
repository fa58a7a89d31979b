/// Why PCRE2 refused a pattern, with the UTF-8 byte offset inside the pattern where it stopped.
public struct RegexCompileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Int32
    public let message: String
    /// Byte offset into the pattern's UTF-8, as PCRE2 reports it.
    public let utf8Offset: Int

    public var description: String { "\(message) at offset \(utf8Offset)" }
}
