import Foundation
import Testing
@testable import TriageEngine
import TriageSyntax

/// Every limit of docs/limits.md that a rule pack can reach ends in a clear error with a
/// stable id and a location, never a crash, a hang or a silent truncation.
@Suite struct PackLimitTests {
    static let preamble = """
    category other "Other" { playbook general }
    category c "C" { playbook general }
    playbook general { step chat "Ask us." }

    """

    /// A temporary directory removed when the test ends.
    final class Folder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("triage-limits-\(UUID().uuidString)").path
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        @discardableResult
        func write(_ name: String, _ text: String) throws -> String {
            let file = path + "/" + name
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }
        func link(_ name: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: path + "/" + name, withDestinationPath: target)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test func aPackWithMoreRulesThanTheLimitIsRefusedAtTheFirstRuleOver() {
        let rules = (0...RuleLimits.maximumRules).map { "rule r\($0) -> c { when \"x\" }" }.joined(separator: "\n")
        let (ruleSet, diagnostics) = RuleEngine.compile(source: Self.preamble + rules, path: "big.rules")
        #expect(ruleSet == nil)
        #expect(diagnostics.map(\.id) == [.tooManyRules])
        #expect(diagnostics.first?.message == "the pack has 50001 rules, more than 50000")
        #expect(diagnostics.first?.locationDescription == "big.rules:\(RuleLimits.maximumRules + 4):6")
    }

    @Test func aPackWithMorePatternsThanTheLimitIsRefusedOnceAtTheFirstPatternOver() {
        let rules = (0..<5).map { "rule r\($0) -> c { when \"word\($0)\" or /re\($0)/ }" }.joined(separator: "\n")
        let pack = RulePackLoader.load(embedded: [(path: "p.rules", contents: Self.preamble + rules)], root: "")
        let (ruleSet, diagnostics) = RulePackCompiler.compile(pack, compiler: RulePackCompiler(maximumPatterns: 7))
        #expect(ruleSet == nil)
        #expect(diagnostics.map(\.id) == [.tooManyPatterns])
        // Patterns 0–6 fit: r0…r2 have two each, r3's phrase is the seventh, its regex the eighth.
        #expect(diagnostics.first?.locationDescription == "p.rules:7:32")

        let (fits, none) = RulePackCompiler.compile(pack, compiler: RulePackCompiler(maximumPatterns: 10))
        #expect(fits?.patterns.count == 10)
        #expect(none.isEmpty)
    }

    @Test func importsNestedDeeperThanTheLimitAreAnErrorAtTheImport() throws {
        let folder = try Folder()
        let depth = RuleLimits.maximumImportDepth + 1
        for level in 0..<depth {
            try folder.write("f\(level).rules", "import \"f\(level + 1).rules\"\ndefine d\(level) = \"x\"\n")
        }
        try folder.write("f\(depth).rules", "define last = \"x\"\n")
        let (ruleSet, diagnostics) = RuleEngine.compile(paths: [folder.path + "/f0.rules"])
        #expect(ruleSet == nil)
        let error = try #require(diagnostics.first { $0.id == .importTooDeep })
        #expect(error.message == "imports nested more than 32 levels deep")
        #expect(error.locationDescription == folder.path + "/f\(RuleLimits.maximumImportDepth - 1).rules:1:8")
    }

    @Test func definitionsReferringDeeperThanTheLimitAreAnError() throws {
        let depth = RuleLimits.maximumDefinitionDepth + 2
        let defines = (0..<depth).map { "define d\($0) = d\($0 + 1)" }.joined(separator: "\n")
        let source = Self.preamble + defines + "\ndefine d\(depth) = \"x\"\nrule r -> c { when d0 }\n"
        let (ruleSet, diagnostics) = RuleEngine.compile(source: source, path: "deep.rules")
        #expect(ruleSet == nil)
        #expect(diagnostics.map(\.id).contains(.nestingTooDeep))
        #expect(diagnostics.first { $0.id == .nestingTooDeep }?.message == "definitions refer to definitions more than 64 levels deep")
    }

    @Test func aRuleFileLargerThanTheLimitIsRefused() throws {
        let folder = try Folder()
        let path = try folder.write("huge.rules", "# " + String(repeating: "x", count: RuleLimits.maximumRuleFileBytes) + "\n")
        let (ruleSet, diagnostics) = RuleEngine.compile(paths: [path])
        #expect(ruleSet == nil)
        #expect(diagnostics.map(\.id) == [.fileTooLarge])
        #expect(diagnostics.first?.message == "rule file '\(path)' is larger than 8 MiB")
    }

    @Test func aDirectoryWithMoreRuleFilesThanTheLimitIsRefusedNotTruncated() throws {
        let folder = try Folder()
        for index in 0...RuleLimits.maximumRuleFiles {
            _ = FileManager.default.createFile(atPath: folder.path + "/r\(index).rules", contents: Data())
        }
        let (ruleSet, diagnostics) = RuleEngine.compile(paths: [folder.path])
        #expect(ruleSet == nil)
        #expect(diagnostics.map(\.id) == [.tooManyRuleFiles])
    }

    // MARK: symbolic links

    @Test func aSymlinkLoopInsideARulesDirectoryIsAnErrorAtTheLink() throws {
        let folder = try Folder()
        try folder.write("pack/main.rules", Self.preamble + "rule r -> c { when \"late\" }\n")
        try folder.write("pack/sub/more.rules", "define extra = \"x\"\n")
        try folder.link("pack/sub/up", to: "..")
        try folder.link("pack/one", to: "two")
        try folder.link("pack/two", to: "one")
        let (ruleSet, diagnostics) = RuleEngine.compile(paths: [folder.path + "/pack"])
        #expect(ruleSet == nil)
        #expect(diagnostics.map(\.id) == [.symlinkLoop, .symlinkLoop, .symlinkLoop])
        let messages = diagnostics.map(\.message)
        #expect(messages.contains("symbolic link '\(folder.path)/pack/sub/up' points back to '\(folder.path)/pack', a directory it is inside"))
        #expect(messages.contains("symbolic link '\(folder.path)/pack/one' loops and never reaches a file or directory"))
        #expect(diagnostics.allSatisfy { $0.file?.path.hasPrefix(folder.path + "/pack/") == true })
    }

    @Test func aSymlinkToADirectoryOfRulesIsFollowed() throws {
        let folder = try Folder()
        try folder.write("pack/main.rules", Self.preamble + "rule r -> c { when shared_word }\n")
        try folder.write("shared/words.rules", "define shared_word = \"late\"\n")
        try folder.link("pack/shared", to: "../shared")
        // It leaves the pack's directory: allowed like an import from outside (issue 14, item 4).
        #expect(RuleEngine.compile(paths: [folder.path + "/pack"]).1.map(\.id).contains(.importOutsideRoot))
        let (ruleSet, diagnostics) = RuleEngine.compile(paths: [folder.path + "/pack"], allowOutsideImports: true)
        #expect(diagnostics.isEmpty)
        #expect(ruleSet.map { Classifier(ruleSet: $0).classify("it is late").category.id } == "c")
    }

    @Test func anImportThroughASymlinkBackToTheImporterIsACycle() throws {
        let folder = try Folder()
        let main = try folder.write("pack/main.rules", "import \"alias.rules\"\n" + Self.preamble)
        try folder.link("pack/alias.rules", to: "main.rules")
        let (ruleSet, diagnostics) = RuleEngine.compile(paths: [main])
        #expect(ruleSet == nil)
        #expect(diagnostics.map(\.id) == [.importCycle])
        #expect(diagnostics.first?.locationDescription == main + ":1:8")
    }

    @Test func anImportOfALoopingSymlinkIsASymlinkLoopAtTheImport() throws {
        let folder = try Folder()
        let main = try folder.write("pack/main.rules", "import \"loop.rules\"\n" + Self.preamble)
        try folder.link("pack/loop.rules", to: "loop.rules")
        let (ruleSet, diagnostics) = RuleEngine.compile(paths: [main])
        #expect(ruleSet == nil)
        #expect(diagnostics.map(\.id) == [.symlinkLoop])
        #expect(diagnostics.first?.locationDescription == main + ":1:8")
    }

    /// Issue 14, item 4: a link to `/` walked the whole filesystem (through `/proc`), and
    /// `pw.rules -> /etc/passwd` was read and its lines echoed in diagnostics.
    @Test func linksLeavingTheRulesDirectoryAreRefusedAndProcIsNeverRead() throws {
        let folder = try Folder()
        try folder.write("pack/main.rules", Self.preamble)
        try folder.link("pack/root", to: "/")
        try folder.link("pack/pw.rules", to: "/etc/passwd")
        let (ruleSet, diagnostics) = RuleEngine.compile(paths: [folder.path + "/pack"])
        #expect(ruleSet == nil)
        #expect(diagnostics.map(\.id) == [.importOutsideRoot, .importOutsideRoot])
        #expect(diagnostics.allSatisfy { $0.message.hasPrefix("symbolic link '\(folder.path)/pack/") })
        #expect(!diagnostics.contains { $0.message.contains("root:x:") })
        try folder.write("pack2/main.rules", Self.preamble)
        try folder.link("pack2/proc", to: "/proc")
        let allowed = RuleEngine.compile(paths: [folder.path + "/pack2"], allowOutsideImports: true).1
        #expect(allowed.map(\.id) == [.cannotRead])
        #expect(allowed.first?.message.contains("is below '/proc', which holds no rule files and is never read") == true)
    }

    @Test func aSymlinkInsideThePackPointingOutsideCannotBeImported() throws {
        let folder = try Folder()
        try folder.write("secret/words.rules", "define secret = \"x\"\n")
        let main = try folder.write("pack/main.rules", "import \"inside.rules\"\n" + Self.preamble)
        try folder.link("pack/inside.rules", to: "../secret/words.rules")
        let (_, diagnostics) = RuleEngine.compile(paths: [main])
        #expect(diagnostics.map(\.id) == [.importOutsideRoot])
        #expect(RuleEngine.compile(paths: [main], allowOutsideImports: true).1.isEmpty)
    }
}
