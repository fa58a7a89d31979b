/// One problem found in a rule file: a value with a stable id, never an exception.
public struct Diagnostic: Sendable, Error {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A secondary location that explains the main one ("first defined here").
    public struct Note: Sendable {
        public let message: String
        public let file: SourceFile?
        public let span: SourceSpan?

        public init(_ message: String, file: SourceFile? = nil, span: SourceSpan? = nil) {
            self.message = message
            self.file = file
            self.span = span
        }
    }

    /// A certain repair: replace the span of the diagnostic's file with this text
    /// (`triage lint --fix`, editor quick fixes). Only for fixes with one right answer.
    public struct Fix: Sendable, Hashable {
        public let span: SourceSpan
        public let replacement: String

        public init(span: SourceSpan, replacement: String) {
            self.span = span
            self.replacement = replacement
        }
    }

    /// Stable, kebab-case id, e.g. `unterminated-string`; catalogued in docs/diagnostics.md.
    public let id: DiagnosticID
    public let severity: Severity
    /// Lower case, no final full stop, user text quoted in '…'.
    public let message: String
    public let file: SourceFile?
    public let span: SourceSpan?
    public let hint: String?
    public let notes: [Note]
    public let fix: Fix?

    public init(id: DiagnosticID, severity: Severity, message: String, file: SourceFile?, span: SourceSpan?, hint: String? = nil, notes: [Note] = [],
                fix: Fix? = nil) {
        self.id = id
        self.severity = severity
        self.message = message
        self.file = file
        self.span = span
        self.hint = hint
        self.notes = notes
        self.fix = fix
    }

    public static func error(_ id: DiagnosticID, _ message: String, file: SourceFile?, span: SourceSpan?, hint: String? = nil, notes: [Note] = [],
                             fix: Fix? = nil) -> Diagnostic {
        Diagnostic(id: id, severity: .error, message: message, file: file, span: span, hint: hint, notes: notes, fix: fix)
    }

    /// The same finding at another severity.
    public func with(severity: Severity) -> Diagnostic {
        Diagnostic(id: id, severity: severity, message: message, file: file, span: span, hint: hint, notes: notes, fix: fix)
    }

    public static func warning(_ id: DiagnosticID, _ message: String, file: SourceFile?, span: SourceSpan?, hint: String? = nil, notes: [Note] = []) -> Diagnostic {
        Diagnostic(id: id, severity: .warning, message: message, file: file, span: span, hint: hint, notes: notes)
    }

    public var location: SourceLocation? {
        guard let file, let span else { return nil }
        return file.location(of: span.start)
    }

    /// `path:line:col` or just the path when there is no span.
    public var locationDescription: String {
        guard let file else { return "<input>" }
        guard let location else { return file.path }
        return "\(file.path):\(location.line):\(location.column)"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then position, then id, so output is stable.
    public func sortedForDisplay() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let left = (a.element.file?.path ?? "", a.element.span?.start ?? -1)
            let right = (b.element.file?.path ?? "", b.element.span?.start ?? -1)
            if left != right { return left < right }
            return a.offset < b.offset
        }.map(\.element)
    }
}
