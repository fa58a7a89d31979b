import Foundation
import FoundationXML
import TriageEngine
import TriageEvaluation
import TriageLint
import TriageReports
import TriageSupport

/// libFuzzer target: every report writer on hostile text. The input is split at NUL bytes
/// into strings that become corpus ids, message texts, labels, secondary labels, a fixture
/// (with `todo:` text), a corpus path and a rule file; the test, lint and classify reports
/// are rendered in every format and each must stay well-formed: JSON and SARIF read back
/// with `JSONReader`, JUnit parses as XML, HTML never contains a string with `<` or `>` raw, every
/// GitHub line is a workflow command and nothing else, and text reports show no control
/// character (the terminal and CI-log guarantee of docs/reliability.md).
@_cdecl("LLVMFuzzerTestOneInput")
public func renderReports(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    func part(_ index: Int) -> String { parts.isEmpty ? "" : parts[index % parts.count] }

    // Corpus records built with the JSON writer, so hostile strings reach the reports intact.
    var lines: [String] = []
    for index in stride(from: 0, to: max(parts.count, 1), by: 4) {
        let record: JSONValue = .object(["id": .string(part(index)), "text": .string(part(index + 1)),
                                         "label": .string(index % 8 == 0 ? "late" : part(index + 2)), "secondary": .string(part(index + 3))])
        lines.append(JSONWriter.write(record, pretty: false))
    }
    let corpusPath = "c\(part(1)).jsonl"
    var reader = CorpusReader()
    reader.secondaryField = "secondary"
    var (cases, problems) = reader.readJSONL(Data(lines.joined(separator: "\n").utf8), path: corpusPath)
    switch FixtureParser.parse("expect: late\ntodo: \(part(2))\n---\n\(part(3))", path: "f\(part(0)).triage") {
    case .success(let fixture): cases.append(fixture)
    case .failure(let problem): problems.append(problem)
    }
    let (known, unknown) = LabelCheck.split(cases, categories: Fixed.ruleSet.categories.map(\.id))
    let results = TestRunner(classifier: Fixed.classifier).run(known, jobs: 1)
    var gates = TestGates()
    gates.minimumAccuracy = 0.5
    let run = TestRun(results: results, problems: problems + unknown, skippedFiles: [part(4)], ruleSet: Fixed.ruleSet,
                      gates: gates, baseline: Baseline(results: results), seconds: 0.25)
    let hostile = parts.filter { $0.count >= 4 && $0.contains(where: { "<>".contains($0) }) }
    for reporter in ReportRegistry.test {
        for options in [ReportOptions(), ReportOptions(verbose: true)] {
            check(reporter.render(run, options: options), format: reporter.format, hostile: hostile, template: Fixed.emptyTestReports[reporter.format] ?? "")
        }
    }

    // Diagnostics echo the rule file's lines; lint renders them in every format.
    let pack = RulePackLoader.load(embedded: [(path: "p\(part(0)).rules", contents: Fixed.rules + "\n" + parts.joined(separator: "\n"))], root: "")
    let lint = LintOutput(result: Linter.lint(pack), fileCount: 1, helpBaseURL: "https://docs.test/triage/docs")
    for reporter in ReportRegistry.lint {
        check(reporter.render(lint, options: ReportOptions()), format: reporter.format, hostile: hostile, template: "")
    }

    let classification = Fixed.classifier.classify(parts.joined(separator: "\n"), explain: true)
    for (explain, all) in [(false, false), (true, false), (true, true)] {
        let output = ClassifyOutput(classification: classification, ruleSet: Fixed.ruleSet, explain: explain, explainAll: all, warnings: ["input_repaired"])
        for reporter in ReportRegistry.classify {
            check(reporter.render(output, options: ReportOptions()), format: reporter.format, hostile: hostile, template: "")
        }
    }
    return 0
}

private enum Fixed {
    static let rules = """
    settings { threshold 1 }
    signal urgent "Now"
    entity order_number = /\\b\\d{3}-\\d{7}-\\d{7}\\b/
    category other "Other" { playbook general }
    category late "Late" { playbook p }
    category broken "Broken" { playbook p }
    playbook general { step chat "Ask us." }
    playbook p {
      step self_service "Check tracking for order {order_number|your order}."
      step chat "Sorry."
    }
    rule is_late -> late { when affirmed(words { late delayed }) }
    rule is_broken -> broken { when affirmed(words { broken cracked }) }
    rule hurry -> signal urgent { when words { asap } }
    """
    static let ruleSet: CompiledRuleSet = {
        let (ruleSet, diagnostics) = RuleEngine.compile(embedded: [(path: "fixed.rules", contents: rules)], root: "")
        guard let ruleSet else { fatalError("the fixed pack does not compile: \(diagnostics.map(\.message))") }
        return ruleSet
    }()
    static let classifier = Classifier(ruleSet: ruleSet)
    /// What the reports print with no input at all: the HTML check must not blame the template.
    static let emptyTestReports: [ReportFormat: String] = {
        let run = TestRun(results: [], problems: [], skippedFiles: [], ruleSet: ruleSet, gates: TestGates(), baseline: nil, seconds: 0)
        return Dictionary(uniqueKeysWithValues: ReportRegistry.test.map { ($0.format, $0.render(run, options: ReportOptions())) })
    }()
}

private func check(_ output: String, format: ReportFormat, hostile: [String], template: String) {
    func fail(_ what: String) -> Never {
        fatalError("\(format.rawValue) report: \(what)\n--- output ---\n\(output.prefix(4000))")
    }
    switch format {
    case .json, .sarif:
        do { _ = try JSONReader.parse(Array(output.utf8)) } catch { fail("not JSON: \(error.message)") }
    case .junit:
        let parser = XMLParser(data: Data(output.utf8))
        if !parser.parse() { fail("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")") }
    case .html:
        for text in hostile where !template.contains(text) {
            if let range = output.range(of: text) {
                let start = output.index(range.lowerBound, offsetBy: -80, limitedBy: output.startIndex) ?? output.startIndex
                let context = String(output[start..<range.upperBound])
                fail("hostile text appears unescaped: \(text.debugDescription) in …\(context.debugDescription)")
            }
        }
        if output.unicodeScalars.contains(where: { $0.value < 0x20 && !["\n", "\t", "\r", "\u{0C}"].contains($0) }) { fail("a control character") }
    case .github:
        for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
            let command = line.hasPrefix("::") ? line.dropFirst(2).prefix { $0.isLetter || $0 == "-" } : ""
            if !["error", "warning", "notice", "group", "endgroup"].contains(String(command)) {
                fail("a line that is not a workflow command: \(line.prefix(200).debugDescription)")
            }
        }
        if output.unicodeScalars.contains(where: { $0 == "\r" || ($0.value < 0x20 && $0 != "\n") }) { fail("a control character") }
    default:
        if let bad = output.unicodeScalars.first(where: { $0 != "\n" && $0 != "\t" && TerminalText.needsEscape($0) }) {
            fail("an unescaped control character U+\(String(bad.value, radix: 16, uppercase: true))")
        }
    }
}
