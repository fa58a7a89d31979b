/// Writes ``JSONValue``s as RFC 8259 text, by hand, so key order and number formatting are ours
/// rather than Foundation's.
public enum JSONWriter {
    /// `pretty`: 2-space indentation and `"key": value`; otherwise no whitespace at all.
    /// No final newline.
    public static func write(_ value: JSONValue, pretty: Bool) -> String {
        var output = ""
        write(value, pretty: pretty, depth: 0, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, pretty: Bool, depth: Int, into output: inout String) {
        switch value {
        case .null:
            output += "null"
        case .bool(let bool):
            output += bool ? "true" : "false"
        case .int(let int):
            output += String(int)
        case .double(let double):
            output += format(double)
        case .string(let string):
            writeString(string, into: &output)
        case .array(let elements):
            writeContainer(elements, open: "[", close: "]", pretty: pretty, depth: depth, into: &output) {
                element, output in
                write(element, pretty: pretty, depth: depth + 1, into: &output)
            }
        case .object(let members):
            writeContainer(members, open: "{", close: "}", pretty: pretty, depth: depth, into: &output) {
                member, output in
                writeString(member.key, into: &output)
                output += pretty ? ": " : ":"
                write(member.value, pretty: pretty, depth: depth + 1, into: &output)
            }
        }
    }

    /// Shared by arrays and objects; empty containers stay on one line (`[]`, `{}`).
    private static func writeContainer<Element>(
        _ elements: [Element],
        open: String,
        close: String,
        pretty: Bool,
        depth: Int,
        into output: inout String,
        writeElement: (Element, inout String) -> Void
    ) {
        output += open
        guard !elements.isEmpty else {
            output += close
            return
        }
        let innerIndent = pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
        for (index, element) in elements.enumerated() {
            if index > 0 {
                output += ","
            }
            output += innerIndent
            writeElement(element, &output)
        }
        if pretty {
            output += "\n" + String(repeating: "  ", count: depth)
        }
        output += close
    }

    /// JSON has no NaN or infinity, so those become `null`. Swift's `description` is the
    /// shortest text that round-trips, keeps `.0` on whole numbers (`2.0`) and otherwise
    /// only uses forms JSON accepts (`1e-07`, `1e+16`).
    static func format(_ double: Double) -> String {
        double.isFinite ? double.description : "null"
    }

    private static func writeString(_ string: String, into output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            // Line and paragraph separators are valid JSON but end lines in JavaScript source.
            case "\u{2028}", "\u{2029}": output += "\\u" + hex(scalar.value, digits: 4)
            case _ where scalar.value < 0x20: output += "\\u" + hex(scalar.value, digits: 4)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
