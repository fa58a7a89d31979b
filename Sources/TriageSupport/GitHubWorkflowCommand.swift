/// One GitHub Actions workflow command (`::error file=…,line=…::message`), escaped the way
/// GitHub's toolkit escapes them, so annotations show on the right line of a pull request.
public struct GitHubWorkflowCommand: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case error, warning, notice
    }

    public let kind: Kind
    /// Ordered properties such as file, line, col, endColumn, title.
    public let properties: [(String, String)]
    public let message: String

    public init(_ kind: Kind, properties: [(String, String)] = [], message: String) {
        self.kind = kind
        self.properties = properties
        self.message = message
    }

    public var line: String {
        let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(kind.rawValue)\(list.isEmpty ? "" : " " + list)::\(Self.escapeData(message))"
    }

    public static func == (lhs: GitHubWorkflowCommand, rhs: GitHubWorkflowCommand) -> Bool {
        lhs.line == rhs.line
    }

    /// Line breaks and '%' are percent-encoded as GitHub's toolkit does; every other control
    /// character is shown as an escape (``TerminalText``), so input cannot colour or rewrite
    /// the log around the annotation.
    static func escapeData(_ text: String) -> String {
        var encoded = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": encoded += "%25"
            case "\r": encoded += "%0D"
            case "\n": encoded += "%0A"
            default: encoded.unicodeScalars.append(scalar)
            }
        }
        return TerminalText.escaped(encoded)
    }

    /// Properties also escape ':' and ',', which separate them.
    static func escapeProperty(_ text: String) -> String {
        var encoded = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": encoded += "%3A"
            case ",": encoded += "%2C"
            default: encoded.unicodeScalars.append(scalar)
            }
        }
        return encoded
    }
}
