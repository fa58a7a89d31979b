import Foundation
import TriageSupport

/// Turns the lines of a CSV file into records, a few lines at a time, so the file is never
/// held whole. `CSVParser` decides where records end (quoted fields may span lines): pending
/// lines are parsed once they hold an even number of quotes (or every extra MiB, for stray
/// quotes like `5" screen`); the records before an unterminated quote are complete, the rest
/// waits for more lines.
struct BatchCSVAssembler {
    /// How much a pending record may grow between two parses when its quotes do not pair up.
    static let reparseStep = 1 << 20

    let file: String
    let textField: String
    let limit: Int
    private var header: [String]?
    private var pending: [BatchLine] = []
    private var pendingBytes = 0
    private var pendingQuotes = 0
    private var nextParseAt = reparseStep
    private var ready: [BatchRecord] = []
    private var readyIndex = 0

    init(file: String, textField: String, limit: Int) {
        self.file = file
        self.textField = textField
        self.limit = limit
    }

    /// The next complete record, if any.
    mutating func take() -> BatchRecord? {
        guard readyIndex < ready.count else {
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            return nil
        }
        readyIndex += 1
        return ready[readyIndex - 1]
    }

    mutating func add(_ line: BatchLine) {
        if let length = line.overlongBytes {
            // What is pending cannot continue past this line: settle it, then report the line.
            if !pending.isEmpty { parsePending(atEnd: true) }
            fail(line: line.number, "line is longer than the \(limit >> 20) MiB message limit (\(length) bytes)")
            return
        }
        if pending.isEmpty && line.isBlank { return }
        pending.append(line)
        pendingBytes += line.bytes.count + 1
        pendingQuotes += Self.quotes(in: line)
        if pendingQuotes % 2 == 0 || pendingBytes >= nextParseAt || pendingBytes > limit {
            parsePending(atEnd: false)
        }
        if pendingBytes > limit, let first = pending.first {
            discardPending()
            fail(line: first.number, "record is longer than the \(limit >> 20) MiB message limit (unterminated quoted field?)")
        }
    }

    /// The end of the file: whatever is pending is parsed, an open quote is an error.
    mutating func finish() {
        if !pending.isEmpty { parsePending(atEnd: true) }
    }

    private mutating func parsePending(atEnd: Bool) {
        let first = pending[0].number
        var text = ""
        var invalid: [Int: String] = [:]
        for line in pending {
            if String(validating: line.bytes, as: UTF8.self) == nil {
                invalid[line.number] = BatchRecord.invalidUTF8(line.bytes)
            }
            // Lossy, so the quotes and commas around a bad byte still parse.
            text += String(decoding: line.bytes, as: UTF8.self)
            text += "\n"
        }
        let (records, failure) = CSVParser.parse(text)
        let openLine = failure.map { first + $0.line - 1 }
        let complete = records.filter { openLine == nil || first + $0.line - 1 < openLine! }
        for (index, record) in complete.enumerated() {
            let start = first + record.line - 1
            let end = index + 1 < complete.count ? first + complete[index + 1].line - 1 : (openLine ?? first + pending.count)
            let problem = (start..<end).lazy.compactMap { line in invalid[line].map { "line \(line) is \($0)" } }.first
            emit(record.fields, line: start, invalidUTF8: problem)
        }
        guard let openLine, let failure else {
            discardPending()
            return
        }
        if atEnd {
            discardPending()
            fail(line: openLine, failure.message)
            return
        }
        pending.removeFirst(openLine - first)
        pendingBytes = pending.reduce(0) { $0 + $1.bytes.count + 1 }
        pendingQuotes = pending.reduce(0) { $0 + Self.quotes(in: $1) }
        nextParseAt = pendingBytes + Self.reparseStep
    }

    private mutating func emit(_ fields: [String], line: Int, invalidUTF8: String?) {
        guard let header else {
            header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            return
        }
        guard fields.count == header.count else {
            fail(line: line, "record has \(fields.count) field\(fields.count == 1 ? "" : "s"), the header has \(header.count)")
            return
        }
        var text: String?
        var seen: Set<String> = []
        var passThrough = ""
        for (name, value) in zip(header, fields) where seen.insert(name).inserted {
            if name == textField {
                text = value
                continue
            }
            if !passThrough.isEmpty { passThrough += "," }
            passThrough += JSONWriter.write(.string(name), pretty: false) + ":" + JSONWriter.write(.string(value), pretty: false)
        }
        let missing = text == nil ? "no column '\(textField)' in the header (columns: \(header.joined(separator: ", ")))" : nil
        ready.append(BatchRecord(file: file, line: line, content: .fields(text: text, passThrough: passThrough, problem: missing, invalidUTF8: invalidUTF8)))
    }

    private mutating func fail(line: Int, _ reason: String) {
        ready.append(BatchRecord(file: file, line: line, content: .unreadable(reason)))
    }

    private static func quotes(in line: BatchLine) -> Int {
        line.bytes.count(where: { $0 == UInt8(ascii: "\"") })
    }

    private mutating func discardPending() {
        pending.removeAll()
        pendingBytes = 0
        pendingQuotes = 0
        nextParseAt = Self.reparseStep
    }
}
