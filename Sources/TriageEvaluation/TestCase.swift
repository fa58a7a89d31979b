import TriageEngine

/// One labelled message: a fixture file, or one record of a labelled corpus.
public struct TestCase: Sendable {
    public enum Kind: String, Sendable {
        /// A `.triage` file, a labelled corpus record, or a rule's `example` item.
        case fixture, corpus, example
    }

    /// Stable identity for baselines: the fixture path, or `path#id` / `path:line` for corpora.
    public let id: String
    public let kind: Kind
    public let file: String
    /// 1-based line where the case starts (the header for fixtures, the record for corpora).
    public let line: Int
    public let text: String
    /// Line in `file` where `text` starts, to place matched words in the file.
    public let textLine: Int
    /// Column where `text` starts on `textLine` (examples sit inside a rule file's line).
    public let textColumn: Int
    public let expectation: Expectation
    /// A known failure that must not fail the run; the reason is given.
    public let todo: String?
    public let note: String?
    /// When the case's bytes were not UTF-8 and were decoded with U+FFFD for each bad byte:
    /// the `input_repaired` warning, with the place of the first bad byte.
    public var repair: InputProblem?

    public init(id: String, kind: Kind, file: String, line: Int, text: String, textLine: Int, textColumn: Int = 1, expectation: Expectation,
                todo: String? = nil, note: String? = nil) {
        self.id = id
        self.kind = kind
        self.file = file
        self.line = line
        self.text = text
        self.textLine = textLine
        self.textColumn = textColumn
        self.expectation = expectation
        self.todo = todo
        self.note = note
    }
}

/// A fixture file or corpus record that could not be read; the run reports it and goes on.
/// Also the shape of a warning about a case that was read (``TestCase/repair``).
public struct InputProblem: Sendable, Hashable, Error {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }

    /// The `input_repaired` warning for a case whose first bad byte is `invalid`; `line` is
    /// the line of the file it is on.
    static func repaired(file: String, line: Int, _ invalid: MessageBytes.InvalidByte) -> InputProblem {
        InputProblem(file: file, line: line,
                     message: "input is not valid UTF-8 (byte 0x\(String(invalid.byte, radix: 16, uppercase: true)) at column \(invalid.column)); \(MessageBytes.repairNote)")
    }
}
