import Foundation

/// Turns the paths given to `triage test` — files, directories (searched recursively) and
/// globs (`*`, `?`, `[…]`, and `**` for any depth) — into fixture and corpus files.
public struct TestInputCollector {
    public struct Collected: Sendable {
        public var fixtures: [String] = []
        public var corpora: [String] = []
        /// Files inside directories that are neither fixtures nor corpora.
        public var skipped: [String] = []
        /// Paths that do not exist or globs that matched nothing.
        public var missing: [String] = []
        /// Files named explicitly whose extension is unknown.
        public var unknown: [String] = []
    }

    public static func collect(_ paths: [String]) -> Collected {
        var collected = Collected()
        var seen = Set<String>()
        func add(_ file: String, explicit: Bool) {
            guard seen.insert(file).inserted else { return }
            let ext = (file as NSString).pathExtension.lowercased()
            if ext == FixtureParser.fileExtension { collected.fixtures.append(file) }
            else if CorpusReader.extensions.contains(ext) { collected.corpora.append(file) }
            else if explicit { collected.unknown.append(file) }
            else { collected.skipped.append(file) }
        }
        for path in paths {
            if isGlob(path) {
                let matches = expand(path)
                if matches.isEmpty { collected.missing.append(path) }
                for match in matches { visit(match, explicit: false, add: add) }
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                collected.missing.append(path)
                continue
            }
            visit(path, explicit: !isDirectory.boolValue, add: add)
        }
        return collected
    }

    private static func visit(_ path: String, explicit: Bool, add: (String, Bool) -> Void) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            add(path, explicit)
            return
        }
        for file in filesBelow(path) { add(file, false) }
    }

    /// Regular files below a directory, sorted, hidden ones left out.
    static func filesBelow(_ directory: String) -> [String] {
        let base = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var files: [String] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            var relative = url.path
            if relative.hasPrefix(base.path + "/") { relative = String(relative.dropFirst(base.path.count + 1)) }
            files.append((directory.hasSuffix("/") ? directory : directory + "/") + relative)
        }
        return files.sorted()
    }

    /// What `--watch` watches for a path given to `test` or `--rules`: the path itself, or for
    /// a glob the directory before its first wildcard.
    public static func watchRoot(_ path: String) -> String {
        guard isGlob(path) else { return path }
        let fixed = path.split(separator: "/", omittingEmptySubsequences: false).prefix { !isGlob(String($0)) }.joined(separator: "/")
        return fixed.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : fixed
    }

    /// Whether a change to this file can change a run: rule files, fixtures and corpora.
    public static func isWatched(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        guard !name.hasPrefix(".") else { return false }
        let ext = (name as NSString).pathExtension.lowercased()
        return ext == "rules" || ext == FixtureParser.fileExtension || CorpusReader.extensions.contains(ext)
    }

    public static func isGlob(_ path: String) -> Bool {
        path.contains("*") || path.contains("?") || path.contains("[")
    }

    /// Expands a glob against the file system; `**` matches any number of directories.
    static func expand(_ pattern: String) -> [String] {
        let absolute = pattern.hasPrefix("/")
        let segments = pattern.split(separator: "/").map(String.init)
        var current: [String] = [absolute ? "/" : "."]
        for (index, segment) in segments.enumerated() {
            let last = index == segments.count - 1
            var next: [String] = []
            for base in current {
                if segment == "**" {
                    next.append(base)
                    next += directoriesBelow(base)
                } else if isGlob(segment) {
                    let names = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
                    for name in names where fnmatch(segment, name, 0) == 0 {
                        next.append(join(base, name))
                    }
                } else {
                    next.append(join(base, segment))
                }
            }
            current = next.filter { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && (last || isDirectory.boolValue)
            }
        }
        return Array(Set(current)).sorted()
    }

    private static func join(_ base: String, _ name: String) -> String {
        base == "." ? name : base == "/" ? "/" + name : base + "/" + name
    }

    private static func directoriesBelow(_ base: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var result: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let path = join(base, relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { result.append(path) }
        }
        return result
    }
}
