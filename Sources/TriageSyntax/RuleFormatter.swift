/// Prints a parsed rule file in the one canonical layout described in docs/fmt.md, keeping
/// every comment. Only files without syntax errors are formatted: the tree of a broken file
/// misses what the parser skipped, and printing it would drop that text.
///
/// The layout depends only on the tree, the comments and where the author left blank lines,
/// never on the author's indentation or line breaks; that is what makes it idempotent.
/// Grammar areas live in the `RuleFormatter+…` extensions.
public struct RuleFormatter {
    /// Lines longer than this are wrapped where the layout allows it.
    public static let lineWidth = 100
    static let indentWidth = 2

    /// Why a file was not formatted.
    public enum Failure: Error, Sendable {
        /// The file does not parse; nothing was formatted.
        case syntaxErrors([Diagnostic])
        /// The formatter produced text that would lose a comment or not parse: a bug, and the
        /// reason the file must be left as it is.
        case internalError(String)
    }

    let file: RuleFile
    /// The file's tokens again: the tree keeps no spans for keywords and parentheses, and
    /// comments are placed relative to those.
    let tokens: [Token]
    let bytes: [UInt8]

    init(file: RuleFile) {
        self.file = file
        var lexer = Lexer(file: file.source)
        self.tokens = lexer.tokenize()
        self.bytes = Array(file.source.text.utf8)
    }

    /// The canonical text of a file that parsed without errors.
    public static func format(_ file: RuleFile) -> String {
        let formatter = RuleFormatter(file: file)
        return render(formatter.formatFile())
    }

    /// Parses, formats and checks one file. The result is returned only when it parses
    /// without errors and holds every comment of the original.
    public static func format(_ source: SourceFile) -> Result<String, Failure> {
        let (file, diagnostics) = Parser.parse(source)
        if diagnostics.hasErrors { return .failure(.syntaxErrors(diagnostics)) }
        let formatted = format(file)
        if let problem = verify(original: file, formatted: formatted) {
            return .failure(.internalError(problem))
        }
        return .success(formatted)
    }

    /// Nil when `formatted` parses without errors and holds every comment of `original` (as
    /// many times as the original does); otherwise what is wrong.
    public static func verify(original: RuleFile, formatted: String) -> String? {
        let (reparsed, diagnostics) = Parser.parse(SourceFile(path: original.source.path, text: formatted))
        if let error = diagnostics.first(where: { $0.severity == .error }) {
            return "the formatted text does not parse: \(DiagnosticRenderer.oneLine(error))"
        }
        var remaining: [String: Int] = [:]
        for comment in reparsed.comments { remaining[commentText(comment), default: 0] += 1 }
        for comment in original.comments {
            let text = commentText(comment)
            guard let count = remaining[text], count > 0 else {
                let line = original.source.location(of: comment.span.start).line
                return "the comment on line \(line) ('#\(text)') is missing from the formatted text"
            }
            remaining[text] = count - 1
        }
        return nil
    }

    /// A comment's text as printed: trailing blanks are not kept.
    static func commentText(_ comment: Comment) -> String {
        var text = Substring(comment.text)
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return String(text)
    }

    static func render(_ lines: [Line]) -> String {
        lines.isEmpty ? "" : lines.map(\.text).joined(separator: "\n") + "\n"
    }
}

extension RuleFormatter {
    /// One output line: indentation, code, and an optional comment after it (or alone).
    struct Line: Equatable {
        var indent: Int
        var code: String
        var comment: String?

        static let blank = Line(indent: 0, code: "", comment: nil)

        var isBlank: Bool { code.isEmpty && comment == nil }
        /// Columns taken by the code; comments do not count, they may run past the limit.
        var width: Int { indent + code.count }

        var text: String {
            if isBlank { return "" }
            let pad = String(repeating: " ", count: indent)
            guard let comment else { return pad + code }
            return code.isEmpty ? pad + "#" + comment : pad + code + " #" + comment
        }
    }

    /// Collects output lines and decides where blank lines may go: never twice in a row,
    /// never at the start, never right after a line that opens a block.
    struct Printer {
        private(set) var lines: [Line] = []
        private var afterOpening = false

        mutating func blank() {
            guard let last = lines.last, !last.isBlank, !afterOpening else { return }
            lines.append(.blank)
        }

        mutating func add(_ line: Line, opensBlock: Bool = false) {
            lines.append(line)
            afterOpening = opensBlock
        }

        mutating func add(_ other: [Line]) {
            guard !other.isEmpty else { return }
            lines += other
            afterOpening = false
        }

        mutating func comment(_ text: String, indent: Int) {
            add(Line(indent: indent, code: "", comment: text))
        }

        /// Puts a trailing comment at the end of the last line. Comment placement gives an
        /// element at most one; should a line already have one, the comment goes below it.
        mutating func trail(_ text: String?) {
            guard let text else { return }
            if let last = lines.indices.last, lines[last].comment == nil, !lines[last].code.isEmpty {
                lines[last].comment = text
            } else {
                comment(text, indent: lines.last?.indent ?? 0)
            }
        }
    }

    /// An element printed on its own, before it is placed among its neighbours.
    struct Rendered {
        var lines: [Line]
        /// Comments from inside the element that have no place in its layout; they are
        /// printed on their own lines above it.
        var hoisted: [Comment]
        /// A declaration with a `{ … }` block over several lines: blank lines surround it.
        var isBlock = false
    }
}
