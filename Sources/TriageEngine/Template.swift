import TriageSyntax

/// Playbook text with `{entity}` and `{entity|fallback}` placeholders; `{{` and `}}` are literal braces.
public struct Template: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case text(String)
        case placeholder(name: String, fallback: String?, offset: Int)
    }

    public let parts: [Part]
    public let source: String

    public struct ParseError: Error, Sendable {
        public let message: String
        /// Offset in characters of the problem within the text.
        public let offset: Int
    }

    public init(parsing source: String) throws(ParseError) {
        self.source = source
        var parts: [Part] = []
        var literal = ""
        let characters = Array(source)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "{" {
                if index + 1 < characters.count && characters[index + 1] == "{" {
                    literal.append("{")
                    index += 2
                    continue
                }
                guard let close = characters[index...].firstIndex(of: "}") else {
                    throw ParseError(message: "'{' without a closing '}' in text", offset: index)
                }
                let body = String(characters[(index + 1)..<close])
                let pieces = body.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(pieces[0]).trimmingASCII(" ")
                guard !name.isEmpty, name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) else {
                    throw ParseError(message: "invalid placeholder '{\(body)}'", offset: index)
                }
                // "reference {booking_ref|}." would read "reference ." when the value is missing.
                if pieces.count > 1, pieces[1].allSatisfy({ $0 == " " }) {
                    throw ParseError(message: "empty fallback in '{\(body)}'", offset: index)
                }
                if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                parts.append(.placeholder(name: name, fallback: pieces.count > 1 ? String(pieces[1]) : nil, offset: index))
                index = close + 1
            } else if character == "}" {
                if index + 1 < characters.count && characters[index + 1] == "}" {
                    literal.append("}")
                    index += 2
                    continue
                }
                throw ParseError(message: "'}' without an opening '{' in text", offset: index)
            } else {
                literal.append(character)
                index += 1
            }
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        self.parts = parts
    }

    public var placeholderNames: [String] {
        parts.compactMap { if case .placeholder(let name, _, _) = $0 { return name } else { return nil } }
    }

    /// Fills placeholders from `values`; a missing value uses the fallback, else `missing(name)`.
    public func render(_ values: (String) -> String?, missing: (String) -> String) -> String {
        parts.map { part in
            switch part {
            case .text(let text): return text
            case .placeholder(let name, let fallback, _): return values(name) ?? fallback ?? missing(name)
            }
        }.joined()
    }
}
