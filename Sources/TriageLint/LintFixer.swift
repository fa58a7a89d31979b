import TriageEngine
import TriageSyntax

/// `triage lint --fix`: applies the fixes lint is certain of (a duplicate word removed, a
/// capital lowered, punctuation trimmed, a spelling variant replaced, a misspelt name with
/// one close candidate corrected), pass after pass until none is left, then formats. Works
/// on texts in memory; the caller writes them or shows the diff.
public enum LintFixer {
    public struct FileChange: Sendable {
        public let path: String
        public let old: String
        public let new: String
    }

    public struct Outcome: Sendable {
        /// Files whose text changed, in path order.
        public let changes: [FileChange]
        /// How many fixes were applied.
        public let applied: Int
    }

    /// Passes at most: each fix can make another (a replaced variant duplicating a word).
    static let maximumPasses = 5

    /// `pack` as loaded from disk; only its files on disk (not embedded ones) are changed.
    public static func fix(_ pack: LoadedRulePack, embeddedPacks: [EmbeddedPack] = []) -> Outcome {
        let editable = pack.files.filter { !$0.source.path.hasPrefix(EmbeddedPack.importScheme) }
        var texts = Dictionary(editable.map { ($0.source.path, $0.source.text) }, uniquingKeysWith: { first, _ in first })
        let originals = texts
        var applied = 0
        for _ in 0..<maximumPasses {
            // Imports resolve among the texts being fixed, and embedded packs by name.
            let current = RulePackLoader.load(embedded: texts.map { (path: $0.key, contents: $0.value) }, root: "", embeddedPacks: embeddedPacks)
            let findings = Linter.lint(current).diagnostics.filter { $0.fix != nil && texts[$0.file?.path ?? ""] != nil }
            guard !findings.isEmpty else { break }
            var appliedThisPass = 0
            for (path, fileFindings) in Dictionary(grouping: findings, by: { $0.file!.path }) {
                var bytes = Array(texts[path]!.utf8)
                var lowest = Int.max
                // Right to left, so earlier spans keep their offsets; overlapping fixes wait a pass.
                for fix in fileFindings.compactMap(\.fix).sorted(by: { $0.span.start > $1.span.start }) {
                    guard fix.span.end <= lowest, fix.span.end <= bytes.count else { continue }
                    bytes.replaceSubrange(fix.span.start..<fix.span.end, with: Array(fix.replacement.utf8))
                    lowest = fix.span.start
                    appliedThisPass += 1
                }
                texts[path] = String(decoding: bytes, as: UTF8.self)
            }
            applied += appliedThisPass
            if appliedThisPass == 0 { break }
        }
        var changes: [FileChange] = []
        for path in texts.keys.sorted() {
            var text = texts[path]!
            if case .success(let formatted) = RuleFormatter.format(SourceFile(path: path, text: text)) { text = formatted }
            if text != originals[path] { changes.append(FileChange(path: path, old: originals[path]!, new: text)) }
        }
        return Outcome(changes: changes, applied: applied)
    }
}
