import TriageEngine
import TriageLint
import TriageSyntax

/// One pack as the editor sees it: its files (open documents instead of what is on disk),
/// every parse, compile and lint diagnostic, and its symbols.
public struct PackAnalysis: Sendable {
    public let pack: LoadedRulePack
    public let diagnostics: [Diagnostic]
    public let symbols: PackSymbols
    /// Each loaded file by its path, with its line table.
    public let files: [String: (file: RuleFile, lines: LineTable)]

    public init(pack: LoadedRulePack) {
        self.pack = pack
        self.diagnostics = Linter.lint(pack).diagnostics
        self.symbols = PackSymbols(files: pack.files)
        var files: [String: (file: RuleFile, lines: LineTable)] = [:]
        for file in pack.files { files[file.source.path] = (file, LineTable(file.source.text)) }
        self.files = files
    }

    /// The pack in `directory` (as `--rules DIR` loads it), `overlay` (canonical path → text)
    /// taking precedence over the disk.
    public static func directory(_ directory: String, overlay: [String: String]) -> PackAnalysis {
        PackAnalysis(pack: RulePackLoader.load(paths: [directory], overlay: overlay))
    }

    /// A document that is not a file (`untitled:`): a pack of its own.
    public static func standalone(path: String, text: String) -> PackAnalysis {
        PackAnalysis(pack: RulePackLoader.load(embedded: [(path, text)], root: ""))
    }

    /// Diagnostics that belong to no file of the pack (a directory without rule files, …).
    public var packDiagnostics: [Diagnostic] {
        diagnostics.filter { diagnostic in diagnostic.file.map { files[$0.path] == nil } ?? true }
    }

    public func lines(of path: String) -> LineTable? { files[path]?.lines }
}
