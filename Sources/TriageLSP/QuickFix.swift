import TriageSyntax

/// The edit that fixes a diagnostic when the fix is obvious: a did-you-mean name, a capital
/// in a list that ignores case, a duplicate word, punctuation at a word's edge, a missing
/// `i` flag. Nil when the fix needs a decision.
public struct QuickFix: Sendable, Equatable {
    public let title: String
    /// UTF-8 range of the diagnostic's file and the text to put there.
    public let span: SourceSpan
    public let newText: String

    public static func fix(for diagnostic: Diagnostic) -> QuickFix? {
        guard let file = diagnostic.file, let span = diagnostic.span, let hint = diagnostic.hint else { return nil }
        let written = file.text(of: span)
        switch diagnostic.id {
        case .undefinedName, .unknownSetting:
            guard let name = quoted(after: "did you mean '", in: hint), written.utf8.allSatisfy(isNameByteOrDot) else { return nil }
            return QuickFix(title: "change '\(written)' to '\(name)'", span: span, newText: name)
        case .uppercaseInCaselessList:
            return QuickFix(title: "write '\(written.lowercased())'", span: span, newText: written.lowercased())
        case .duplicateWord:
            return QuickFix(title: "remove the duplicate '\(written)'", span: withSpaceBefore(span, in: file), newText: "")
        case .punctuationInWord, .spellingVariantInList:
            if hint.hasPrefix("remove the entry") {
                return QuickFix(title: "remove '\(written)'", span: withSpaceBefore(span, in: file), newText: "")
            }
            guard let fixed = quoted(after: "write '", in: hint) else { return nil }
            let needsQuotes = written.hasPrefix("\"") || !fixed.utf8.allSatisfy { PackSymbols.isNameByte($0) || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "-") }
            let text = needsQuotes ? "\"" + fixed.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" : fixed
            return QuickFix(title: "write \(text)", span: span, newText: text)
        case .caseSensitiveRegex:
            guard written.hasPrefix("/"), let slash = written.lastIndex(of: "/"), slash != written.startIndex else { return nil }
            let text = written[...slash] + "i" + written[written.index(after: slash)...]
            return QuickFix(title: "add the 'i' flag", span: span, newText: String(text))
        default:
            return nil
        }
    }

    /// The text between `prefix` and the next `'` in a hint.
    static func quoted(after prefix: String, in hint: String) -> String? {
        guard let start = hint.range(of: prefix) else { return nil }
        let rest = hint[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        let text = String(rest[..<end])
        return text.isEmpty ? nil : text
    }

    static func isNameByteOrDot(_ byte: UInt8) -> Bool { PackSymbols.isNameByte(byte) || byte == UInt8(ascii: ".") }

    /// The span widened over the spaces before it, so removing an entry leaves no double space.
    static func withSpaceBefore(_ span: SourceSpan, in file: SourceFile) -> SourceSpan {
        let bytes = Array(file.text.utf8)
        var start = span.start
        while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
        return SourceSpan(start: start, end: span.end)
    }
}
