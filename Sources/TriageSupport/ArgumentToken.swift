/// One command-line argument after the first parsing stage: its shape is known, its meaning is not.
///
/// Splitting first keeps `--x=y`, `--x y`, `-abc` and `--` in one place, so the second stage
/// (``ArgumentParser``) only has to look options up in the spec.
public struct ArgumentToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `--name`
        case longOption(name: String)
        /// `--name=value`; the value may be empty.
        case longOptionWithValue(name: String, value: String)
        /// `-abc`: short option characters, possibly followed by an attached value (`-fjson`).
        case shortCluster(String)
        /// Anything else: a lone `-`, a plain word, and every argument after `--`.
        case value(String)
        /// `--`
        case terminator
    }

    public let kind: Kind
    /// Position in the argument list, so later stages can point back at what the user typed.
    public let index: Int
    /// The argument exactly as given; an option's value may be any next argument, even `-x`.
    public let text: String

    public init(kind: Kind, index: Int, text: String) {
        self.kind = kind
        self.index = index
        self.text = text
    }

    public static func tokenize(_ arguments: [String]) -> [ArgumentToken] {
        var tokens: [ArgumentToken] = []
        tokens.reserveCapacity(arguments.count)
        var afterTerminator = false
        for (index, text) in arguments.enumerated() {
            tokens.append(ArgumentToken(kind: kind(of: text, afterTerminator: afterTerminator), index: index, text: text))
            if !afterTerminator && text == "--" {
                afterTerminator = true
            }
        }
        return tokens
    }

    private static func kind(of text: String, afterTerminator: Bool) -> Kind {
        if afterTerminator || text == "-" || !text.hasPrefix("-") {
            return .value(text)
        }
        if text == "--" {
            return .terminator
        }
        if text.hasPrefix("--") {
            let body = text.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                return .longOptionWithValue(
                    name: String(body[..<equals]),
                    value: String(body[body.index(after: equals)...])
                )
            }
            return .longOption(name: String(body))
        }
        return .shortCluster(String(text.dropFirst()))
    }
}
