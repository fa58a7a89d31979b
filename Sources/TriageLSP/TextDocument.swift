/// One open document: its text as the editor has it, saved or not.
public struct TextDocument: Sendable {
    public let uri: String
    /// The path on disk (canonical), or nil for `untitled:` documents.
    public let path: String?
    public private(set) var version: Int
    public private(set) var text: String
    public private(set) var lines: LineTable

    public init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.path = DocumentURI.path(of: uri).map(DocumentURI.canonical)
        self.version = version
        self.text = text
        self.lines = LineTable(text)
    }

    /// Applies one `contentChanges` entry: a range and its new text, or (no range) the whole text.
    public mutating func apply(range: (start: LineTable.Position, end: LineTable.Position)?, text newText: String, version newVersion: Int) {
        if let range {
            var bytes = Array(text.utf8)
            let start = lines.offset(of: range.start)
            let end = max(start, lines.offset(of: range.end))
            bytes.replaceSubrange(start..<end, with: Array(newText.utf8))
            text = String(decoding: bytes, as: UTF8.self)
        } else {
            text = newText
        }
        lines = LineTable(text)
        version = newVersion
    }
}
