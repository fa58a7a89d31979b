/// The text of one rule file and the map from UTF-8 offsets to lines and columns.
/// Immutable, so diagnostics and AST nodes can hold it across threads.
public final class SourceFile: Sendable {
    /// The path as the user gave it (or a virtual path such as `<shipped>/rules/x.rules`).
    public let path: String
    public let text: String
    /// UTF-8 offset at which each line starts.
    private let lineStarts: [Int]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var starts = [0]
        for (offset, byte) in text.utf8.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// 1-based line and column; the column counts characters, not bytes.
    public func location(of utf8Offset: Int) -> SourceLocation {
        let offset = max(0, min(utf8Offset, text.utf8.count))
        let line = lineIndex(containing: offset)
        let lineStart = lineStarts[line]
        let column = characterCount(from: lineStart, to: offset) + 1
        return SourceLocation(line: line + 1, column: column, utf8Offset: offset)
    }

    /// The text of a 1-based line, without its line break.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : text.utf8.count
        let utf8 = text.utf8
        if end > start, utf8[utf8.index(utf8.startIndex, offsetBy: end - 1)] == UInt8(ascii: "\r") { end -= 1 }
        return slice(start, end)
    }

    /// The source text between two UTF-8 offsets.
    public func slice(_ start: Int, _ end: Int) -> String {
        let utf8 = text.utf8
        let count = utf8.count
        let lower = utf8.index(utf8.startIndex, offsetBy: max(0, min(start, count)))
        let upper = utf8.index(utf8.startIndex, offsetBy: max(0, min(max(start, end), count)))
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }

    public func text(of span: SourceSpan) -> String { slice(span.start, span.end) }

    /// The directory part of `path`, for resolving imports.
    public var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private func characterCount(from start: Int, to end: Int) -> Int {
        slice(start, end).count
    }
}
