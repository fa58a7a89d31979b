/// An Aho–Corasick automaton over lower-case ASCII literals, compiled to a dense DFA over
/// byte classes. Scanning folds ASCII letters to lower case on the fly, one table lookup
/// per byte, and reports which literals occur anywhere in the text.
struct LiteralAutomaton: Sendable {
    let literals: [String]
    /// Byte → class; bytes that occur in no literal share class 0.
    private let byteClass: [UInt8]
    private let classCount: Int
    /// `transitions[state * classCount + class]`.
    private let transitions: [Int32]
    /// The literal ending at a state, or -1.
    private let output: [Int32]
    /// The nearest state on the failure chain that has an output, or -1.
    private let outputLink: [Int32]

    init(literals: [String]) {
        self.literals = literals
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

        // Trie.
        var trie: [[Int32]] = [Array(repeating: -1, count: classCount)]
        var out: [Int32] = [-1]
        for (index, literal) in literals.enumerated() {
            var state = 0
            for byte in literal.utf8 {
                let c = Int(classes[Int(byte)])
                if trie[state][c] < 0 {
                    trie[state][c] = Int32(trie.count)
                    trie.append(Array(repeating: -1, count: classCount))
                    out.append(-1)
                }
                state = Int(trie[state][c])
            }
            if out[state] < 0 { out[state] = Int32(index) }
        }

        // Breadth-first: failure links, output links, and the full transition table.
        var fail = [Int32](repeating: 0, count: trie.count)
        var link = [Int32](repeating: -1, count: trie.count)
        var table = [Int32](repeating: 0, count: trie.count * classCount)
        var queue: [Int] = []
        for c in 0..<classCount {
            let child = trie[0][c]
            if child >= 0 {
                table[c] = child
                queue.append(Int(child))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let failure = Int(fail[state])
            link[state] = out[failure] >= 0 ? Int32(failure) : link[failure]
            for c in 0..<classCount {
                let child = trie[state][c]
                if child >= 0 {
                    fail[Int(child)] = state == 0 ? 0 : table[failure * classCount + c]
                    table[state * classCount + c] = child
                    queue.append(Int(child))
                } else {
                    table[state * classCount + c] = table[failure * classCount + c]
                }
            }
        }
        transitions = table
        output = out
        outputLink = link
    }

    var stateCount: Int { output.count }

    /// Marks in `found` (indexed like `literals`) every literal that occurs in `text`.
    func scan(_ text: UnsafeBufferPointer<UInt8>, found: inout [Bool]) {
        guard !literals.isEmpty else { return }
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classes in
                output.withUnsafeBufferPointer { output in
                    outputLink.withUnsafeBufferPointer { link in
                        var state = 0
                        let width = classCount
                        for byte in text {
                            state = Int(table[state * width + Int(classes[Int(byte)])])
                            // Walk the chain of literals ending here (usually empty).
                            var probe = output[state] >= 0 ? state : Int(link[state])
                            while probe > 0 {
                                let literal = Int(output[probe])
                                if literal >= 0 { found[literal] = true }
                                probe = Int(link[probe])
                            }
                        }
                    }
                }
            }
        }
    }
}
