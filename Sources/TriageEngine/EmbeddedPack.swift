/// A rule pack built into the binary, importable by name: `import "triage:ecommerce"`.
public struct EmbeddedPack: Sendable {
    public let name: String
    public let version: String
    /// Paths relative to the pack's root, with `/` separators, and contents.
    public let files: [(path: String, contents: String)]

    public init(name: String, version: String, files: [(path: String, contents: String)]) {
        self.name = name
        self.version = version
        self.files = files
    }

    /// The prefix an import names an embedded pack with.
    public static let importScheme = "triage:"

    /// The virtual directory the pack's files are reported under: `triage:ecommerce`.
    public var root: String { EmbeddedPack.importScheme + name }

    /// How many rules the pack declares (for `triage pack list`).
    public var ruleCount: Int {
        RulePackLoader.load(embedded: files, root: root).files.reduce(0) { count, file in
            count + file.declarations.filter { if case .rule = $0 { return true } else { return false } }.count
        }
    }
}
