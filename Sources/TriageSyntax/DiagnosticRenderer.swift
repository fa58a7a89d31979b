import TriageSupport

/// Renders diagnostics like a compiler: header, location, the source line and a caret
/// under the exact span, then notes and a hint. Colour is a separate decorator. Messages, paths
/// and source lines quote rule files, so they are printed through ``TerminalText``: a control
/// character in a rule file shows as `\u{1B}`, never reaches the terminal.
public struct DiagnosticRenderer: Sendable {
    /// Colour hooks; the default leaves text plain so tests compare plain text.
    public struct Decorator: Sendable {
        public var error: @Sendable (String) -> String = { $0 }
        public var warning: @Sendable (String) -> String = { $0 }
        public var note: @Sendable (String) -> String = { $0 }
        public var emphasis: @Sendable (String) -> String = { $0 }
        public var gutter: @Sendable (String) -> String = { $0 }
        public init() {}
        public static let plain = Decorator()
    }

    public var decorator: Decorator

    public init(decorator: Decorator = .plain) {
        self.decorator = decorator
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var lines: [String] = []
        // Notes and hints line up with the gutter of the widest line number shown.
        let widths = ([diagnostic.location?.line] + diagnostic.notes.map { note in note.span.flatMap { span in note.file?.location(of: span.start).line } })
            .compactMap { $0 }.map { String($0).count }
        let pad = String(repeating: " ", count: widths.max() ?? 1)
        let severityText: String
        switch diagnostic.severity {
        case .error: severityText = decorator.error("error[\(diagnostic.id)]")
        case .warning: severityText = decorator.warning("warning[\(diagnostic.id)]")
        case .note: severityText = decorator.note("note[\(diagnostic.id)]")
        }
        lines.append(severityText + decorator.emphasis(": " + TerminalText.escaped(diagnostic.message)))
        lines += excerpt(file: diagnostic.file, span: diagnostic.span, arrow: "-->")
        for note in diagnostic.notes {
            if let file = note.file, let span = note.span {
                lines.append(decorator.note("note") + ": " + TerminalText.escaped(note.message))
                lines += excerpt(file: file, span: span, arrow: "-->")
            } else {
                lines.append(decorator.gutter("\(pad) = ") + "note: " + TerminalText.escaped(note.message))
            }
        }
        if let hint = diagnostic.hint {
            lines.append(decorator.gutter("\(pad) = ") + "hint: " + TerminalText.escaped(hint))
        }
        return lines.joined(separator: "\n")
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { render($0) + "\n" }.joined(separator: "\n")
    }

    /// One-line form for logs and summaries: `file:line:col: error[id]: message`.
    public static func oneLine(_ diagnostic: Diagnostic) -> String {
        TerminalText.escaped("\(diagnostic.locationDescription): \(diagnostic.severity.rawValue)[\(diagnostic.id)]: \(diagnostic.message)")
    }

    private func excerpt(file: SourceFile?, span: SourceSpan?, arrow: String) -> [String] {
        guard let file else { return [] }
        guard let span else { return [decorator.gutter(" \(arrow) ") + TerminalText.escaped(file.path)] }
        let start = file.location(of: span.start)
        let lineNumber = String(start.line)
        let pad = String(repeating: " ", count: lineNumber.count)
        let sourceLine = file.lineText(start.line)
        // The underline stops at the end of the first line of a multi-line span.
        let end = file.location(of: span.end)
        let lineLength = sourceLine.count
        let lastColumn = end.line == start.line ? end.column : lineLength + 1
        let width = max(1, min(lastColumn, lineLength + 1) - start.column)
        // Copy tabs from the source line so the caret lines up under it; a character shown
        // as an escape takes as many columns as its escape.
        let shownBefore = TerminalText.escaped(sourceLine.prefix(start.column - 1), keepingTabs: true)
        let prefix = String(shownBefore.map { $0 == "\t" ? "\t" : " " })
        let spanEnd = min(sourceLine.count, start.column - 1 + width)
        let pastTheEnd = start.column - 1 + width - spanEnd
        let underlined = TerminalText.escaped(sourceLine.prefix(spanEnd), keepingTabs: true).count - shownBefore.count + pastTheEnd
        let caret = "^" + String(repeating: "~", count: max(1, underlined) - 1)
        return [
            decorator.gutter("\(pad) \(arrow) ") + TerminalText.escaped("\(file.path):\(start.line):\(start.column)"),
            decorator.gutter("\(pad) |"),
            decorator.gutter("\(lineNumber) | ") + TerminalText.escaped(sourceLine, keepingTabs: true),
            decorator.gutter("\(pad) | ") + prefix + decorator.emphasis(caret),
        ]
    }
}
