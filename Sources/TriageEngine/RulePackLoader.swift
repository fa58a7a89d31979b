import Foundation
import TriageSyntax

/// Reads rule files from disk or from the embedded pack, parses them, and follows imports,
/// reporting missing files, invalid UTF-8 and import cycles with locations.
public struct RulePackLoader {
    /// Where files come from: the file system, or an in-memory set (the shipped pack).
    enum Storage {
        case disk
        case memory([String: String])
    }

    private let storage: Storage
    private var loaded: [String: Int] = [:]
    private var files: [RuleFile] = []
    private var diagnostics: [Diagnostic] = []
    /// Canonical paths of the files being loaded, to detect import cycles.
    private var stack: [String] = []

    init(storage: Storage) {
        self.storage = storage
    }

    /// Loads rule files and directories (every `*.rules` file below them, in path order).
    public static func load(paths: [String]) -> LoadedRulePack {
        var loader = RulePackLoader(storage: .disk)
        for path in paths {
            loader.loadTopLevel(path)
        }
        return LoadedRulePack(files: loader.files, diagnostics: loader.diagnostics)
    }

    /// Loads an in-memory pack: `files` maps paths relative to `root` to contents.
    public static func load(embedded files: [(path: String, contents: String)], root: String) -> LoadedRulePack {
        var contents: [String: String] = [:]
        for file in files { contents[root.isEmpty ? file.path : root + "/" + file.path] = file.contents }
        var loader = RulePackLoader(storage: .memory(contents))
        for path in contents.keys.sorted() {
            loader.loadFile(path, importedFrom: nil)
        }
        return LoadedRulePack(files: loader.files, diagnostics: loader.diagnostics)
    }

    private mutating func loadTopLevel(_ path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            report(.error("cannot-read", "no such file or directory '\(path)'", file: SourceFile(path: path, text: ""), span: nil, hint: "check the path given to --rules"))
            return
        }
        guard isDirectory.boolValue else {
            loadFile(path, importedFrom: nil)
            return
        }
        let found = RulePackLoader.ruleFiles(under: path)
        if found.isEmpty {
            report(.error("no-rule-files", "no '.rules' files in directory '\(path)'", file: SourceFile(path: path, text: ""), span: nil))
        }
        for file in found.prefix(RuleLimits.maximumRuleFiles) {
            loadFile(file, importedFrom: nil)
        }
    }

    static func ruleFiles(under directory: String) -> [String] {
        let base = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var result: [String] = []
        for case let url as URL in walker where url.pathExtension == "rules" {
            var relative = url.path
            if relative.hasPrefix(base.path + "/") { relative = String(relative.dropFirst(base.path.count + 1)) }
            result.append((directory.hasSuffix("/") ? directory : directory + "/") + relative)
        }
        return result.sorted()
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
        case failure(id: String, message: String, hint: String?)
        case invalidUTF8(lossy: String, offset: Int)
    }

    private func read(_ path: String) -> ReadResult {
        switch storage {
        case .memory(let contents):
            guard let text = contents[RulePackLoader.normalize(path)] else {
                return .failure(id: "cannot-read", message: "no such file '\(path)' in the rule pack", hint: nil)
            }
            return .text(text)
        case .disk:
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                return .failure(id: "cannot-read", message: "no such file '\(path)'", hint: nil)
            }
            if isDirectory.boolValue {
                return .failure(id: "cannot-read", message: "'\(path)' is a directory, not a rule file", hint: nil)
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                return .failure(id: "cannot-read", message: "cannot read '\(path)': permission denied or unreadable", hint: nil)
            }
            defer { try? handle.close() }
            let data: Data
            do {
                data = try handle.read(upToCount: RuleLimits.maximumRuleFileBytes + 1) ?? Data()
            } catch {
                return .failure(id: "cannot-read", message: "cannot read '\(path)': \(error.localizedDescription)", hint: nil)
            }
            if data.count > RuleLimits.maximumRuleFileBytes {
                return .failure(id: "file-too-large", message: "rule file '\(path)' is larger than \(RuleLimits.maximumRuleFileBytes >> 20) MiB", hint: "split it into several files")
            }
            if let nul = data.firstIndex(of: 0) {
                return .failure(id: "binary-file", message: "'\(path)' looks like a binary file (NUL byte at offset \(nul - data.startIndex))", hint: "rule files are UTF-8 text")
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
        if let position = stack.firstIndex(of: key), let importedFrom {
            let cycle = (stack[position...].map { $0 } + [key]).map { displayName($0) }.joined(separator: " -> ")
            report(.error("import-cycle", "import cycle: \(cycle)", file: importedFrom.file, span: importedFrom.span, hint: "remove one of these imports; a directory given to --rules already loads every file in it"))
            return
        }
        if loaded[key] != nil { return }
        if stack.count >= RuleLimits.maximumImportDepth, let importedFrom {
            report(.error("import-too-deep", "imports nested more than \(RuleLimits.maximumImportDepth) levels deep", file: importedFrom.file, span: importedFrom.span))
            return
        }
        let text: String
        switch read(path) {
        case .text(let contents):
            text = contents
        case .failure(let id, let message, let hint):
            if let importedFrom {
                report(.error(id == "cannot-read" ? "import-not-found" : id, message, file: importedFrom.file, span: importedFrom.span, hint: hint ?? "import paths are relative to the importing file"))
            } else {
                report(.error(id, message, file: SourceFile(path: path, text: ""), span: nil, hint: hint))
            }
            return
        case .invalidUTF8(let lossy, let offset):
            // Report where the bad byte is, from the valid prefix, and parse nothing.
            let source = SourceFile(path: path, text: lossy)
            // Up to the first bad byte the lossy text is byte-identical, so the offset holds.
            report(.error("invalid-utf8", "rule file is not valid UTF-8", file: source, span: SourceSpan(start: offset, end: offset + 1), hint: "save the file as UTF-8"))
            loaded[key] = -1
            return
        }
        let source = SourceFile(path: path, text: text)
        let (ruleFile, parseDiagnostics) = Parser.parse(source)
        loaded[key] = files.count
        files.append(ruleFile)
        diagnostics += parseDiagnostics
        if ruleFile.declarations.isEmpty && parseDiagnostics.isEmpty {
            report(.warning("empty-rule-file", "rule file '\(path)' has no declarations", file: source, span: nil,
                            hint: "an empty pack answers every message with the fallback category"))
        }
        stack.append(key)
        for declaration in ruleFile.declarations {
            guard case .importFile(let importDeclaration) = declaration else { continue }
            let target = importDeclaration.path.value
            let resolved = target.hasPrefix("/") ? target : source.directory + "/" + target
            loadFile(resolved, importedFrom: (source, importDeclaration.path.span))
        }
        stack.removeLast()
    }

    private func displayName(_ canonicalPath: String) -> String {
        canonicalPath.split(separator: "/").last.map(String.init) ?? canonicalPath
    }
}
