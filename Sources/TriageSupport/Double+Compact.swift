extension Double {
    /// `3` for 3.0, `0.5` for 0.5: weights, thresholds and limits as a person writes them.
    public var compact: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
