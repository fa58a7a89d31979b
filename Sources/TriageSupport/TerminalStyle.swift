#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ANSI styling as a separate decorator: renderers call it and stay plain-text testable
/// by passing ``plain``.
public struct TerminalStyle: Sendable, Equatable {
    public let isEnabled: Bool

    /// `auto` colours only a terminal, and respects `NO_COLOR` (when non-empty) and `TERM=dumb`.
    /// `always` wins over `NO_COLOR`, because an explicit flag is the user's latest word.
    public init(mode: ColorMode, isTerminal: Bool, environment: [String: String]) {
        switch mode {
        case .always:
            isEnabled = true
        case .never:
            isEnabled = false
        case .auto:
            let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            isEnabled = isTerminal && !noColor && environment["TERM"] != "dumb"
        }
    }

    private init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// Styling disabled: every method returns its input.
    public static let plain = TerminalStyle(isEnabled: false)

    // Each style ends with its own "off" code rather than a full reset (0), so nested styles
    // survive: in bold("a" + red("b") + "c"), "c" stays bold.
    public func bold(_ s: String) -> String { apply(on: 1, off: 22, s) }
    public func dim(_ s: String) -> String { apply(on: 2, off: 22, s) }
    public func red(_ s: String) -> String { apply(on: 31, off: 39, s) }
    public func green(_ s: String) -> String { apply(on: 32, off: 39, s) }
    public func yellow(_ s: String) -> String { apply(on: 33, off: 39, s) }
    public func blue(_ s: String) -> String { apply(on: 34, off: 39, s) }
    public func magenta(_ s: String) -> String { apply(on: 35, off: 39, s) }
    public func cyan(_ s: String) -> String { apply(on: 36, off: 39, s) }

    private func apply(on: Int, off: Int, _ s: String) -> String {
        guard isEnabled, !s.isEmpty else {
            return s
        }
        return "\u{1B}[\(on)m\(s)\u{1B}[\(off)m"
    }

    public static func isTerminal(fileDescriptor: Int32) -> Bool {
        isatty(fileDescriptor) != 0
    }

    /// The number of Characters a terminal shows, skipping escape sequences: CSI (`ESC [ … final`),
    /// OSC (`ESC ] … BEL` or `ESC ] … ESC \`, used for hyperlinks) and two-character escapes.
    public static func visibleWidth(_ s: String) -> Int {
        var characters = s[...]
        var width = 0
        // Every iteration consumes at least one Character, so the loop always ends.
        while let character = characters.popFirst() {
            guard character == "\u{1B}" else {
                width += 1
                continue
            }
            switch characters.popFirst() {
            case "[":
                // Parameters and intermediates, up to and including a final byte in @...~.
                while let next = characters.popFirst() {
                    if let ascii = next.asciiValue, (0x40...0x7E).contains(ascii) {
                        break
                    }
                }
            case "]":
                while let next = characters.popFirst() {
                    if next == "\u{07}" {
                        break
                    }
                    if next == "\u{1B}" {
                        if characters.first == "\\" {
                            characters.removeFirst()
                        }
                        break
                    }
                }
            default:
                break
            }
        }
        return width
    }
}
