import Foundation
import TriageSyntax

/// Finds every `*.rules` file below a directory given to --rules, hidden entries skipped.
/// Symbolic links to directories are followed, so shared rules can be linked into a pack;
/// a link back to a directory already on the way down, or a link that never resolves, is a
/// `symlink-loop` error at the link instead of an endless walk. A link whose target is
/// outside the directory given (a link to `/`, `pw.rules -> /etc/passwd`) is refused like an
/// import from outside, `import-outside-root`, unless `allowOutside`; `/proc`, `/sys` and
/// `/dev` are never read, allowed or not.
struct RuleFileWalker {
    private(set) var files: [String] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Canonical paths of the directories from the top down to the one being read.
    private var ancestors: [String] = []
    /// The canonical directory given, and whether links may leave it.
    private var root = "/"
    private var allowOutside = false
    /// Pseudo-filesystems: endless or huge trees of files that are not rules.
    static let neverRead = ["/proc", "/sys", "/dev"]

    static func walk(_ directory: String, allowOutside: Bool = false) -> (files: [String], diagnostics: [Diagnostic]) {
        var walker = RuleFileWalker()
        let top = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let canonical = URL(fileURLWithPath: top).resolvingSymlinksInPath().path
        walker.root = canonical
        walker.allowOutside = allowOutside
        if walker.isNeverRead(canonical, path: top) { return ([], walker.diagnostics) }
        walker.visit(top, canonical: canonical)
        return (walker.files.sorted(), walker.diagnostics)
    }

    private mutating func isNeverRead(_ canonical: String, path: String) -> Bool {
        guard let system = Self.neverRead.first(where: { RulePackLoader.isInside(canonical, $0) }) else { return false }
        diagnostics.append(.error(.cannotRead, "'\(path)' is below '\(system)', which holds no rule files and is never read",
                                  file: SourceFile(path: path, text: ""), span: nil, hint: "remove the link, or give --rules a directory of rule files"))
        return true
    }

    /// A link to somewhere outside the directory given: refused unless allowed.
    private mutating func leavesRoot(_ path: String, target: String) -> Bool {
        guard !allowOutside, !RulePackLoader.isInside(target, root) else { return false }
        diagnostics.append(.error(.importOutsideRoot, "symbolic link '\(path)' points to '\(target)', outside the rule pack's directory '\(root)'",
                                  file: SourceFile(path: path, text: ""), span: nil,
                                  hint: "move the rules into the pack, or pass --allow-outside-imports if the pack may read them"))
        return true
    }

    private mutating func visit(_ directory: String, canonical: String) {
        ancestors.append(canonical)
        defer { ancestors.removeLast() }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        for name in names where !name.hasPrefix(".") {
            // Stop early: one more than the limit is enough for the loader to refuse the pack.
            if files.count > RuleLimits.maximumRuleFiles { return }
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let isLink = info.st_mode & S_IFMT == S_IFLNK
            if isLink && stat(path, &info) != 0 {
                // A dangling link is only worth reporting when it looks like a rule file;
                // a looping one always is, since it might hide a directory of rules.
                if errno == ELOOP {
                    loop(path, "symbolic link '\(path)' loops and never reaches a file or directory")
                } else if name.hasSuffix(".rules") {
                    diagnostics.append(.error(.cannotRead, "symbolic link '\(path)' points to nothing", file: SourceFile(path: path, text: ""), span: nil,
                                              hint: "fix or remove the link"))
                }
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                let target = isLink ? URL(fileURLWithPath: path).resolvingSymlinksInPath().path : canonical + "/" + name
                if isLink && (leavesRoot(path, target: target) || isNeverRead(target, path: path)) { continue }
                if let ancestor = ancestors.first(where: { $0 == target }) {
                    loop(path, "symbolic link '\(path)' points back to '\(ancestor)', a directory it is inside")
                    continue
                }
                visit(path, canonical: target)
            } else if info.st_mode & S_IFMT == S_IFREG && name.hasSuffix(".rules") {
                if isLink && leavesRoot(path, target: URL(fileURLWithPath: path).resolvingSymlinksInPath().path) { continue }
                files.append(path)
            }
        }
    }

    private mutating func loop(_ path: String, _ message: String) {
        diagnostics.append(.error(.symlinkLoop, message, file: SourceFile(path: path, text: ""), span: nil,
                                  hint: "remove the link, or point it at a directory outside this one"))
    }
}
