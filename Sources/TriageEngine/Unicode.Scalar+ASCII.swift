extension Unicode.Scalar {
    /// `[A-Za-z0-9]`: the ASCII characters that are word characters for `\w` and `\b`,
    /// apart from `_`. The prefilter decides word boundaries with it on ASCII text.
    var isASCIILetterOrDigit: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}

extension Unicode.Scalar {
    /// `[A-Za-z]`.
    var isASCIILetter: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self)
    }
}
