import TriageEngine

/// Reads a fixture file: `key: value` header lines, a `---` line, then the message.
///
/// ```
/// expect: delivery.late
/// secondary: billing.refund
/// signals: urgent, angry            # or: signals: none
/// entities: order_id=112-3456789-1234567; amount=USD 25.00
/// playbook: late_delivery
/// todo: the agent's words mislead the current rules
/// note: what the case tests
/// ---
/// My order is late…
/// ```
public enum FixtureParser {
    public static let fileExtension = "triage"
    static let keys: Set<String> = ["expect", "secondary", "signals", "entities", "playbook", "todo", "note"]

    public static func parse(_ content: String, path: String) -> Result<TestCase, InputProblem> {
        var lines = content.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0] = lines[0].dropFirst() }
        guard let separator = lines.firstIndex(where: { $0.trimmingSpaces == "---" }) else {
            return .failure(InputProblem(file: path, line: 1, message: "no '---' line between the header and the message"))
        }
        var fields: [String: (value: String, line: Int)] = [:]
        for (index, raw) in lines[..<separator].enumerated() {
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(InputProblem(file: path, line: index + 1, message: "header line '\(line)' is not 'key: value'"))
            }
            let key = String(line[..<colon]).trimmingSpaces.lowercased()
            let value = String(line[line.index(after: colon)...]).trimmingSpaces
            guard keys.contains(key) else {
                return .failure(InputProblem(file: path, line: index + 1, message: "unknown header key '\(key)'; keys are \(keys.sorted().joined(separator: ", "))"))
            }
            guard fields[key] == nil else {
                return .failure(InputProblem(file: path, line: index + 1, message: "header key '\(key)' is given twice"))
            }
            fields[key] = (value, index + 1)
        }
        guard let category = fields["expect"]?.value, !category.isEmpty else {
            return .failure(InputProblem(file: path, line: 1, message: "missing 'expect: CATEGORY' in the header"))
        }
        let body = lines[(separator + 1)...].joined(separator: "\n")
        guard body.contains(where: { !$0.isWhitespace }) else {
            return .failure(InputProblem(file: path, line: separator + 2, message: "the message after '---' is empty"))
        }
        guard body.utf8.count <= RuleLimits.maximumMessageBytes else {
            return .failure(InputProblem(file: path, line: separator + 2, message: CorpusReader.tooLarge(body.utf8.count)))
        }
        var expectation = Expectation(category: category)
        if let secondary = fields["secondary"]?.value {
            expectation.secondary = .some(secondary.lowercased() == "none" || secondary.isEmpty ? nil : secondary)
        }
        if let signals = fields["signals"]?.value {
            let names = signals.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            if names.map({ $0.lowercased() }) == ["none"] {
                expectation.requireNoSignals = true
                expectation.signals = []
            } else {
                expectation.signals = names
            }
        }
        if let entities = fields["entities"] {
            for item in entities.value.split(separator: ";") {
                let pair = item.split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else {
                    return .failure(InputProblem(file: path, line: entities.line, message: "entity '\(item.trimmingSpaces)' is not 'name=value'"))
                }
                expectation.entities.append(EntityExpectation(name: String(pair[0]).trimmingSpaces, value: String(pair[1]).trimmingSpaces))
            }
        }
        expectation.playbook = fields["playbook"]?.value
        return .success(TestCase(id: path, kind: .fixture, file: path, line: 1, text: body, textLine: separator + 2,
                                 expectation: expectation, todo: fields["todo"]?.value, note: fields["note"]?.value))
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
