import Foundation
import TriageEngine
import TriageReports
import TriageSupport

/// Turns one input record into its output line: decodes it, refuses what cannot be
/// classified (with the same rules as `triage classify`), classifies, and renders the record
/// documented in docs/cli.md. Pure and thread-safe: the workers share one.
public struct BatchRecordProcessor: Sendable {
    static let schema = "triage.batch"
    static let version = 1

    let classifier: Classifier
    let textField: String
    /// `--rule-ids`: list the rules that fired.
    let ruleIDs: Bool
    /// `--full`: add the whole `triage classify --format json` object.
    let full: Bool
    /// `--strict-utf8`: a record that is not valid UTF-8 is an error record, as before; else it
    /// is decoded with U+FFFD for each bad byte and marked `"warnings":["input_repaired"]`.
    var strictUTF8 = false

    public init(classifier: Classifier, textField: String, ruleIDs: Bool, full: Bool, strictUTF8: Bool) {
        self.classifier = classifier
        self.textField = textField
        self.ruleIDs = ruleIDs
        self.full = full
        self.strictUTF8 = strictUTF8
    }

    /// The output line (with its "\n"), and the category, or nil for an error record.
    struct Outcome: Sendable {
        let line: String
        let category: String?
        /// The reason, for error records.
        let error: String?
        /// A pattern stopped at a PCRE2 limit or at the time budget (`limits` in the record).
        var limited = false
        /// The time budget ran out: rules were not evaluated and the answer may change when the
        /// record is classified again with more time (`budget_exceeded` in the record).
        var budgetExceeded = false
    }

    func process(_ record: BatchRecord) -> Outcome {
        switch decode(record) {
        case .success(let decoded):
            return classify(decoded.text, record: record, passThrough: decoded.passThrough, repaired: decoded.repaired)
        case .failure(let failure):
            return errorRecord(record, failure.reason, passThrough: failure.passThrough)
        }
    }

    private struct Failure: Error {
        let reason: String
        var passThrough: String?
    }

    /// The message and the pass-through members (compact JSON, comma-separated; nil when the
    /// format has none).
    private struct Decoded {
        let text: String
        let passThrough: String?
        var repaired = false
    }

    private func decode(_ record: BatchRecord) -> Result<Decoded, Failure> {
        switch record.content {
        case .unreadable(let reason):
            return .failure(Failure(reason: reason))
        case .plain(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                if !strictUTF8 { return repaired(validate(String(decoding: bytes, as: UTF8.self), passThrough: nil)) }
                return .failure(Failure(reason: BatchRecord.invalidUTF8(bytes) ?? "not valid UTF-8"))
            }
            return validate(text, passThrough: nil)
        case .fields(let text, let passThrough, let problem, let invalidUTF8):
            if let problem { return .failure(Failure(reason: problem, passThrough: passThrough)) }
            if let invalidUTF8, strictUTF8 { return .failure(Failure(reason: invalidUTF8, passThrough: passThrough)) }
            guard let text else { return .failure(Failure(reason: "no text field '\(textField)'", passThrough: passThrough)) }
            let result = validate(text, passThrough: passThrough)
            return invalidUTF8 == nil ? result : repaired(result)
        case .json(let bytes):
            // Checked without making a String of the line: a 30 MB line is not copied for it.
            let isUTF8 = MessageBytes.isValidUTF8(bytes)
            if !isUTF8 && !strictUTF8 {
                return repaired(decode(BatchRecord(file: record.file, line: record.line, content: .json(Array(String(decoding: bytes, as: UTF8.self).utf8)))))
            }
            if !isUTF8 {
                // The other fields may still be readable: the id is what lets a pipeline join the error back.
                let reason = BatchRecord.invalidUTF8(bytes) ?? "not valid UTF-8"
                let lossy = Array(String(decoding: bytes, as: UTF8.self).utf8)
                let object = try? JSONReader.parseObjectLine(lossy).get()
                return .failure(Failure(reason: reason, passThrough: object.map { passThrough($0.members) }))
            }
            let object: JSONObjectLine
            switch JSONReader.parseObjectLine(bytes) {
            case .success(let parsed): object = parsed
            case .failure(let failure): return .failure(Failure(reason: failure.message))
            }
            let others = passThrough(object.members)
            guard let member = object.members.first(where: { $0.key == textField }) else {
                return .failure(Failure(reason: "no text field '\(textField)'", passThrough: others))
            }
            guard member.kind == .string else {
                return .failure(Failure(reason: "text field '\(textField)' is \(Self.describe(member.kind)), not a string", passThrough: others))
            }
            return validate(JSONReader.decodeString(member.rawValue), passThrough: others)
        }
    }

    private func repaired(_ result: Result<Decoded, Failure>) -> Result<Decoded, Failure> {
        result.map { decoded in
            var decoded = decoded
            decoded.repaired = true
            return decoded
        }
    }

    /// Size, NUL bytes and emptiness, checked like a `classify` message, on the decoded text
    /// itself (no copy of it).
    private func validate(_ text: String, passThrough: String?) -> Result<Decoded, Failure> {
        let origin = "message"
        do {
            let input = try MessageBytes.validate(text: text, origin: origin)
            return .success(Decoded(text: input.text, passThrough: passThrough))
        } catch {
            // The record already says where it is; keep only the reason.
            let reason = error.message.hasPrefix(origin + ": ") ? String(error.message.dropFirst(origin.count + 2)) : error.message
            return .failure(Failure(reason: reason, passThrough: passThrough))
        }
    }

    private static func describe(_ kind: JSONObjectLine.Kind) -> String {
        switch kind {
        case .null: "null"
        case .array, .object: "an \(kind.rawValue)"
        default: "a \(kind.rawValue)"
        }
    }

    private func passThrough(_ members: [JSONObjectLine.Member]) -> String {
        var bytes: [UInt8] = []
        for member in members where member.key != textField {
            if !bytes.isEmpty { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: member.rawKey)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: member.rawValue)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func classify(_ text: String, record: BatchRecord, passThrough: String?, repaired: Bool) -> Outcome {
        // Without --full only the decision is printed: no evidence spans, no rendered playbook.
        let classification = classifier.classify(Message(text), detail: full ? .full : .decision)
        let ruleSet = classifier.ruleSet
        var members = header(record)
        members += [
            JSONMember("category", .string(classification.category.id)),
            JSONMember("confidence", .double(classification.confidence)),
            JSONMember("secondary", classification.secondary.map { .string($0.id) } ?? .null),
            JSONMember("signals", .array(classification.signals.map { .string($0.signal.name) })),
            JSONMember("entities", .array(classification.entities.map {
                .object([JSONMember("name", .string($0.name)), JSONMember("value", .string($0.value))])
            })),
            JSONMember("playbook", classification.category.playbook.map { .string(ruleSet.playbooks[$0].name) } ?? .null),
        ]
        if repaired { members.append(JSONMember("warnings", .array([.string(MessageBytes.repairedWarning)]))) }
        // Only when they happened, so ordinary records stay short; always, not only with
        // --full: a pipeline must see that an answer is partial and retry it.
        if !classification.limitHits.isEmpty {
            members.append(JSONMember("limits", .array(classification.limitHits.map { hit in
                .object([JSONMember("limit", .string(hit.limit.rawValue)), JSONMember("pattern", .string(ruleSet.patterns[hit.pattern].source)),
                         JSONMember("rules", .array(hit.users.map { .string($0) }))])
            })))
        }
        if let budget = classification.budgetExceeded {
            members.append(JSONMember("budget_exceeded", .bool(true)))
            members.append(JSONMember("not_evaluated", .array(budget.undecidedRules.map { .string(ruleSet.rules[$0].name) })))
        }
        if ruleIDs {
            members.append(JSONMember("rules", .array(classification.evidence.map { .string(ruleSet.rules[$0.rule].name) })))
        }
        if full {
            members.append(JSONMember("classification",
                                      ClassificationJSONReport(ClassifyOutput(classification: classification, ruleSet: ruleSet), options: ReportOptions()).value))
        }
        return Outcome(line: render(members, passThrough: passThrough), category: classification.category.id, error: nil,
                       limited: !classification.limitHits.isEmpty, budgetExceeded: classification.budgetExceeded != nil)
    }

    private func errorRecord(_ record: BatchRecord, _ reason: String, passThrough: String?) -> Outcome {
        Outcome(line: render(header(record) + [JSONMember("error", .string(reason))], passThrough: passThrough), category: nil, error: reason)
    }

    private func header(_ record: BatchRecord) -> [JSONMember] {
        [JSONMember("schema", .string(Self.schema)), JSONMember("version", .int(Self.version)),
         JSONMember("file", .string(record.file)), JSONMember("line", .int(record.line))]
    }

    /// One line of JSON; the pass-through members are spliced in as written, under `input`.
    private func render(_ members: [JSONMember], passThrough: String?) -> String {
        var line = JSONWriter.write(.object(members), pretty: false)
        if let passThrough {
            line.removeLast()
            line += ",\"input\":{" + passThrough + "}}"
        }
        line += "\n"
        return line
    }
}
