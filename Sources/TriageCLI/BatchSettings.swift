import Foundation
import TriageBatch
import TriageSupport

/// The options of `triage batch`, validated: the second stage after `ArgumentParser`.
struct BatchSettings {
    /// In order; "-" is standard input (at most once).
    var paths: [String]
    /// nil: by each file's extension.
    var format: BatchInputFormat?
    var textField: String
    var rules: [String]
    /// `--allow-outside-imports`: imports may leave the pack's directory.
    var allowOutsideImports: Bool
    var jobs: Int
    var ruleIDs: Bool
    var full: Bool
    /// Error records leave the exit code at 0.
    var allowErrors: Bool
    var quiet: Bool
    var showProgress: Bool
    /// `--time-budget`: how long one record may spend matching.
    var timeBudget: Duration
    /// `--now`: the day relative dates are counted from.
    var today: (year: Int, month: Int, day: Int)?

    init(_ parsed: ParsedArguments, io: CommandIO) throws(UsageError) {
        paths = parsed.positionals
        if paths.isEmpty {
            guard !io.stdinIsTerminal else {
                throw UsageError("missing FILE: give files to read, or pipe records to standard input")
            }
            paths = ["-"]
        }
        if paths.filter({ $0 == "-" }).count > 1 {
            throw UsageError("standard input ('-') can be read only once")
        }
        format = parsed.value(.input).flatMap(BatchInputFormat.init(rawValue:))
        textField = parsed.value(.textField) ?? "text"
        guard !textField.isEmpty else {
            throw UsageError("invalid value '' for '--text-field'. expected a field name")
        }
        rules = parsed.values(.rules)
        allowOutsideImports = parsed.flag(.allowOutsideImports)
        jobs = try JobsOption.parse(parsed.value(.jobs))
        timeBudget = try TimeBudgetOption.parse(parsed.value(.timeBudget))
        today = try NowOption.parse(parsed.value(.now))
        ruleIDs = parsed.flag(.ruleIds)
        full = parsed.flag(.full)
        allowErrors = parsed.flag(.allowErrors)
        quiet = parsed.flag(.quiet)
        showProgress = !quiet && !parsed.flag(.noProgress)
    }

    /// Why `path` cannot be read, or nil when it can: checked before any work, so a typo in
    /// the tenth file name does not cost a run over the first nine.
    static func unreadable(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        return FileManager.default.isReadableFile(atPath: path) ? nil : "permission denied"
    }
}
