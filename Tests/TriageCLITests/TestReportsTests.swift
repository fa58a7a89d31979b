import Foundation
import Testing
@testable import TriageCLI
@testable import TriageReports

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `triage test --junit` and `--html`, run in-process against a tiny pack of their own, so
/// they do not depend on the shipped rules.
@Suite struct TestReportsTests {
    static let rules = """
    category other "Other" { playbook p }
    category delivery.late "Late delivery" { playbook p }
    category item.damaged "Damaged item" { playbook p }
    playbook p { step chat "Start a chat." }
    rule late_words -> delivery.late { when words { late delayed } }
    rule broken_words -> item.damaged { when words { broken smashed cracked } }
    rule never_fires -> item.damaged { when words { xyzzy } }
    """

    /// The message of the failing fixture: a combining accent and an emoji before the match
    /// make code-point, character and UTF-16 offsets all differ.
    static let wrongMessage = "Cafe\u{301} 🎉 the cup came cracked <script>alert('x')</script>"

    /// A pack, two passing fixtures, and optionally a failing one, a todo, an unreadable
    /// fixture and a corpus with one right and one wrong record.
    private struct Setup {
        let directory: TemporaryDirectory
        let rules: String
        let fixtures: String
        var junit: String { directory.path + "/out/report.xml" }
        var html: String { directory.path + "/out/report.html" }

        init(failing: Bool) throws {
            directory = try TemporaryDirectory()
            rules = try directory.write("pack/main.rules", TestReportsTests.rules)
            fixtures = directory.path + "/fixtures"
            _ = try directory.write("fixtures/late/ok.triage", "expect: delivery.late\n---\nmy parcel is late again\n")
            _ = try directory.write("fixtures/damaged/ok.triage", "expect: item.damaged\n---\nthe vase arrived smashed\n")
            try FileManager.default.createDirectory(atPath: directory.path + "/out", withIntermediateDirectories: true)
            guard failing else { return }
            _ = try directory.write("fixtures/late/wrong.triage", "expect: delivery.late\nnote: misread\n---\n\(TestReportsTests.wrongMessage)\n")
            _ = try directory.write("fixtures/damaged/todo.triage", "expect: item.damaged\ntodo: needs context\n---\nnothing relevant here\n")
            _ = try directory.write("fixtures/bad/broken.triage", "expect: other\nno separator line\n")
            _ = try directory.write("fixtures/corpus.jsonl", """
            {"id": "r1", "text": "delayed again", "label": "delivery.late"}
            {"id": "r2", "text": "it was broken", "label": "delivery.late"}

            """)
        }

        func run(_ extra: [String] = []) -> RunResult {
            TriageCLITests.run(["test", fixtures, "--rules", rules, "--junit", junit, "--html", html, "--no-progress"] + extra)
        }

        func read(_ path: String) throws -> String {
            try String(contentsOfFile: path, encoding: .utf8)
        }
    }

    @Test func endToEndWritesBothReportsAndExitsZeroWhenAllPass() throws {
        let setup = try Setup(failing: false)
        let result = setup.run()
        #expect(result.code == .ok, "\(result.stderr)")
        let junit = try setup.read(setup.junit)
        #expect(junit.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"triage\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"0\""))
        let html = try setup.read(setup.html)
        #expect(html.contains("<span class=\"badge\">PASSED</span>"))
        #expect(html.contains("every fixture passed"))
    }

    @Test func endToEndExitsTwoWhenAFixtureFails() throws {
        let setup = try Setup(failing: true)
        let result = setup.run()
        #expect(result.code == .testsFailed)
        #expect(FileManager.default.fileExists(atPath: setup.junit))
        #expect(FileManager.default.fileExists(atPath: setup.html))
    }

    @Test func anUnwritableReportPathIsAnIOError() throws {
        let setup = try Setup(failing: false)
        let result = TriageCLITests.run(["test", setup.fixtures, "--rules", setup.rules, "--junit", setup.directory.path + "/missing/dir/report.xml"])
        #expect(result.code == .ioError)
        #expect(result.stderr.contains("cannot write --junit report"))
    }

    // MARK: - JUnit

    @Test func junitCountsEveryKindOfOutcome() throws {
        let setup = try Setup(failing: true)
        _ = setup.run(["--min-accuracy", "0.9"])
        let junit = try setup.read(setup.junit)
        // 4 fixtures, 2 corpus records, 1 unreadable fixture, 1 unmet minimum.
        #expect(junit.contains("<testsuites name=\"triage\" tests=\"8\" failures=\"2\" errors=\"1\" skipped=\"2\""))
        #expect(!junit.contains("<script>"), "message text must be escaped")
    }

    #if canImport(FoundationXML)
    @Test func junitStructureParses() throws {
        let setup = try Setup(failing: true)
        _ = setup.run(["--min-accuracy", "0.9"])
        let document = try XMLDocument(xmlString: setup.read(setup.junit), options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")

        let suites = root.elements(forName: "testsuite")
        let names = suites.compactMap { $0.attribute(forName: "name")?.stringValue }
        let base = setup.fixtures
        #expect(names == ["\(base)/bad", "\(base)/corpus.jsonl", "\(base)/damaged", "\(base)/late", "triage.gates"])
        func suite(_ name: String) throws -> XMLElement {
            try #require(suites.first { $0.attribute(forName: "name")?.stringValue == name })
        }
        func testcase(_ suite: XMLElement, _ name: String) throws -> XMLElement {
            try #require(suite.elements(forName: "testcase").first { $0.attribute(forName: "name")?.stringValue == name })
        }

        let late = try suite("\(base)/late")
        #expect(late.attribute(forName: "tests")?.stringValue == "2")
        #expect(late.attribute(forName: "failures")?.stringValue == "1")
        let wrong = try testcase(late, "wrong")
        #expect(wrong.attribute(forName: "file")?.stringValue == "\(base)/late/wrong.triage")
        #expect(wrong.attribute(forName: "line")?.stringValue == "1")
        #expect(wrong.attribute(forName: "classname")?.stringValue == "\(base)/late")
        let failure = try #require(wrong.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == "expected delivery.late, got item.damaged")
        #expect(failure.attribute(forName: "type")?.stringValue == "wrong-category")
        let body = failure.stringValue ?? ""
        #expect(body.contains("expected: delivery.late"))
        #expect(body.contains("got:      item.damaged"))
        // The message is on line 4 of the fixture; "cracked" starts at code point 22.
        #expect(body.contains("broken_words -> item.damaged +1: 'cracked' 4:22"))
        #expect(body.contains(Self.wrongMessage), "the body quotes the message, unescaped once parsed")
        #expect(try testcase(late, "ok").children?.isEmpty ?? true)

        let todo = try testcase(suite("\(base)/damaged"), "todo")
        #expect(todo.elements(forName: "skipped").first?.attribute(forName: "message")?.stringValue == "todo: needs context")

        let broken = try testcase(suite("\(base)/bad"), "broken")
        let error = try #require(broken.elements(forName: "error").first)
        #expect(error.attribute(forName: "type")?.stringValue == "input-problem")
        #expect(error.attribute(forName: "message")?.stringValue?.contains("no '---' line") == true)

        let corpus = try suite("\(base)/corpus.jsonl")
        #expect(try testcase(corpus, "id r1").children?.isEmpty ?? true)
        let skippedRecord = try #require(testcase(corpus, "id r2").elements(forName: "skipped").first)
        #expect(skippedRecord.attribute(forName: "message")?.stringValue?.hasPrefix("not blocking (corpus records are gated by the minimums)") == true)

        let gates = try suite("triage.gates")
        let gate = try testcase(gates, "minimum accuracy")
        #expect(gate.elements(forName: "failure").first?.attribute(forName: "message")?.stringValue == "accuracy 0.5 is below the minimum 0.9")
        let properties = gates.elements(forName: "properties").first?.elements(forName: "property") ?? []
        let values = Dictionary(uniqueKeysWithValues: properties.compactMap { p in
            p.attribute(forName: "name")?.stringValue.map { ($0, p.attribute(forName: "value")?.stringValue ?? "") }
        })
        #expect(values["accuracy"] == "0.5000")
        #expect(values["macro_f1"] != nil)
        #expect(values["micro_f1"] == "0.5000")
    }
    #endif

    @Test func gateNamesDropTheMeasuredValue() {
        #expect(TestJUnitReport.gateName("accuracy 0.5 is below the minimum 0.9") == "minimum accuracy")
        #expect(TestJUnitReport.gateName("macro F1 0.41 is below the minimum 0.5") == "minimum macro F1")
        #expect(TestJUnitReport.gateName("F1 of delivery.late 0 is below the minimum 0.8") == "minimum F1 of delivery.late")
        #expect(TestJUnitReport.gateName("something else") == "something else")
    }

    // MARK: - HTML

    @Test func htmlShowsTheVerdictHeatMapAndHighlightedWords() throws {
        let setup = try Setup(failing: true)
        _ = setup.run()
        let html = try setup.read(setup.html)
        #expect(html.contains("<header class=\"verdict failed\">"))
        #expect(html.contains("<span class=\"badge\">FAILED</span>"))
        #expect(html.contains("1 failing fixture, 1 unreadable input"))
        #expect(html.contains("<table class=\"heat\">"))
        // delivery.late row: 1 answered right (corpus r1) and the wrong fixture … ordered like the pack.
        #expect(html.contains("title=\"expected delivery.late, answered item.damaged: 2 of 4 (50%)\">2</td>"))

        // The mark wraps exactly "cracked", despite the accent and emoji before it, and names the rule.
        #expect(html.contains("<mark class=\"bad\" title=\"broken_words → item.damaged\">cracked</mark>"))
        #expect(html.contains("Cafe\u{301} 🎉 the cup came <mark"))
        // Message text is escaped, never live markup.
        #expect(html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        #expect(html.contains("expected delivery.late, got item.damaged"))
        #expect(html.contains("<code>never_fires</code>"), "never-fired rules are listed")
    }

    @Test func htmlIsOneSelfContainedDocument() throws {
        let setup = try Setup(failing: true)
        _ = setup.run()
        let html = try setup.read(setup.html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.components(separatedBy: "<html").count == 2)
        #expect(html.components(separatedBy: "</html>").count == 2)
        #expect(html.hasSuffix("</html>\n"))
        for reference in ["src=", "href=\"http", "href='http", "url(", "@import", "<link", "<script"] {
            #expect(!html.contains(reference), "\(reference)")
        }
    }

    /// Matches from several rules may overlap: the marks must still never nest or cross.
    @Test func overlappingMatchesKeepTheMarkupBalanced() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("main.rules", """
        category other "Other" { playbook p }
        category item.damaged "Damaged item" { playbook p }
        category delivery.late "Late delivery" { playbook p }
        playbook p { step chat "Start a chat." }
        rule phrase -> delivery.late { when words { "arrived broken" } }
        rule single -> item.damaged { when words { broken } }
        rule pair -> item.damaged { when words { "broken glass" } }
        """)
        let fixtures = directory.path + "/fixtures"
        _ = try directory.write("fixtures/a.triage", "expect: other\n---\nit arrived broken glass everywhere\n")
        let path = directory.path + "/report.html"
        _ = TriageCLITests.run(["test", fixtures, "--rules", rules, "--html", path])
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let message = try #require(html.components(separatedBy: "<pre class=\"message\">").dropFirst().first?.components(separatedBy: "</pre>").first)
        #expect(message.components(separatedBy: "<mark").count == message.components(separatedBy: "</mark>").count)
        #expect(message.components(separatedBy: "<mark").count == 4, "\(message)")
        #expect(message.contains(">arrived </mark>"))
        // "broken" is covered by all three rules: one mark naming them all, red because two point at the wrong answer.
        #expect(message.contains("<mark class=\"bad multi\" title=\"phrase → delivery.late\nsingle → item.damaged\npair → item.damaged\">broken</mark>"))
        #expect(message.contains("<mark class=\"bad\" title=\"pair → item.damaged\"> glass</mark> everywhere"))
        #expect(message.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression) == "it arrived broken glass everywhere\n")
    }
}
