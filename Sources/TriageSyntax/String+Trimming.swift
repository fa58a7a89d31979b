extension String {
    /// The string without the given ASCII characters at either end, trimmed byte by byte:
    /// rule packs call this for every word-list entry, so it avoids grapheme breaking.
    public func trimmingASCII(_ set: String) -> String {
        let unwanted = Array(set.utf8)
        let utf8 = self.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, unwanted.contains(utf8[start]) { start = utf8.index(after: start) }
        while end > start, unwanted.contains(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        if start == utf8.startIndex && end == utf8.endIndex { return self }
        return String(Substring(utf8[start..<end]))
    }
}
