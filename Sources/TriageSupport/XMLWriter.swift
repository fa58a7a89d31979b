/// Builds and writes small XML documents (JUnit reports) by hand, so attribute order,
/// indentation and escaping are ours and no XML library is needed.
public enum XMLWriter {
    /// Text or an element inside an element.
    public enum Node: Sendable, Hashable {
        case element(Element)
        case text(String)
    }

    public struct Attribute: Sendable, Hashable {
        public let name: String
        public let value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// An element with attributes in the order given. Names come from code and are written
    /// as they are; values and text are escaped.
    public struct Element: Sendable, Hashable {
        public var name: String
        public var attributes: [Attribute]
        public var children: [Node]

        /// Attributes whose value is nil are left out, so optional ones read naturally.
        public init(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], children: [Node] = []) {
            self.name = name
            self.attributes = attributes.compactMap { pair in pair.value.map { Attribute(pair.key, $0) } }
            self.children = children
        }

        public init(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) {
            self.init(name, attributes, children: [.text(text)])
        }

        public mutating func append(_ element: Element) {
            children.append(.element(element))
        }

        public mutating func append(text: String) {
            children.append(.text(text))
        }

        /// Replaces the value of an attribute, or adds it at the end.
        public mutating func setAttribute(_ name: String, _ value: String) {
            if let index = attributes.firstIndex(where: { $0.name == name }) {
                attributes[index] = Attribute(name, value)
            } else {
                attributes.append(Attribute(name, value))
            }
        }
    }

    public static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#

    /// The declaration, the root element and a final newline.
    public static func document(_ root: Element) -> String {
        declaration + "\n" + write(root) + "\n"
    }

    /// One element, indented by 2 spaces per level, without a final newline.
    public static func write(_ element: Element) -> String {
        var output = ""
        write(element, depth: 0, into: &output)
        return output
    }

    private static func write(_ element: Element, depth: Int, into output: inout String) {
        output += "<" + element.name
        for attribute in element.attributes {
            output += " " + attribute.name + "=\"" + escapeAttribute(attribute.value) + "\""
        }
        guard !element.children.isEmpty else {
            output += "/>"
            return
        }
        output += ">"
        // Whitespace next to text would change the text, so elements holding any text are
        // written inline; only element-only content is indented.
        let hasText = element.children.contains { if case .text = $0 { true } else { false } }
        let indent = "\n" + String(repeating: "  ", count: depth + 1)
        for child in element.children {
            switch child {
            case .text(let text):
                output += escapeText(text)
            case .element(let inner):
                if !hasText { output += indent }
                write(inner, depth: hasText ? 0 : depth + 1, into: &output)
            }
        }
        if !hasText { output += "\n" + String(repeating: "  ", count: depth) }
        output += "</" + element.name + ">"
    }

    /// Character data: `&`, `<` and `>` (the last so `]]>` can never appear). Quotes need no
    /// escaping in text. `\r` becomes a reference because parsers turn a raw one into `\n`.
    public static func escapeText(_ text: String) -> String {
        escape(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\r": "&#13;"
            default: nil
            }
        }
    }

    /// Attribute values: also both quotes, and tab and line breaks as references, because
    /// parsers replace raw ones with spaces (attribute-value normalisation).
    public static func escapeAttribute(_ text: String) -> String {
        escape(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&apos;"
            case "\t": "&#9;"
            case "\n": "&#10;"
            case "\r": "&#13;"
            default: nil
            }
        }
    }

    /// True for the scalars XML 1.0 does not allow anywhere, not even as references
    /// (§2.2 Char): C0 controls other than tab, LF and CR, and U+FFFE and U+FFFF.
    /// Swift strings never hold surrogates, so those need no check.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// Forbidden scalars become U+FFFD, so the document stays well-formed and the reader
    /// still sees that something was there.
    private static func escape(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var output = ""
        output.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                output += replaced
            } else if isForbidden(scalar) {
                output.unicodeScalars.append("\u{FFFD}")
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
