extension Duration {
    /// In seconds, for rates and reports.
    public var inSeconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    /// Whole or fractional seconds as written in messages: `2`, `0.25`.
    public var seconds: String { inSeconds.compact }
}
