extension String {
    /// Right-padded to `width` characters for columns, with at least one space after.
    public func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    public func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    /// Left-padded by visible width, ignoring colour codes.
    public func leftPaddedVisible(_ width: Int) -> String {
        let visible = TerminalStyle.visibleWidth(self)
        return visible >= width ? self : String(repeating: " ", count: width - visible) + self
    }
}
