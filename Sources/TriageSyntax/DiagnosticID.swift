/// A diagnostic's stable, kebab-case id (`unterminated-string`) with its one-line summary for
/// the catalogue. Every id is a static constant declared once, next to the module that emits
/// it (syntax ids here, compile ids in TriageEngine, lint ids in TriageLint), so a call site
/// names `.unterminatedString` and a typo does not compile. Scripts, suppression comments,
/// `lint { … }` blocks and baselines see `rawValue`; text written by users is looked up in
/// `DiagnosticID.all` (TriageLint), never turned into an id directly.
public struct DiagnosticID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The id as printed and documented, e.g. `unterminated-string`.
    public let rawValue: String
    /// One line for docs/diagnostics.md: what the id reports, lower case, no final full stop.
    public let summary: String

    /// For the static constants only; build each id once and refer to the constant.
    public init(_ rawValue: String, summary: String) {
        self.rawValue = rawValue
        self.summary = summary
    }

    public var description: String { rawValue }

    public static func == (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public static func < (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.rawValue < rhs.rawValue }
}

// The ids the lexer and the parser emit, in catalogue order.
extension DiagnosticID {
    // Lexical.
    public static let unterminatedString = DiagnosticID("unterminated-string", summary: "a string has no closing '\"' on its line")
    public static let invalidEscape = DiagnosticID("invalid-escape", summary: "a string escape other than '\\\"', '\\\\', '\\n' and '\\t'")
    public static let unterminatedRegex = DiagnosticID("unterminated-regex", summary: "a regex literal has no closing '/' on its line")
    public static let emptyRegex = DiagnosticID("empty-regex", summary: "an empty regex literal '//'")
    public static let unknownRegexFlag = DiagnosticID("unknown-regex-flag", summary: "a regex flag other than i, s, x, m and n")
    public static let curlyQuote = DiagnosticID("curly-quote", summary: "a curly quote where a straight double quote belongs")
    public static let invalidCharacter = DiagnosticID("invalid-character", summary: "a character that cannot start any token")

    // Syntax.
    public static let expectedDeclaration = DiagnosticID("expected-declaration", summary: "a top-level line that does not start a declaration")
    public static let expectedToken = DiagnosticID("expected-token", summary: "something required is missing or wrong")
    public static let unexpectedToken = DiagnosticID("unexpected-token", summary: "a block contains something it does not hold")
    public static let unclosedBlock = DiagnosticID("unclosed-block", summary: "a '{' that is never closed")
    public static let duplicateClause = DiagnosticID("duplicate-clause", summary: "a clause given twice in one rule, category or playbook item")
    public static let missingCondition = DiagnosticID("missing-condition", summary: "a rule without 'when'")
    public static let invalidName = DiagnosticID("invalid-name", summary: "a malformed name or category id, a keyword used as a name, or an unquoted word")
    public static let emptyPhrase = DiagnosticID("empty-phrase", summary: "an empty or blank phrase")
    public static let emptyExample = DiagnosticID("empty-example", summary: "a rule example whose message is empty or blank")
    public static let emptyWordList = DiagnosticID("empty-word-list", summary: "an empty word list")
    public static let unknownModifier = DiagnosticID("unknown-modifier", summary: "a word-list modifier other than case-sensitive, fuzzy and gap")
    public static let duplicateModifier = DiagnosticID("duplicate-modifier", summary: "a word-list modifier written twice")
    public static let invalidGap = DiagnosticID("invalid-gap", summary: "'gap' without a whole number from 1 to 5")
    public static let invalidSpelling = DiagnosticID("invalid-spelling", summary: "a line of a spelling block that cannot be used")
    public static let unknownChannel = DiagnosticID("unknown-channel", summary: "a step channel other than self_service, chat, phone and email")
    public static let nestingTooDeep = DiagnosticID("nesting-too-deep", summary: "an expression or a chain of definitions nested too deep")
    public static let emptyOverride = DiagnosticID("empty-override", summary: "an override of a rule that changes nothing")
    public static let invalidSetting = DiagnosticID("invalid-setting", summary: "a setting or lint severity with a value out of range")

    /// Every id TriageSyntax declares, in catalogue order.
    public static let syntaxIDs: [DiagnosticID] = [
        .unterminatedString, .invalidEscape, .unterminatedRegex, .emptyRegex, .unknownRegexFlag, .curlyQuote, .invalidCharacter,
        .expectedDeclaration, .expectedToken, .unexpectedToken, .unclosedBlock, .duplicateClause, .missingCondition, .invalidName,
        .emptyPhrase, .emptyExample, .emptyWordList, .unknownModifier, .duplicateModifier, .invalidGap, .invalidSpelling, .unknownChannel,
        .nestingTooDeep, .emptyOverride, .invalidSetting,
    ]
}
