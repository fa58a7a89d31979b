import Foundation
import TriageSupport
import TriageEngine

/// Reads labelled corpora: JSONL (one object per line) and CSV with a header. A record
/// that cannot be read becomes an `InputProblem` with its line; the others are kept.
public struct CorpusReader: Sendable {
    public var textField = "text"
    public var labelField = "label"
    /// When set, the secondary category is checked too (`null` or empty means none).
    public var secondaryField: String?
    /// When set and present, the case id is `file#id` instead of `file:line`.
    public var idField: String? = "id"
    /// A record that is not UTF-8 is an input problem; else it is decoded with U+FFFD for
    /// each bad byte and classified, with the `input_repaired` warning (``TestCase/repair``).
    public var strictUTF8 = false

    public init() {}

    public static let extensions: Set<String> = ["jsonl", "csv"]

    static func tooLarge(_ bytes: Int) -> String {
        "the message is larger than the \(RuleLimits.maximumMessageBytes >> 20) MiB message limit (\(bytes) bytes)"
    }

    public func read(_ path: String) -> (cases: [TestCase], problems: [InputProblem]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], [InputProblem(file: path, line: 0, message: "cannot read the file")])
        }
        return path.lowercased().hasSuffix(".csv") ? readCSV(data, path: path) : readJSONL(data, path: path)
    }

    public func readJSONL(_ data: Data, path: String) -> (cases: [TestCase], problems: [InputProblem]) {
        var cases: [TestCase] = []
        var problems: [InputProblem] = []
        var lineNumber = 0
        for rawLine in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            // The JSON around the message makes the line a little longer than the message; a
            // line over the limit cannot hold a message under it worth parsing 32 MiB for.
            guard line.count <= RuleLimits.maximumMessageBytes else {
                problems.append(InputProblem(file: path, line: lineNumber, message: "line is longer than the \(RuleLimits.maximumMessageBytes >> 20) MiB message limit (\(line.count) bytes)"))
                continue
            }
            var bytes = Array(line)
            var repair: InputProblem?
            if String(validating: line, as: UTF8.self) == nil {
                guard !strictUTF8 else {
                    problems.append(InputProblem(file: path, line: lineNumber, message: "line is not valid UTF-8"))
                    continue
                }
                let (text, invalid) = MessageBytes.decode(line)
                bytes = Array(text.utf8)
                repair = invalid.map { InputProblem.repaired(file: path, line: lineNumber, $0) }
            }
            let object: JSONObjectLine
            switch JSONReader.parseObjectLine(bytes) {
            case .success(let parsed): object = parsed
            case .failure(let failure):
                problems.append(InputProblem(file: path, line: lineNumber, message: failure.message))
                continue
            }
            // The first of repeated keys wins, as in batch.
            var fields: [String: Field] = [:]
            for member in object.members where fields[member.key] == nil {
                switch member.kind {
                case .string: fields[member.key] = .string(JSONReader.decodeString(member.rawValue))
                case .null: fields[member.key] = .null
                default: fields[member.key] = .other(String(decoding: member.rawValue, as: UTF8.self))
                }
            }
            switch makeCase(fields, path: path, line: lineNumber) {
            case .success(var testCase):
                testCase.repair = repair
                cases.append(testCase)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (cases, problems)
    }

    public func readCSV(_ data: Data, path: String) -> (cases: [TestCase], problems: [InputProblem]) {
        var problems: [InputProblem] = []
        // Lines that are not UTF-8 are decoded with U+FFFD for each bad byte and the record
        // they belong to carries the warning; with `strictUTF8` they are reported and left
        // out, so the rest still parses.
        var text = ""
        var lineNumber = 0
        var repairs: [(line: Int, invalid: MessageBytes.InvalidByte)] = []
        for rawLine in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if let line = String(validating: rawLine, as: UTF8.self) {
                text += line
            } else if strictUTF8 {
                problems.append(InputProblem(file: path, line: lineNumber, message: "line is not valid UTF-8"))
            } else {
                let (line, invalid) = MessageBytes.decode(rawLine)
                text += line
                if let invalid { repairs.append((lineNumber, invalid)) }
            }
            text += "\n"
        }
        let (records, failure) = CSVParser.parse(text)
        if let failure { problems.append(InputProblem(file: path, line: failure.line, message: failure.message)) }
        guard let header = records.first else {
            problems.append(InputProblem(file: path, line: 1, message: "no header row"))
            return ([], problems)
        }
        // The first repaired line of each record (a quoted field may span lines); a header
        // that is not UTF-8 names its columns wrongly, which is a problem, not a repair.
        let starts = records.map(\.line)
        var repairByRecord: [Int: InputProblem] = [:]
        for repair in repairs {
            let index = (starts.lastIndex { $0 <= repair.line }) ?? 0
            if index == 0 {
                problems.append(InputProblem(file: path, line: repair.line, message: "header row is not valid UTF-8 (byte 0x\(String(repair.invalid.byte, radix: 16, uppercase: true)) at column \(repair.invalid.column))"))
            } else if repairByRecord[index] == nil {
                repairByRecord[index] = InputProblem.repaired(file: path, line: repair.line, repair.invalid)
            }
        }
        var cases: [TestCase] = []
        for (index, record) in records.enumerated().dropFirst() {
            guard record.fields.count == header.fields.count else {
                problems.append(InputProblem(file: path, line: record.line, message: "record has \(record.fields.count) fields, the header has \(header.fields.count)"))
                continue
            }
            let object = Dictionary(zip(header.fields.map { $0.trimmingSpaces }, record.fields.map { Field.string($0) }), uniquingKeysWith: { a, _ in a })
            switch makeCase(object, path: path, line: record.line) {
            case .success(var testCase):
                testCase.repair = repairByRecord[index]
                cases.append(testCase)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (cases, problems)
    }

    /// A record's field: JSON strings and CSV cells are `.string`; other JSON values keep
    /// their text as written, so a numeric id of 20 digits stays exact.
    private enum Field {
        case string(String)
        case null
        case other(String)

        var string: String? {
            if case .string(let value) = self { return value }
            return nil
        }
    }

    private func makeCase(_ object: [String: Field], path: String, line: Int) -> Result<TestCase, InputProblem> {
        guard let text = object[textField]?.string else {
            return .failure(InputProblem(file: path, line: line, message: "no text field '\(textField)'"))
        }
        guard text.utf8.count <= RuleLimits.maximumMessageBytes else {
            return .failure(InputProblem(file: path, line: line, message: CorpusReader.tooLarge(text.utf8.count)))
        }
        guard let label = object[labelField]?.string, !label.trimmingSpaces.isEmpty else {
            return .failure(InputProblem(file: path, line: line, message: "no label field '\(labelField)'"))
        }
        var expectation = Expectation(category: label.trimmingSpaces)
        if let secondaryField {
            let value = object[secondaryField]?.string?.trimmingSpaces
            expectation.secondary = .some(value?.isEmpty == false && value != "none" ? value : nil)
        }
        var id = "\(path):\(line)"
        if let idField, let value = object[idField] {
            let written: String
            switch value {
            case .string(let text), .other(let text): written = text.trimmingSpaces
            case .null: written = ""
            }
            if !written.isEmpty { id = "\(path)#\(written)" }
        }
        return .success(TestCase(id: id, kind: .corpus, file: path, line: line, text: text, textLine: line, expectation: expectation))
    }
}
