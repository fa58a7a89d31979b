import Foundation
import Testing
import TriageTestSupport
@testable import TriageCLI

@Suite struct LintCommandTests {
    static let rules = """
    category other "Other" { playbook general }
    category late "Late" { playbook general }
    playbook general { step chat "Ask us." }
    define unused = words { Late late }
    rule r -> late { when /Refund(ed)?/ }
    """

    func write(_ text: String) throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        return (directory, try directory.write("pack.rules", text))
    }

    @Test func textFindingsAndExitCodes() throws {
        let (directory, path) = try write(Self.rules)
        defer { withExtendedLifetime(directory) {} }
        let result = run(["lint", path])
        #expect(result.code == .ok)
        #expect(result.stdout.contains("warning[unused-definition]: definition 'unused' is never used"))
        #expect(result.stdout.contains("warning[duplicate-word]: 'late' is already in this list"))
        #expect(result.stdout.contains("warning[uppercase-in-caseless-list]"))
        #expect(result.stdout.contains("warning[case-sensitive-regex]: regex matches 'Refund' only in exactly that case"))
        #expect(result.stdout.contains("pack.rules:4:8"))
        #expect(result.stdout.contains("0 errors, 4 warnings in 1 file"))
        #expect(run(["lint", "--strict", path]).code == .ruleErrors)

        let (brokenDirectory, broken) = try write("rule r -> nowhere { when \"x\" }")
        defer { withExtendedLifetime(brokenDirectory) {} }
        let errors = run(["lint", broken])
        #expect(errors.code == .ruleErrors)
        #expect(errors.stdout.contains("error[undefined-name]"))
    }

    @Test func aMissingPathIsNoInputWithAHintForTheCommandLine() throws {
        let (directory, path) = try write(Self.rules)
        defer { withExtendedLifetime(directory) {} }
        let missing = directory.path + "/nope.rules"
        for arguments in [["lint", missing], ["lint", path, missing], ["lint", "--format", "json", missing]] {
            let result = run(arguments)
            #expect(result.code == .noInput)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("error: no such file or directory '\(missing)'"))
            #expect(result.stderr.contains("hint: check the path given on the command line"))
            #expect(!result.stderr.contains("--rules"))
        }
    }

    @Test func regexChecksRunAlongsideErrorsOnEveryPatternThatCompiled() throws {
        // An unknown name, a syntax error and a regex that does not compile: the risky regexes
        // that did compile are still reported, each once.
        let (directory, path) = try write(Self.rules + """

        rule slow -> late { when /(a+)+$/ and missing_name }
        rule broken -> late { when words { oops }
        define also_slow = /^(\\w|\\d)+x$/
        rule bad_regex -> late { when /(unclosed/ }
        """)
        defer { withExtendedLifetime(directory) {} }
        let result = run(["lint", "--format", "json", path])
        #expect(result.code == .ruleErrors)
        let diagnostics = try #require(try json(result.stdout)["diagnostics"] as? [[String: Any]])
        let ids = diagnostics.compactMap { $0["id"] as? String }
        #expect(ids.contains("undefined-name"))
        #expect(ids.contains("invalid-regex"))
        #expect(ids.contains { $0 == "expected-token" || $0 == "unclosed-block" || $0 == "unexpected-token" })
        let catastrophic = diagnostics.filter { $0["id"] as? String == "catastrophic-backtracking" }
        #expect(catastrophic.compactMap { $0["line"] as? Int }.sorted() == [6, 8])
    }

    @Test func jsonFormat() throws {
        let (directory, path) = try write(Self.rules)
        defer { withExtendedLifetime(directory) {} }
        let object = try json(run(["lint", "--format", "json", path]).stdout)
        #expect(object["schema"] as? String == "triage.lint")
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first { $0["id"] as? String == "unused-definition" })
        #expect(first["line"] as? Int == 4)
        #expect(first["column"] as? Int == 8)
        #expect(first["severity"] as? String == "warning")
    }

    @Test func sarifHasTheShapeOfSARIF210() throws {
        let (directory, path) = try write(Self.rules + "\nrule bad -> nowhere { when \"x\" }")
        defer { withExtendedLifetime(directory) {} }
        let object = try json(run(["lint", "--format", "sarif", path]).stdout)
        #expect(object["version"] as? String == "2.1.0")
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "triage")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.contains("unused-definition") && ids.contains("undefined-name"))
        for rule in rules {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(["none", "note", "warning", "error"].contains(level ?? ""))
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 6)  // with no-prefilter-literal on "x", reported despite the error
        for result in results {
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            #expect(ids[ruleIndex] == result["ruleId"] as? String)
            #expect((result["message"] as? [String: Any])?["text"] is String)
            let physical = try #require(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
            #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == path)
            let region = try #require(physical["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1)
            #expect((region["startColumn"] as? Int ?? 0) >= 1)
            #expect((region["endColumn"] as? Int ?? 0) >= (region["startColumn"] as? Int ?? 0))
        }
    }

    @Test func sarifRulesNameTheirDocsAndLinkThemWithAHelpBaseURL() throws {
        let (directory, path) = try write(Self.rules)
        defer { withExtendedLifetime(directory) {} }
        func driver(_ extra: [String]) throws -> [String: Any] {
            let result = run(["lint", "--format", "sarif"] + extra + [path])
            #expect(result.code == .ok)
            #expect(!result.stdout.contains("example.invalid"))
            let runs = try #require(try json(result.stdout)["runs"] as? [[String: Any]])
            return try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        }
        // By default no URI (SARIF's must be absolute), and the docs named in help.text.
        let plain = try driver([])
        #expect(plain["informationUri"] == nil)
        for rule in try #require(plain["rules"] as? [[String: Any]]) {
            let id = try #require(rule["id"] as? String)
            #expect(rule["helpUri"] == nil)
            #expect((rule["help"] as? [String: Any])?["text"] as? String == "documented in docs/diagnostics.md#\(id) in the Triage repository")
        }
        let base = "https://github.com/acme/triage/blob/main/docs"
        for given in [base, base + "/"] {
            let linked = try driver(["--help-base-url", given])
            #expect(linked["informationUri"] as? String == base + "/diagnostics.md")
            for rule in try #require(linked["rules"] as? [[String: Any]]) {
                #expect(rule["helpUri"] as? String == "\(base)/diagnostics.md#\(rule["id"] as? String ?? "")")
            }
        }
        for bad in ["docs", "/work/docs", "https://x.test/docs#top", "https://x.test/docs?x=1", "https://"] {
            let result = run(["lint", "--format", "sarif", "--help-base-url", bad, path])
            #expect(result.code == .usage, "\(bad)")
            #expect(result.stderr.hasPrefix("error: invalid value '\(bad)' for '--help-base-url'. expected an absolute URL"))
        }
        #expect(run(["lint", "--format", "sarif", "--help-base-url", "file:///work/triage/docs", path]).code == .ok)
        let text = run(["lint", "--help-base-url", base, path])
        #expect(text.code == .usage)
        #expect(text.stderr.hasPrefix("error: '--help-base-url' goes with '--format sarif'"))
    }

    @Test func githubFormat() throws {
        let (directory, path) = try write(Self.rules)
        defer { withExtendedLifetime(directory) {} }
        let output = run(["lint", "--format", "github", path]).stdout
        #expect(output.contains("::warning file=\(path),line=4,col=8,endColumn=14,title=triage lint (unused-definition)::definition 'unused' is never used. hint: "))
    }

    @Test func listAndCatalogueAreInTheDocs() throws {
        let list = run(["lint", "--list"]).stdout
        #expect(list.contains("catastrophic-backtracking"))
        let catalogue = run(["lint", "--catalogue"]).stdout
        let docs = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        let begin = try #require(docs.range(of: LintCatalogue.begin))
        let end = try #require(docs.range(of: LintCatalogue.end))
        let section = String(docs[begin.lowerBound..<end.upperBound]) + "\n"
        #expect(section == catalogue, "docs/diagnostics.md is out of date: run 'triage lint --catalogue' and paste its output")
    }

    /// The index of every declared id near the top of docs/diagnostics.md; `TRIAGE_RECORD=1`
    /// rewrites it in place.
    @Test func catalogueIndexListsEveryDeclaredID() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/diagnostics.md").path
        let docs = try String(contentsOfFile: path, encoding: .utf8)
        let begin = try #require(docs.range(of: LintCatalogue.indexBegin))
        let end = try #require(docs.range(of: LintCatalogue.indexEnd))
        let section = String(docs[begin.lowerBound..<end.upperBound]) + "\n"
        if GoldenFile.isRecording {
            try docs.replacingCharacters(in: begin.lowerBound..<end.upperBound, with: String(LintCatalogue.index().dropLast())).write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(section == LintCatalogue.index(), "docs/diagnostics.md's index is out of date: re-record with TRIAGE_RECORD=1 swift test --filter Catalogue")
    }
}
