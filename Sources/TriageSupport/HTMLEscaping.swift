/// Escapes user text for HTML: message text, rule names and file paths must show as
/// written and never become markup.
public enum HTMLEscaping {
    /// Text between tags: `&`, `<` and `>`.
    public static func text(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// A quoted attribute value: also both quotes, so the value works inside `"…"` or `'…'`.
    public static func attribute(_ text: String) -> String {
        escape(text, quotes: true)
    }

    /// Control characters (C0 other than tab, LF and CR; DEL; C1) are parse errors in HTML and
    /// browsers treat them differently; they become U+FFFD so what the reader sees is predictable.
    private static func escape(_ text: String, quotes: Bool) -> String {
        var output = ""
        output.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            case "'" where quotes: output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                output.unicodeScalars.append("\u{FFFD}")
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
