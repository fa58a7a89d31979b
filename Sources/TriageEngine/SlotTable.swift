/// A number per (pattern, turn) slot, zero until set. A flat array for ordinary messages;
/// a dictionary of the slots actually set when patterns × turns is too large to allocate,
/// as for a 32 MiB transcript of one-word turns (millions of turns).
struct SlotTable<Value: FixedWidthInteger> {
    /// Above this many slots, only set slots take memory (4 Mi slots: 4–16 MiB dense).
    static var denseLimit: Int { 1 << 22 }

    private var dense: [Value]
    private var sparse: [Int: Value] = [:]
    let isDense: Bool

    init(slots: Int) {
        isDense = slots <= Self.denseLimit
        dense = isDense ? Array(repeating: 0, count: slots) : []
    }

    subscript(slot: Int) -> Value {
        get { isDense ? dense[slot] : sparse[slot] ?? 0 }
        set {
            if isDense { dense[slot] = newValue } else { sparse[slot] = newValue == 0 ? nil : newValue }
        }
    }
}
