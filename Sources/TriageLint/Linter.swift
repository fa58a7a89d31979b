import Foundation
import TriageEngine
import TriageSyntax

/// Runs the compiler and every lint check over a pack, then drops findings suppressed by a
/// `# triage-ignore: ID` comment on their line or the line before.
public enum Linter {
    public static let checks: [LintCheck] = [
        .unusedDefinition, .unusedPlaybook, .unusedSignal, .categoryWithoutRule, .uncapturedEntity,
        .ruleNeverFires, .shadowedRule, .conflictingPattern,
        .uppercaseInCaselessList, .duplicateWord, .spellingVariantInList, .punctuationInWord,
        .regexMatchesEmpty, .catastrophicBacktracking, .slowAtEveryPosition, .caseSensitiveRegex, .unmatchableBoundary, .noPrefilterLiteral,
        .ruleWithoutExample,
    ]

    public struct Result: Sendable {
        /// Compile diagnostics and lint findings, sorted by file and position.
        public let diagnostics: [Diagnostic]
        /// Findings hidden by suppression comments.
        public let suppressed: Int
        /// Findings of checks the pack's `lint { disable … }` turned off.
        public var disabled = 0
        /// Findings hidden because `--baseline` lists them.
        public var inBaseline = 0

        public init(diagnostics: [Diagnostic], suppressed: Int, disabled: Int = 0, inBaseline: Int = 0) {
            self.diagnostics = diagnostics
            self.suppressed = suppressed
            self.disabled = disabled
            self.inBaseline = inBaseline
        }
        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
    }

    public static func lint(_ pack: LoadedRulePack, checks: [LintCheck] = Linter.checks) -> Result {
        let (ruleSet, compileDiagnostics, patterns) = RulePackCompiler.compileKeepingPatterns(pack)
        let context = LintContext(pack: pack, ruleSet: ruleSet, patterns: patterns)
        let configuration = LintConfiguration(context: context, known: Linter.checks.map(\.id),
                                              offByDefault: Set(Linter.checks.filter { !$0.onByDefault }.map(\.id)))
        var findings: [Diagnostic] = []
        for check in checks where !configuration.isDormant(check.id) { findings += check.check(context) }
        let suppressions = Suppressions(pack: pack)
        let unsuppressed = findings.filter { !suppressions.covers($0) }
        // The pack's `lint { … }` blocks: disabled checks dropped, severities changed.
        let kept = unsuppressed.compactMap(configuration.apply)
        var diagnostics = compileDiagnostics + kept + configuration.problems + suppressions.unknownIDs(known: Set(checks.map(\.id)))
        diagnostics = diagnostics.sortedForDisplay()
        return Result(diagnostics: diagnostics, suppressed: findings.count - unsuppressed.count, disabled: unsuppressed.count - kept.count)
    }
}

/// `# triage-ignore: id, id` comments, by file and line.
struct Suppressions {
    static let marker = "triage-ignore:"
    private var byLine: [String: [Int: Set<DiagnosticID>]] = [:]
    private var comments: [(file: SourceFile, comment: Comment, ids: [String])] = []

    init(pack: LoadedRulePack) {
        for ruleFile in pack.files {
            for comment in ruleFile.comments {
                guard let range = comment.text.range(of: Suppressions.marker) else { continue }
                let ids = comment.text[range.upperBound...].split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let line = ruleFile.source.location(of: comment.span.start).line
                // An own-line comment covers the next line; a trailing one its own line.
                let target = comment.isOwnLine ? line + 1 : line
                let named = ids.compactMap(DiagnosticID.named)
                byLine[ruleFile.source.path, default: [:]][target, default: []].formUnion(named)
                if comment.isOwnLine { byLine[ruleFile.source.path, default: [:]][line, default: []].formUnion(named) }
                comments.append((ruleFile.source, comment, ids))
            }
        }
    }

    func covers(_ diagnostic: Diagnostic) -> Bool {
        guard let file = diagnostic.file, let location = diagnostic.location else { return false }
        return byLine[file.path]?[location.line]?.contains(diagnostic.id) == true
    }

    /// A suppression naming an id no check has is most likely a typo.
    func unknownIDs(known: Set<DiagnosticID>) -> [Diagnostic] {
        comments.flatMap { entry in
            entry.ids.filter { DiagnosticID.named($0).map(known.contains) != true }.map { id in
                Diagnostic.warning(.unknownSuppression, "'\(id)' in a suppression comment is not a lint check", file: entry.file, span: entry.comment.span,
                                   hint: "lint checks are listed by 'triage lint --list'")
            }
        }
    }
}
