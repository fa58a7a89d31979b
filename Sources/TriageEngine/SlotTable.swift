/// A number per (pattern, turn) slot, zero until set. A flat array for ordinary messages;
/// a dictionary of the slots actually set when patterns × turns is too large to allocate,
/// as for a 32 MiB transcript of one-word turns (millions of turns).
///
/// Reused from one message to the next by a worker's `Scan`: `reset` zeroes only the slots
/// the last message set, so a message costs nothing in proportion to the pack.
struct SlotTable<Value: FixedWidthInteger> {
    /// Above this many slots, only set slots take memory (4 Mi slots: 4–16 MiB dense).
    static var denseLimit: Int { 1 << 22 }
    /// Dense storage larger than this is given back when a smaller message follows.
    static var keptLimit: Int { 1 << 16 }

    private var dense: [Value]
    private var sparse: [Int: Value] = [:]
    /// Dense slots set since the last reset.
    private var touched: [Int32] = []
    private(set) var isDense: Bool

    init(slots: Int) {
        isDense = slots <= Self.denseLimit
        dense = isDense ? Array(repeating: 0, count: slots) : []
    }

    /// All slots zero again, for a message with `slots` slots.
    mutating func reset(slots: Int) {
        sparse.removeAll()
        isDense = slots <= Self.denseLimit
        guard isDense else {
            touched.removeAll(keepingCapacity: true)
            return
        }
        if slots > dense.count || (dense.count > Self.keptLimit && slots <= Self.keptLimit) {
            dense = Array(repeating: 0, count: slots)
            touched.removeAll(keepingCapacity: true)
            return
        }
        for slot in touched { dense[Int(slot)] = 0 }
        touched.removeAll(keepingCapacity: true)
    }

    subscript(slot: Int) -> Value {
        get { isDense ? dense[slot] : sparse[slot] ?? 0 }
        set {
            if isDense {
                if dense[slot] == 0 && newValue != 0 { touched.append(Int32(slot)) }
                dense[slot] = newValue
            } else {
                sparse[slot] = newValue == 0 ? nil : newValue
            }
        }
    }
}
