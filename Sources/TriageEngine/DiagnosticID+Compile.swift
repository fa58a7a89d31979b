import TriageSyntax

// The ids the loader and the compiler emit, in catalogue order. The compiler also emits
// syntax ids (`nesting-too-deep`, `invalid-setting`, `invalid-spelling`); those are declared once,
// in TriageSyntax.
extension DiagnosticID {
    // Reading files.
    public static let cannotRead = DiagnosticID("cannot-read", summary: "a path that does not exist, cannot be read, or is a directory where a file was expected")
    public static let noRuleFiles = DiagnosticID("no-rule-files", summary: "a directory given with --rules holds no '.rules' file")
    public static let importNotFound = DiagnosticID("import-not-found", summary: "an import names a file or embedded pack that does not exist")
    public static let importCycle = DiagnosticID("import-cycle", summary: "files import each other in a loop")
    public static let importTooDeep = DiagnosticID("import-too-deep", summary: "imports nested more than 32 levels")
    public static let importOutsideRoot = DiagnosticID("import-outside-root", summary: "an import or a symbolic link reads a file outside the pack's directory")
    public static let symlinkLoop = DiagnosticID("symlink-loop", summary: "a symbolic link that can never be resolved")
    public static let tooManyRuleFiles = DiagnosticID("too-many-rule-files", summary: "a directory holds more than 10,000 rule files")
    public static let fileTooLarge = DiagnosticID("file-too-large", summary: "a rule file over 8 MiB")
    public static let binaryFile = DiagnosticID("binary-file", summary: "a rule file contains a NUL byte")
    public static let invalidUTF8 = DiagnosticID("invalid-utf8", summary: "a rule file that is not valid UTF-8")
    public static let emptyRuleFile = DiagnosticID("empty-rule-file", summary: "a rule file with no declarations")

    // Limits.
    public static let tooManyRules = DiagnosticID("too-many-rules", summary: "the pack has more than 50,000 rules")
    public static let tooManyPatterns = DiagnosticID("too-many-patterns", summary: "the pack has more than 100,000 distinct patterns")

    // Meaning.
    public static let duplicateDefinition = DiagnosticID("duplicate-definition", summary: "the same name defined, overridden or configured twice")
    public static let nothingToOverride = DiagnosticID("nothing-to-override", summary: "an override of something no other file declares")
    public static let precedenceCycle = DiagnosticID("precedence-cycle", summary: "categories that outrank each other in a circle")
    public static let undefinedName = DiagnosticID("undefined-name", summary: "a name that is not defined")
    public static let definitionCycle = DiagnosticID("definition-cycle", summary: "definitions that refer to each other in a loop")
    public static let notAPattern = DiagnosticID("not-a-pattern", summary: "a condition where a pattern is needed")
    public static let impossibleCount = DiagnosticID("impossible-count", summary: "'at least N of' a list of fewer than N items")
    public static let invalidRegex = DiagnosticID("invalid-regex", summary: "a regex PCRE2 rejects")
    public static let unknownSpeaker = DiagnosticID("unknown-speaker", summary: "a speaker other than customer, agent and any")
    public static let unknownNormalizer = DiagnosticID("unknown-normalizer", summary: "an entity kind that is not a known normaliser")
    public static let unknownSetting = DiagnosticID("unknown-setting", summary: "a setting that does not exist")
    public static let categoryWithoutPlaybook = DiagnosticID("category-without-playbook", summary: "a category with no playbook")
    public static let emptyPlaybook = DiagnosticID("empty-playbook", summary: "a playbook with no step")
    public static let unknownTemplateEntity = DiagnosticID("unknown-template-entity", summary: "a placeholder naming an entity nothing captures")
    public static let invalidTemplate = DiagnosticID("invalid-template", summary: "a malformed placeholder in playbook text")

    /// Every id TriageEngine declares, in catalogue order.
    public static let compileIDs: [DiagnosticID] = [
        .cannotRead, .noRuleFiles, .importNotFound, .importCycle, .importTooDeep, .importOutsideRoot, .symlinkLoop, .tooManyRuleFiles,
        .fileTooLarge, .binaryFile, .invalidUTF8, .emptyRuleFile,
        .tooManyRules, .tooManyPatterns,
        .duplicateDefinition, .nothingToOverride, .precedenceCycle, .undefinedName, .definitionCycle, .notAPattern, .impossibleCount,
        .invalidRegex, .unknownSpeaker, .unknownNormalizer, .unknownSetting, .categoryWithoutPlaybook, .emptyPlaybook,
        .unknownTemplateEntity, .invalidTemplate,
    ]
}
