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

    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    /// Properties also escape ':' and ',', which separate them.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
