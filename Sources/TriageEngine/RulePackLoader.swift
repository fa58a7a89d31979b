import Foundation
import TriageSyntax

/// Reads rule files from disk or from the embedded pack, parses them, and follows imports,
/// reporting missing files, invalid UTF-8, import cycles, symlink loops and imports that
/// leave the pack's root, with locations.
public struct RulePackLoader {
    /// Where files come from: the file system, or an in-memory set (the shipped pack).
    enum Storage {
        /// The file system; `overlay` maps absolute paths to texts that replace (or add to)
        /// what is on disk, as an editor's unsaved buffers do.
        case disk(overlay: [String: String])
        case memory([String: String])
    }

    private let storage: Storage
    private var loaded: [String: Int] = [:]
    private var files: [RuleFile] = []
    private var diagnostics: [Diagnostic] = []
    /// Canonical paths of the files being loaded, to detect import cycles.
    private var stack: [String] = []
    /// Canonical directory that imports must stay in: that of the path given to --rules.
    private var root: String?
    private let allowOutsideImports: Bool
    /// Packs `import "triage:NAME"` can name.
    private let embeddedPacks: [EmbeddedPack]
    /// Embedded packs already imported, each loaded once however often it is named.
    private var importedPacks: Set<String> = []

    init(storage: Storage, allowOutsideImports: Bool = false, embeddedPacks: [EmbeddedPack] = []) {
        self.storage = storage
        self.allowOutsideImports = allowOutsideImports
        self.embeddedPacks = embeddedPacks
    }

    /// Loads rule files and directories (every `*.rules` file below them, in path order).
    /// An import may only read below the directory given, or the directory of the file
    /// given, unless `allowOutsideImports`: a pack from elsewhere cannot pull in arbitrary files.
    /// `embeddedPacks` are the packs `import "triage:NAME"` may name.
    public static func load(paths: [String], allowOutsideImports: Bool = false, embeddedPacks: [EmbeddedPack] = []) -> LoadedRulePack {
        load(paths: paths, allowOutsideImports: allowOutsideImports, overlay: [:], embeddedPacks: embeddedPacks)
    }

    /// Like `load(paths:)`, with `overlay` (absolute path → text) read instead of the disk: the
    /// language server's open documents, saved or not. An overlay file below a directory given
    /// is part of the pack even when it is not on disk yet.
    public static func load(paths: [String], allowOutsideImports: Bool = false, overlay: [String: String],
                            embeddedPacks: [EmbeddedPack] = []) -> LoadedRulePack {
        var loader = RulePackLoader(storage: .disk(overlay: overlay), allowOutsideImports: allowOutsideImports, embeddedPacks: embeddedPacks)
        for path in paths {
            loader.loadTopLevel(path)
        }
        return LoadedRulePack(files: loader.files, diagnostics: loader.diagnostics)
    }

    /// Loads an in-memory pack: `files` maps paths relative to `root` to contents.
    public static func load(embedded files: [(path: String, contents: String)], root: String, embeddedPacks: [EmbeddedPack] = []) -> LoadedRulePack {
        var contents: [String: String] = [:]
        for file in files { contents[root.isEmpty ? file.path : root + "/" + file.path] = file.contents }
        var loader = RulePackLoader(storage: .memory(contents), embeddedPacks: embeddedPacks)
        for path in contents.keys.sorted() {
            loader.loadFile(path, importedFrom: nil)
        }
        return LoadedRulePack(files: loader.files, diagnostics: loader.diagnostics)
    }

    private mutating func loadTopLevel(_ path: String) {
        var isDirectory: ObjCBool = false
        if case .disk(let overlay) = storage, overlay[path] != nil {
            root = canonical((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
            loadFile(path, importedFrom: nil)
            return
        }
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let loops = RulePackLoader.isSymlinkLoop(path)
            report(.error(loops ? .symlinkLoop : .cannotRead, loops ? "'\(path)' is a symbolic link that loops" : "no such file or directory '\(path)'",
                          file: SourceFile(path: path, text: ""), span: nil, hint: loops ? "point the link at a real file" : "check the path given to --rules"))
            return
        }
        guard isDirectory.boolValue else {
            root = canonical((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
            loadFile(path, importedFrom: nil)
            return
        }
        root = canonical(path)
        var walk = RuleFileWalker.walk(path, allowOutside: allowOutsideImports)
        diagnostics += walk.diagnostics
        if case .disk(let overlay) = storage, !overlay.isEmpty, let root {
            let onDisk = Set(walk.files.map { canonical($0) })
            let unsaved = overlay.keys.filter { $0.hasSuffix(".rules") && RulePackLoader.isInside($0, root) && !onDisk.contains(canonical($0)) }
            walk.files = (walk.files + unsaved).sorted()
        }
        if walk.files.isEmpty && walk.diagnostics.isEmpty {
            report(.error(.noRuleFiles, "no '.rules' files in directory '\(path)'", file: SourceFile(path: path, text: ""), span: nil))
        }
        if walk.files.count > RuleLimits.maximumRuleFiles {
            report(.error(.tooManyRuleFiles, "directory '\(path)' holds \(walk.files.count) rule files, more than \(RuleLimits.maximumRuleFiles)",
                          file: SourceFile(path: path, text: ""), span: nil, hint: "give --rules a smaller directory"))
            return
        }
        for file in walk.files {
            loadFile(file, importedFrom: nil)
        }
    }

    /// Whether `path` cannot be resolved because its symbolic links loop (ELOOP).
    static func isSymlinkLoop(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) != 0 && errno == ELOOP
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    private func canonical(_ path: String) -> String {
        switch storage {
        case .disk: return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        case .memory: return RulePackLoader.normalize(path)
        }
    }

    /// Removes `.` and `..` segments from a virtual path.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "." || (part.isEmpty && !parts.isEmpty) { continue }
            if part == "..", let last = parts.last, last != "..", !last.isEmpty { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    private enum ReadResult {
        case text(String)
        case failure(id: DiagnosticID, message: String, hint: String?)
        case invalidUTF8(lossy: String, offset: Int)
    }

    private func read(_ path: String) -> ReadResult {
        switch storage {
        case .memory(let contents):
            guard let text = contents[RulePackLoader.normalize(path)] else {
                return .failure(id: .cannotRead, message: "no such file '\(path)' in the rule pack", hint: nil)
            }
            return .text(text)
        case .disk(let overlay):
            if let text = overlay[path] ?? overlay[canonical(path)] { return .text(text) }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                if RulePackLoader.isSymlinkLoop(path) {
                    return .failure(id: .symlinkLoop, message: "'\(path)' is a symbolic link that loops", hint: "point the link at a real file")
                }
                return .failure(id: .cannotRead, message: "no such file '\(path)'", hint: nil)
            }
            if isDirectory.boolValue {
                return .failure(id: .cannotRead, message: "'\(path)' is a directory, not a rule file", hint: nil)
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                return .failure(id: .cannotRead, message: "cannot read '\(path)': permission denied or unreadable", hint: nil)
            }
            defer { try? handle.close() }
            let data: Data
            do {
                data = try handle.read(upToCount: RuleLimits.maximumRuleFileBytes + 1) ?? Data()
            } catch {
                return .failure(id: .cannotRead, message: "cannot read '\(path)': \(error.localizedDescription)", hint: nil)
            }
            if data.count > RuleLimits.maximumRuleFileBytes {
                return .failure(id: .fileTooLarge, message: "rule file '\(path)' is larger than \(RuleLimits.maximumRuleFileBytes >> 20) MiB", hint: "split it into several files")
            }
            if let nul = data.firstIndex(of: 0) {
                return .failure(id: .binaryFile, message: "'\(path)' looks like a binary file (NUL byte at offset \(nul - data.startIndex))", hint: "rule files are UTF-8 text")
            }
            if let text = String(validating: data, as: UTF8.self) {
                return .text(text)
            }
            return .invalidUTF8(lossy: String(decoding: data, as: UTF8.self), offset: RulePackLoader.firstInvalidUTF8Offset(in: data))
        }
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(in data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    private mutating func loadFile(_ givenPath: String, importedFrom: (file: SourceFile, span: SourceSpan)?) {
        // "rules/sub/../a.rules" is shown as "rules/a.rules".
        let path = RulePackLoader.normalize(givenPath)
        let key = canonical(path)
        if case .disk = storage, !allowOutsideImports, let importedFrom, let root, !RulePackLoader.isInside(key, root) {
            report(.error(.importOutsideRoot, "import '\(path)' is outside the rule pack's directory '\(root)'", file: importedFrom.file, span: importedFrom.span,
                          hint: "keep imported files inside the directory given to --rules, or pass --allow-outside-imports"))
            return
        }
        if let position = stack.firstIndex(of: key), let importedFrom {
            let cycle = (stack[position...].map { $0 } + [key]).map { displayName($0) }.joined(separator: " -> ")
            report(.error(.importCycle, "import cycle: \(cycle)", file: importedFrom.file, span: importedFrom.span, hint: "remove one of these imports; a directory given to --rules already loads every file in it"))
            return
        }
        if loaded[key] != nil { return }
        if stack.count >= RuleLimits.maximumImportDepth, let importedFrom {
            report(.error(.importTooDeep, "imports nested more than \(RuleLimits.maximumImportDepth) levels deep", file: importedFrom.file, span: importedFrom.span))
            return
        }
        let text: String
        switch read(path) {
        case .text(let contents):
            text = contents
        case .failure(let id, let message, let hint):
            if let importedFrom {
                report(.error(id == .cannotRead ? .importNotFound : id, message, file: importedFrom.file, span: importedFrom.span, hint: hint ?? "import paths are relative to the importing file"))
            } else {
                report(.error(id, message, file: SourceFile(path: path, text: ""), span: nil, hint: hint))
            }
            return
        case .invalidUTF8(let lossy, let offset):
            // Report where the bad byte is, from the valid prefix, and parse nothing.
            let source = SourceFile(path: path, text: lossy)
            // Up to the first bad byte the lossy text is byte-identical, so the offset holds.
            report(.error(.invalidUTF8, "rule file is not valid UTF-8", file: source, span: SourceSpan(start: offset, end: offset + 1), hint: "save the file as UTF-8"))
            loaded[key] = -1
            return
        }
        let source = SourceFile(path: path, text: text)
        let (ruleFile, parseDiagnostics) = Parser.parse(source)
        loaded[key] = files.count
        files.append(ruleFile)
        diagnostics += parseDiagnostics
        if ruleFile.declarations.isEmpty && parseDiagnostics.isEmpty {
            report(.warning(.emptyRuleFile, "rule file '\(path)' has no declarations", file: source, span: nil,
                            hint: "an empty pack answers every message with the fallback category"))
        }
        stack.append(key)
        for declaration in ruleFile.declarations {
            guard case .importFile(let importDeclaration) = declaration else { continue }
            let target = importDeclaration.path.value
            if target.hasPrefix(EmbeddedPack.importScheme) {
                importEmbedded(String(target.dropFirst(EmbeddedPack.importScheme.count)), from: (source, importDeclaration.path.span))
                continue
            }
            let resolved = target.hasPrefix("/") ? target : source.directory + "/" + target
            loadFile(resolved, importedFrom: (source, importDeclaration.path.span))
        }
        stack.removeLast()
    }

    /// `import "triage:ecommerce"`: every file of the embedded pack, under `triage:ecommerce/`.
    private mutating func importEmbedded(_ name: String, from importedFrom: (file: SourceFile, span: SourceSpan)) {
        guard let pack = embeddedPacks.first(where: { $0.name == name }) else {
            let names = embeddedPacks.map(\.name)
            let suggestion = Parser.closestName(name, among: names)
            report(.error(.importNotFound, "no embedded pack '\(name)'", file: importedFrom.file, span: importedFrom.span,
                          hint: suggestion.map { "did you mean 'triage:\($0)'?" }
                            ?? (names.isEmpty ? "this program has no embedded packs" : "embedded packs: " + names.map { "'triage:\($0)'" }.joined(separator: ", "))))
            return
        }
        guard importedPacks.insert(name).inserted else { return }
        let loaded = RulePackLoader.load(embedded: pack.files, root: pack.root)
        files += loaded.files
        diagnostics += loaded.diagnostics
    }

    static func isInside(_ path: String, _ directory: String) -> Bool {
        directory == "/" || path == directory || path.hasPrefix(directory + "/")
    }

    private func displayName(_ canonicalPath: String) -> String {
        canonicalPath.split(separator: "/").last.map(String.init) ?? canonicalPath
    }
}
