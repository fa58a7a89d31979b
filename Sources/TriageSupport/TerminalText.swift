/// Text from the input — a message, a corpus label, a fixture's `todo:` line, a rule file's
/// source line, a file name — made safe to print on a terminal or into a CI log.
///
/// - Every control character (C0, DEL, C1), the line and paragraph separators and the
///   bidirectional controls are shown as escapes: `\n`, `\r`, `\t`, else `\u{1B}` (the scalar
///   in hexadecimal). So input can neither send a terminal an escape sequence (colours, a
///   screen clear, an OSC 52 clipboard write) nor start a new line of the output.
/// - Text that would read as a GitHub Actions workflow command where it stands at the start of
///   a line (`::` after blanks) or anywhere (`##[`, the old form) has its first character
///   escaped (`\u{3A}:error::…`), so no line of a CI log can be a command that came from input.
///
/// Printing text that was escaped here is the only way user text reaches a terminal; our own
/// colour codes are added around it by ``TerminalStyle``.
public enum TerminalText {
    /// The escaped text; `keepingTabs` leaves tabs as they are (for source lines whose caret
    /// must line up under a tab).
    public static func escaped<Text: StringProtocol>(_ text: Text, keepingTabs: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var atLineStart = true
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            defer { index += 1 }
            if scalar == ":" && atLineStart && index + 1 < scalars.count && scalars[index + 1] == ":" {
                result += "\\u{3A}"
                atLineStart = false
                continue
            }
            if scalar == "#" && index + 2 < scalars.count && scalars[index + 1] == "#" && scalars[index + 2] == "[" {
                result += "\\u{23}"
                atLineStart = false
                continue
            }
            if scalar == "\t" && keepingTabs {
                result.unicodeScalars.append(scalar)
                continue
            }
            if needsEscape(scalar) {
                switch scalar {
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                }
                atLineStart = false
                continue
            }
            if scalar != " " { atLineStart = false }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// True for the scalars ``escaped(_:keepingTabs:)`` never prints as they are.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return true  // line and paragraph separators
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidirectional controls
        default: return false
        }
    }
}
