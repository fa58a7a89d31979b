import TriageSupport
import TriageSyntax

extension DiagnosticRenderer {
    /// The compiler-style renderer in a terminal's colours (plain with ``TerminalStyle/plain``).
    public static func styled(_ style: TerminalStyle) -> DiagnosticRenderer {
        var decorator = DiagnosticRenderer.Decorator()
        decorator.error = { style.bold(style.red($0)) }
        decorator.warning = { style.bold(style.yellow($0)) }
        decorator.note = { style.bold(style.cyan($0)) }
        decorator.emphasis = { style.bold($0) }
        decorator.gutter = { style.blue($0) }
        return DiagnosticRenderer(decorator: decorator)
    }
}
