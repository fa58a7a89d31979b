/// An Aho–Corasick automaton over lower-case ASCII literals, compiled to a dense DFA over
/// byte classes. Scanning folds ASCII letters to lower case on the fly, one table lookup
/// per byte, and reports where literals occur.
struct LiteralAutomaton: Sendable {
    let literals: [String]
    /// UTF-8 length of each literal.
    let lengths: [Int32]
    /// Byte → class; bytes that occur in no literal share class 0.
    private let byteClass: [UInt8]
    private let classCount: Int
    /// `transitions[state + class]`, states numbered in steps of `classCount` so no multiply
    /// is needed. A target state at which some literal ends is stored as its bitwise
    /// complement (negative), so the common case costs one load and one sign test per byte.
    private let transitions: [Int32]
    /// By state number (`state / classCount`): the literal ending there, or -1.
    private let output: [Int32]
    /// By state number: the nearest state on the failure chain with an output, or -1.
    private let outputLink: [Int32]

    init(literals: [String]) {
        self.literals = literals
        lengths = literals.map { Int32($0.utf8.count) }
        var classes = [UInt8](repeating: 0, count: 256)
        var next: UInt8 = 1
        for literal in literals {
            for byte in literal.utf8 where classes[Int(byte)] == 0 {
                classes[Int(byte)] = next
                next += 1
            }
        }
        // Upper-case letters share their lower-case letter's class.
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") {
            classes[Int(upper)] = classes[Int(upper | 0x20)]
        }
        byteClass = classes
        classCount = Int(next)

        // Trie, flat: state s owns trie[s * classCount ..< (s + 1) * classCount].
        let width = classCount
        var trie = [Int32](repeating: -1, count: width)
        var out: [Int32] = [-1]
        for (index, literal) in literals.enumerated() {
            var state = 0
            for byte in literal.utf8 {
                let c = Int(classes[Int(byte)])
                if trie[state * width + c] < 0 {
                    trie[state * width + c] = Int32(out.count)
                    trie.append(contentsOf: repeatElement(-1, count: width))
                    out.append(-1)
                }
                state = Int(trie[state * width + c])
            }
            if out[state] < 0 { out[state] = Int32(index) }
        }

        // Breadth-first: failure links, output links, and the full transition table (the
        // trie's missing edges filled in from the failure state's row).
        let stateCount = out.count
        var fail = [Int32](repeating: 0, count: stateCount)
        var link = [Int32](repeating: -1, count: stateCount)
        var table = trie
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for c in 0..<width {
            if trie[c] >= 0 { queue.append(Int(trie[c])) } else { table[c] = 0 }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let failure = Int(fail[state])
            link[state] = out[failure] >= 0 ? Int32(failure) : link[failure]
            for c in 0..<width {
                let child = trie[state * width + c]
                if child >= 0 {
                    fail[Int(child)] = state == 0 ? 0 : table[failure * width + c]
                    queue.append(Int(child))
                } else {
                    table[state * width + c] = table[failure * width + c]
                }
            }
        }
        // Number states in steps of classCount and mark the ones where literals end.
        transitions = table.map { target in
            let reports = out[Int(target)] >= 0 || link[Int(target)] >= 0
            return reports ? ~(target * Int32(width)) : target * Int32(width)
        }
        output = out
        outputLink = link
    }

    var stateCount: Int { output.count }

    /// Every occurrence of every literal in one text, in order of their ends, with a chain
    /// per literal; up to `capacity` of them (then `isComplete` is false and only the first
    /// and last occurrence of each literal are known).
    struct Occurrences {
        static let capacity = 1 << 16
        /// By literal: the end of its first occurrence and the start of its last, or -1.
        var firstEnd: [Int32]
        var lastStart: [Int32]
        /// Literals in the order their first occurrence ends.
        var order: [Int32] = []
        /// By literal: its first and last recorded occurrence, or -1.
        var head: [Int32]
        var tail: [Int32]
        /// By occurrence: where it ends and the next occurrence of the same literal (or -1).
        var end: [Int32] = []
        var next: [Int32] = []
        var isComplete = true

        init(literals: Int) {
            firstEnd = Array(repeating: -1, count: literals)
            lastStart = firstEnd
            head = firstEnd
            tail = firstEnd
        }

        /// Empty again, touching only the literals the last text had: a worker reuses one
        /// `Occurrences` for every message instead of allocating arrays sized to all literals.
        mutating func reset() {
            for literal in order {
                let literal = Int(literal)
                firstEnd[literal] = -1
                lastStart[literal] = -1
                head[literal] = -1
                tail[literal] = -1
            }
            order.removeAll(keepingCapacity: true)
            end.removeAll(keepingCapacity: true)
            next.removeAll(keepingCapacity: true)
            isComplete = true
        }

        mutating func record(_ literal: Int, end offset: Int32, length: Int32) {
            if firstEnd[literal] < 0 {
                firstEnd[literal] = offset
                order.append(Int32(literal))
            }
            lastStart[literal] = offset - length
            guard isComplete else { return }
            guard end.count < Occurrences.capacity else {
                isComplete = false
                return
            }
            let index = Int32(end.count)
            end.append(offset)
            next.append(-1)
            if tail[literal] >= 0 { next[Int(tail[literal])] = index } else { head[literal] = index }
            tail[literal] = index
        }
    }

    /// Records every literal occurrence in `text`.
    func scan(_ text: UnsafeBufferPointer<UInt8>, into occurrences: inout Occurrences) {
        guard !literals.isEmpty, let base = text.baseAddress else { return }
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classes in
                var state = 0
                var offset = 0
                while true {
                    offset = LiteralAutomaton.run(table.baseAddress!, classes.baseAddress!, base, from: offset, to: text.count, state: &state)
                    guard offset < text.count else { return }
                    // A literal ends at `offset`: walk the chain of literals ending here.
                    offset += 1
                    let number = state / classCount
                    var probe = output[number] >= 0 ? number : Int(outputLink[number])
                    while probe > 0 {
                        let literal = Int(output[probe])
                        occurrences.record(literal, end: Int32(offset), length: lengths[literal])
                        probe = Int(outputLink[probe])
                    }
                }
            }
        }
    }

    /// Runs the DFA from `from` until a byte leads to a state where a literal ends (returns
    /// that byte's offset, `state` set to the state) or the text ends (returns `to`). Kept
    /// apart and small so the state stays in a register.
    @inline(never)
    private static func run(_ table: UnsafePointer<Int32>, _ classes: UnsafePointer<UInt8>, _ text: UnsafePointer<UInt8>,
                            from: Int, to end: Int, state: inout Int) -> Int {
        var current = state
        var offset = from
        while offset < end {
            let next = Int(table[current &+ Int(classes[Int(text[offset])])])
            if next < 0 {
                state = ~next
                return offset
            }
            current = next
            offset &+= 1
        }
        state = current
        return end
    }
}
