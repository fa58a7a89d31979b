import Foundation
import TriageEvaluation
import TriageSupport

/// `triage test --html FILE`: one self-contained page (inline CSS, no script, no outside
/// resources) with the verdict, metrics, a confusion heat map, rule statistics and every
/// failing case with its matched words highlighted. Described in docs/test-reports.md.
struct TestHTMLReport: Reporter {
    static let format = ReportFormat.html
    static let summary = "write a self-contained HTML report"

    /// Messages longer than this many code points are cut in the page, so one huge corpus
    /// record cannot make the report unusable.
    static let messageLimit = 20_000

    let run: TestRun

    init(_ run: TestRun, options: ReportOptions) {
        self.run = run
    }

    func render() -> String {
        var body: [String] = [header(), navigation(), summary(), categories(), confusion(), rules()]
        if run.baseline != nil { body.append(baseline()) }
        if !run.problems.isEmpty || !run.skippedFiles.isEmpty { body.append(problems()) }
        body.append(failingCases())
        if !run.knownFailures.isEmpty || !run.fixedTodos.isEmpty { body.append(todoCases()) }
        if let coverage = run.coverage { body.append(coverageSection(coverage)) }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>triage test: \(run.passed ? "passed" : "failed")</title>
        <style>
        \(Self.css)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    // MARK: - Sections

    private func header() -> String {
        let verdict = run.passed ? "PASSED" : "FAILED"
        var reasons: [String] = []
        if !run.blockingFailures.isEmpty {
            let count = run.blockingFailures.count
            reasons.append(run.baseline == nil ? run.blockingFailureText : "\(count) newly broken")
        }
        if !run.gateFailures.isEmpty { reasons.append("\(run.gateFailures.count) minimum\(run.gateFailures.count == 1 ? "" : "s") not met") }
        if !run.problems.isEmpty { reasons.append("\(run.problems.count) unreadable input\(run.problems.count == 1 ? "" : "s")") }
        let why = run.passed ? (run.hasGates ? "every fixture passed and every minimum was met" : "every fixture passed; no gates set, so corpus records are not checked") : reasons.joined(separator: ", ")
        var html = """
        <header class="verdict \(run.passed ? "passed" : "failed")">
        <h1>triage test <span class="badge">\(verdict)</span></h1>
        <p class="why">\(e(why))</p>
        """
        if !run.gateFailures.isEmpty {
            html += "<ul class=\"gates\">" + run.gateFailures.map { "<li>✗ \(e($0))</li>" }.joined() + "</ul>\n"
        }
        html += "<p class=\"meta\">\(run.results.count) cases (\(run.fixtureCount) fixtures, \(run.exampleCount > 0 ? "\(run.exampleCount) rule examples, " : "")\(run.corpusCount) corpus records) in \(String(format: "%.2f", run.seconds)) s</p>\n</header>"
        return html
    }

    private func navigation() -> String {
        var links = [("summary", "Summary"), ("categories", "Categories"), ("confusion", "Confusion"), ("rules", "Rules")]
        if run.baseline != nil { links.append(("baseline", "Baseline")) }
        if !run.problems.isEmpty || !run.skippedFiles.isEmpty { links.append(("problems", "Input problems")) }
        links.append(("failures", "Failing cases (\(run.failed.count))"))
        if !run.knownFailures.isEmpty || !run.fixedTodos.isEmpty { links.append(("todo", "Todo (\(run.knownFailures.count + run.fixedTodos.count))")) }
        if run.coverage != nil { links.append(("coverage", "Coverage")) }
        return "<nav>" + links.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined() + "</nav>"
    }

    private func summary() -> String {
        let m = run.metrics
        let passedCount = run.results.filter { $0.status == .passed }.count
        let cards: [(String, String, String)] = [
            ("accuracy", f3(m.accuracy), "\(m.correct) of \(m.total) right"),
            ("macro F1", f3(m.macroF1), "mean over \(m.labels.count) categories"),
            ("micro F1", f3(m.microF1), "all decisions pooled"),
            ("answered fallback", f3(m.fallbackShare), "share of cases"),
            ("cases", String(run.results.count), "\(run.fixtureCount) fixtures, \(run.exampleCount > 0 ? "\(run.exampleCount) examples, " : "")\(run.corpusCount) corpus"),
            ("passed", String(passedCount), ""),
            ("failed", String(run.failed.count), "\(run.blockingFailures.count) fail the run"),
            ("todo", String(run.knownFailures.count + run.fixedTodos.count), run.fixedTodos.isEmpty ? "known failures" : "\(run.fixedTodos.count) now passing"),
            ("input problems", String(run.problems.count), run.skippedFiles.isEmpty ? "" : "\(run.skippedFiles.count) files skipped"),
        ]
        let html = cards.map { label, value, note in
            let alert = (label == "failed" && run.failed.count > 0) || (label == "input problems" && !run.problems.isEmpty)
            return "<div class=\"card\(alert ? " alert" : "")\"><div class=\"label\">\(e(label))</div><div class=\"value\">\(value)</div><div class=\"note\">\(e(note))</div></div>"
        }.joined()
        return "<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">\(html)</div></section>"
    }

    private func categories() -> String {
        var rows = run.metrics.perCategory.map { c in
            """
            <tr><th scope="row"><code>\(e(c.category))</code></th><td class="num">\(f2(c.precision))</td><td class="num">\(f2(c.recall))</td>\
            <td class="num"><span class="score \(c.support == 0 ? "dim" : grade(c.f1))">\(f2(c.f1))</span>\
            <span class="bar"><span style="width:\(Int((c.f1 * 100).rounded()))%"></span></span></td>\
            <td class="num">\(c.support)</td><td class="num">\(c.predicted)</td></tr>
            """
        }
        for category in run.rules.categoriesWithoutCases where run.metrics.metrics(for: category) == nil {
            rows.append("<tr class=\"dim\"><th scope=\"row\"><code>\(e(category))</code></th><td colspan=\"5\">no cases</td></tr>")
        }
        return """
        <section id="categories"><h2>Categories</h2>
        <table class="grid"><thead><tr><th>category</th><th class="num">precision</th><th class="num">recall</th><th class="num">F1</th>\
        <th class="num">support</th><th class="num">answered</th></tr></thead>
        <tbody>
        \(rows.joined(separator: "\n"))
        </tbody></table>
        <p class="hint">support: cases that expect the category; answered: cases the rules gave it.</p>
        </section>
        """
    }

    /// Rows are expected, columns answered. A cell's strength is its share of the row, so a
    /// small category's mistakes show as clearly as a big one's; right answers are green,
    /// wrong ones red.
    private func confusion() -> String {
        let labels = run.metrics.labels
        guard !labels.isEmpty else { return "<section id=\"confusion\"><h2>Confusion</h2><p>No cases.</p></section>" }
        let head = labels.map { "<th class=\"col\" scope=\"col\"><span>\(e($0))</span></th>" }.joined()
        var rows: [String] = []
        for (row, expected) in labels.enumerated() {
            let support = run.metrics.confusion[row].reduce(0, +)
            var cells = ""
            for (column, answered) in labels.enumerated() {
                let count = run.metrics.confusion[row][column]
                let diagonal = row == column
                guard count > 0 else {
                    cells += "<td class=\"cell empty\(diagonal ? " diagonal" : "")\">·</td>"
                    continue
                }
                let share = Double(count) / Double(max(support, 1))
                // A floor keeps a single stray case visible in a big row.
                let alpha = 0.12 + 0.88 * share
                let color = diagonal ? "22,163,74" : "220,38,38"
                let title = "expected \(expected), answered \(answered): \(count) of \(support) (\(Int((share * 100).rounded()))%)"
                cells += "<td class=\"cell\(diagonal ? " diagonal" : "")\(alpha > 0.55 ? " strong" : "")\" style=\"background:rgba(\(color),\(String(format: "%.2f", alpha)))\" title=\"\(a(title))\">\(count)</td>"
            }
            rows.append("<tr><th scope=\"row\" class=\"rowlabel\">\(e(expected))</th>\(cells)<td class=\"num support\">\(support)</td></tr>")
        }
        return """
        <section id="confusion"><h2>Confusion</h2>
        <p class="hint">Rows: expected category. Columns: the category the rules answered. Colour strength is the cell's share of its row; \
        <span class="key right">right answers</span> on the diagonal, <span class="key wrong">wrong answers</span> elsewhere.</p>
        <div class="scroll"><table class="heat">
        <thead><tr><th class="corner">expected ↓ &nbsp; answered →</th>\(head)<th class="col"><span>support</span></th></tr></thead>
        <tbody>
        \(rows.joined(separator: "\n"))
        </tbody></table></div>
        </section>
        """
    }

    private func rules() -> String {
        let fired = run.rules.entries.filter { $0.fired > 0 }.sorted { a, b in
            (a.precision ?? 2, -a.fired, a.rule) < (b.precision ?? 2, -b.fired, b.rule)
        }
        let rows = fired.map { entry in
            let precision = entry.precision.map(f2) ?? "–"
            let rank = entry.precision.map(grade) ?? "dim"
            return """
            <tr class="\(rank == "bad" ? "low" : rank == "fair" ? "fair" : "")"><th scope="row"><code>\(e(entry.rule))</code></th><td><code>\(e(entry.target))</code></td>\
            <td class="where">\(e(entry.file)):\(entry.line)</td><td class="num">\(entry.fired)</td><td class="num">\(entry.correct)/\(entry.judged)</td>\
            <td class="num"><span class="score \(rank)">\(precision)</span></td></tr>
            """
        }
        var html = """
        <section id="rules"><h2>Rules</h2>
        <p class="hint">Lowest precision first. correct/judged: of the cases where the rule fired and the case says something about its target, \
        how many expected that target. Precision below 0.5 is <span class="key wrong">red</span>, below 0.8 <span class="key fair">amber</span>.</p>
        """
        if rows.isEmpty {
            html += "<p>No rule fired.</p>"
        } else {
            html += """
            <table class="grid"><thead><tr><th>rule</th><th>target</th><th>defined at</th><th class="num">fired</th>\
            <th class="num">correct/judged</th><th class="num">precision</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table>
            """
        }
        let never = run.rules.neverFired
        if !never.isEmpty {
            html += "<h3>Never fired (\(never.count))</h3><ul class=\"chips\">"
                + never.map { "<li title=\"\(a("\($0.file):\($0.line)"))\"><code>\(e($0.rule))</code> <span class=\"dim\">→ \(e($0.target))</span></li>" }.joined()
                + "</ul>"
        }
        let uncovered = run.rules.categoriesWithoutCases
        if !uncovered.isEmpty {
            html += "<h3>Categories without cases (\(uncovered.count))</h3><ul class=\"chips\">"
                + uncovered.map { "<li><code>\(e($0))</code></li>" }.joined() + "</ul>"
        }
        return html + "</section>"
    }

    private func baseline() -> String {
        guard let b = run.baseline else { return "" }
        // Failing and todo cases have an entry below (`case-INDEX`) to link to.
        var anchors: [String: Int] = [:]
        for (index, result) in run.results.enumerated() where result.status == .failed || result.status == .knownFailure {
            anchors[result.testCase.id] = anchors[result.testCase.id] ?? index
        }
        func link(_ result: CaseResult) -> String {
            let code = "<code>\(e(location(result)))</code>"
            return anchors[result.testCase.id].map { "<a href=\"#case-\($0)\">\(code)</a>" } ?? code
        }
        func list(_ title: String, _ results: [CaseResult], _ describe: (CaseResult) -> String) -> String {
            guard !results.isEmpty else { return "" }
            return "<h3>\(title) (\(results.count))</h3><ul class=\"plain\">"
                + results.map { "<li>\(link($0)) \(e(describe($0)))</li>" }.joined() + "</ul>"
        }
        var html = """
        <section id="baseline"><h2>Against the baseline</h2>
        <p>\(b.newlyBroken.count) newly broken, \(b.newlyFixed.count) newly fixed, \(b.changed.count) other changes, \(b.removed.count) no longer seen.</p>
        """
        html += list("Newly broken", b.newlyBroken) { $0.failures.joined(separator: "; ") }
        html += list("Newly fixed", b.newlyFixed) { "now \($0.category)" }
        html += list("Changed", b.changed) { "now \($0.category)" }
        if !b.removed.isEmpty {
            html += "<h3>No longer seen (\(b.removed.count))</h3><ul class=\"plain\">" + b.removed.map { "<li><code>\(e($0))</code></li>" }.joined() + "</ul>"
        }
        if !b.newlyFixed.isEmpty || !b.changed.isEmpty {
            html += "<p class=\"hint\">Run with --update-baseline to accept the new decisions.</p>"
        }
        return html + "</section>"
    }

    private func problems() -> String {
        var html = "<section id=\"problems\"><h2>Input problems (\(run.problems.count))</h2>"
        if !run.problems.isEmpty {
            html += "<table class=\"grid\"><thead><tr><th>where</th><th>problem</th></tr></thead><tbody>"
                + run.problems.map { "<tr class=\"low\"><td class=\"where\">\(e($0.file)):\($0.line)</td><td>\(e($0.message))</td></tr>" }.joined()
                + "</tbody></table>"
        }
        if !run.skippedFiles.isEmpty {
            html += "<details><summary>\(run.skippedFiles.count) skipped file\(run.skippedFiles.count == 1 ? "" : "s") (neither fixtures nor corpora)</summary><ul class=\"plain\">"
                + run.skippedFiles.map { "<li><code>\(e($0))</code></li>" }.joined() + "</ul></details>"
        }
        return html + "</section>"
    }

    private func failingCases() -> String {
        let blocking = Set(run.blockingFailures.map(\.testCase.id))
        // Cases that fail the run first; the order of the run within each group.
        let failed = run.results.enumerated().filter { $0.element.status == .failed }
            .sorted { (blocking.contains($0.element.testCase.id) ? 0 : 1, $0.offset) < (blocking.contains($1.element.testCase.id) ? 0 : 1, $1.offset) }
        var html = "<section id=\"failures\"><h2>Failing cases (\(failed.count))</h2>"
        if failed.isEmpty { return html + "<p>None.</p></section>" }
        html += "<p class=\"hint\">Matched words are marked: <mark class=\"good\">toward the expected category</mark> "
            + "<mark class=\"bad\">toward the wrong answer</mark> <mark class=\"other\">other rules and signals</mark>; hover a mark for its rules.</p>"
        for (index, result) in failed {
            let badge = blocking.contains(result.testCase.id)
                ? "<span class=\"badge fail\">\(run.baseline == nil ? "FAIL" : "NEWLY BROKEN")</span>"
                : "<span class=\"badge soft\" title=\"corpus records are gated by the minimums; with a baseline only newly broken cases fail the run\">does not fail the run</span>"
            html += caseCard(result, index: index, badge: badge)
        }
        return html + "</section>"
    }

    private func todoCases() -> String {
        var html = "<section id=\"todo\"><h2>Todo cases</h2>"
        if !run.fixedTodos.isEmpty {
            html += "<h3>Now passing: remove their 'todo' line (\(run.fixedTodos.count))</h3><ul class=\"plain\">"
                + run.fixedTodos.map { "<li><code>\(e(location($0)))</code> <span class=\"dim\">todo: \(e($0.testCase.todo ?? ""))</span></li>" }.joined()
                + "</ul>"
        }
        if !run.knownFailures.isEmpty {
            html += "<details><summary>Known failures (\(run.knownFailures.count)), not counted against the run</summary>"
            for (index, result) in run.results.enumerated() where result.status == .knownFailure {
                html += caseCard(result, index: index, badge: "<span class=\"badge soft\">todo: \(e(result.testCase.todo ?? ""))</span>")
            }
            html += "</details>"
        }
        return html + "</section>"
    }

    // MARK: - One case

    private func caseCard(_ result: CaseResult, index: Int, badge: String) -> String {
        let testCase = result.testCase
        let expectation = testCase.expectation
        // Only what the case expects is shown; a row whose answer misses it is flagged.
        var rows = [("category", e(expectation.categoryText), e(result.category) + " <span class=\"dim\">confidence \(f2(result.confidence))</span>",
                     expectation.negated ? result.category == expectation.category : result.category != expectation.category)]
        if let secondary = expectation.secondary {
            rows.append(("secondary", e(secondary ?? "none"), e(result.secondary ?? "none"), secondary != result.secondary))
        }
        if let signals = expectation.signals {
            let missed = expectation.requireNoSignals ? !result.signals.isEmpty : !signals.allSatisfy(result.signals.contains)
            rows.append(("signals", e(expectation.requireNoSignals ? "none" : signals.joined(separator: ", ")),
                         e(result.signals.isEmpty ? "none" : result.signals.joined(separator: ", ")), missed))
        }
        if !expectation.entities.isEmpty {
            rows.append(("entities", e(expectation.entities.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")),
                         e(result.entities.isEmpty ? "none" : result.entities.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")),
                         !expectation.entities.allSatisfy(result.entities.contains)))
        }
        if let playbook = expectation.playbook {
            rows.append(("playbook", e(playbook), e(result.playbook ?? "none"), playbook != result.playbook))
        }
        let table = "<table class=\"expect\"><thead><tr><th></th><th>expected</th><th>got</th></tr></thead><tbody>"
            + rows.map { "<tr\($0.3 ? " class=\"miss\"" : "")><th scope=\"row\">\($0.0)</th><td>\($0.1)</td><td>\($0.2)</td></tr>" }.joined() + "</tbody></table>"
        var html = """
        <article class="case" id="case-\(index)">
        <h3>\(badge) <code>\(e(location(result)))</code></h3>
        \(table)
        <ul class="reasons">\(result.failures.map { "<li>\(e($0))</li>" }.joined())</ul>
        """
        if let note = testCase.note { html += "<p class=\"note\">note: \(e(note))</p>" }
        html += "<pre class=\"message\">\(highlighted(result))</pre>"
        if result.evidence.isEmpty {
            html += "<p class=\"dim\">No rule fired.</p>"
        } else {
            html += "<table class=\"fired\"><thead><tr><th>rule that fired</th><th>target</th><th class=\"num\">weight</th><th>matched words (line:column)</th></tr></thead><tbody>"
            for evidence in result.evidence {
                let words = evidence.matches.map { "<q>\(e($0.text))</q>&nbsp;<span class=\"dim\">\($0.line):\($0.column)</span>" }.joined(separator: ", ")
                let weight = evidence.weight >= 0 ? "+\(evidence.weight.compact)" : evidence.weight.compact
                html += "<tr class=\"\(markKind(evidence.target, result))\"><td><code>\(e(evidence.rule))</code></td><td><code>\(e(evidence.target))</code></td>"
                    + "<td class=\"num\">\(weight)</td><td>\(words)</td></tr>"
            }
            html += "</tbody></table>"
        }
        if !result.limitHits.isEmpty {
            html += "<p class=\"dim\">Patterns stopped by a match limit: \(e(result.limitHits.joined(separator: ", ")))</p>"
        }
        return html + "</article>\n"
    }

    /// Rules pointing at the expected category helped, those pointing at the wrong answer misled.
    private func markKind(_ target: String, _ result: CaseResult) -> String {
        if target == result.testCase.expectation.category { return "good" }
        if target == result.category { return "bad" }
        return "other"
    }

    /// The message with every matched span in a `<mark>`. Matches of several rules may
    /// overlap, so the text is cut at every match boundary and each piece is marked with all
    /// the rules covering it: the marks never nest or cross. Offsets count Unicode scalars.
    private func highlighted(_ result: CaseResult) -> String {
        let scalars = Array(result.testCase.text.unicodeScalars)
        let shown = min(scalars.count, Self.messageLimit)
        struct Span {
            let start: Int, end: Int
            let label: String, kind: String
        }
        var spans: [Span] = []
        var cuts: Set<Int> = [0, shown]
        for evidence in result.evidence {
            let kind = markKind(evidence.target, result)
            for match in evidence.matches {
                let start = max(0, min(match.start, shown)), end = max(start, min(match.end, shown))
                guard end > start else { continue }
                spans.append(Span(start: start, end: end, label: "\(evidence.rule) → \(evidence.target)", kind: kind))
                cuts.insert(start)
                cuts.insert(end)
            }
        }
        let points = cuts.sorted()
        var html = ""
        for (from, to) in zip(points, points.dropFirst()) {
            let piece = e(String(String.UnicodeScalarView(scalars[from..<to])))
            let covering = spans.filter { $0.start <= from && $0.end >= to }
            guard !covering.isEmpty else {
                html += piece
                continue
            }
            var labels: [String] = []
            for span in covering where !labels.contains(span.label) { labels.append(span.label) }
            let kinds = Set(covering.map(\.kind))
            let kind = kinds.contains("bad") ? "bad" : kinds.contains("good") ? "good" : "other"
            html += "<mark class=\"\(kind)\(labels.count > 1 ? " multi" : "")\" title=\"\(a(labels.joined(separator: "\n")))\">\(piece)</mark>"
        }
        if scalars.count > shown {
            html += "<span class=\"cut\">… \(scalars.count - shown) more characters not shown</span>"
        }
        return html
    }

    // MARK: - Helpers

    private func location(_ result: CaseResult) -> String {
        "\(result.testCase.file):\(result.testCase.line)"
    }

    private func grade(_ value: Double) -> String {
        value < 0.5 ? "bad" : value < 0.8 ? "fair" : "good"
    }

    // MARK: - Coverage

    /// Each rule file with its lines coloured: green where a rule fired or a pattern or entry
    /// matched, red where one never did; the gutter gives the cases and, on hover, what.
    private func coverageSection(_ coverage: RuleCoverage) -> String {
        var html = "<section id=\"coverage\"><h2>Coverage</h2><p>\(coverage.cases) cases: rules fired \(coverage.rulesFired)/\(coverage.ruleCount), "
            + "patterns matched \(coverage.patternsMatched)/\(coverage.patternCount), word-list entries matched \(coverage.wordsMatched)/\(coverage.wordCount). "
            + "A red entry matched nothing: a candidate for removal, or for a fixture that needs it.</p>"
        for file in coverage.files {
            let marks = file.lineCoverage
            var notes: [Int: [String]] = [:]
            for rule in file.rules { notes[rule.line, default: []].append("rule \(rule.name): fired \(rule.fired)") }
            for pattern in file.patterns { notes[pattern.line, default: []].append("pattern at column \(pattern.column): matched \(pattern.matched)") }
            for word in file.words where word.matched == 0 { notes[word.line, default: []].append("'\(word.text)': matched 0") }
            let fired = file.rules.filter { $0.fired > 0 }.count
            html += "<details open><summary><code>\(e(file.path))</code> — rules \(fired)/\(file.rules.count)</summary><pre class=\"coverage\">"
            for (index, text) in file.lines.enumerated() {
                let line = index + 1
                let kind = marks[line].map { $0 ? "hit" : "miss" } ?? "none"
                let title = notes[line].map { " title=\"\(a($0.joined(separator: "; ")))\"" } ?? ""
                html += "<span class=\"cov-\(kind)\"\(title)><span class=\"ln\">\(line)</span>\(e(text))</span>\n"
            }
            html += "</pre></details>"
        }
        return html + "</section>"
    }

    private func e(_ text: String) -> String { HTMLEscaping.text(text) }
    private func a(_ text: String) -> String { HTMLEscaping.attribute(text) }
    private func f2(_ value: Double) -> String { String(format: "%.2f", value) }
    private func f3(_ value: Double) -> String { String(format: "%.3f", value) }

    static let css = """
    :root { color-scheme: light; --ink: #1f2328; --dim: #656d76; --line: #d0d7de; --soft: #f6f8fa;
      --green: #1a7f37; --red: #cf222e; --amber: #9a6700; }
    pre.coverage { overflow-x: auto; padding: 8px 0; background: var(--soft); }
    pre.coverage > span { display: block; padding: 0 12px; white-space: pre; }
    pre.coverage .cov-hit { background: #dafbe1; }
    pre.coverage .cov-miss { background: #ffebe9; }
    pre.coverage .ln { display: inline-block; width: 4em; color: var(--dim); user-select: none; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1200px; padding: 0 24px 48px; color: var(--ink); background: #fff;
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    code, pre, .where { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
    h1 { margin: 0; font-size: 26px; }
    h2 { margin: 36px 0 12px; font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
    h3 { margin: 20px 0 8px; font-size: 16px; }
    .dim, tr.dim { color: var(--dim); }
    .hint { color: var(--dim); font-size: 13px; margin: 6px 0 10px; }
    .verdict { margin: 24px 0 0; padding: 18px 22px; border-radius: 8px; border: 1px solid; }
    .verdict.passed { background: #dafbe1; border-color: #4ac26b; }
    .verdict.failed { background: #ffebe9; border-color: #ff8182; }
    .verdict .why { margin: 6px 0 0; font-size: 17px; }
    .verdict .meta { margin: 6px 0 0; color: var(--dim); }
    .verdict .gates { margin: 8px 0 0; padding: 0; list-style: none; color: var(--red); font-weight: 500; }
    .badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 13px; font-weight: 600; vertical-align: middle; }
    .passed .badge { background: var(--green); color: #fff; }
    .failed .badge, .badge.fail { background: var(--red); color: #fff; }
    .badge.soft { background: #eaeef2; color: var(--ink); font-weight: 500; }
    nav { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: 8px 0; margin-top: 12px; z-index: 1; }
    nav a { margin-right: 18px; color: #0969da; text-decoration: none; font-size: 14px; }
    nav a:hover { text-decoration: underline; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; background: var(--soft); }
    .card.alert { border-color: #ff8182; background: #fff5f5; }
    .card .label { color: var(--dim); font-size: 13px; }
    .card .value { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .card .note { color: var(--dim); font-size: 12px; min-height: 1em; }
    table { border-collapse: collapse; }
    .grid { width: 100%; }
    .grid th, .grid td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: baseline; }
    .grid thead th { background: var(--soft); font-size: 13px; }
    .grid th[scope=row] { font-weight: normal; }
    .num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .where { color: var(--dim); }
    tr.low td, tr.low th { background: #fff1f0; }
    tr.fair td, tr.fair th { background: #fff8e1; }
    .score { font-weight: 600; }
    .score.good { color: var(--green); }
    .score.fair { color: var(--amber); }
    .score.bad { color: var(--red); }
    .score.dim { color: var(--dim); font-weight: normal; }
    .bar { display: inline-block; width: 60px; height: 6px; margin-left: 8px; background: #eaeef2; border-radius: 3px; vertical-align: middle; overflow: hidden; }
    .bar span { display: block; height: 100%; background: #8c959f; }
    .key { padding: 0 6px; border-radius: 4px; }
    .key.right { background: rgba(22,163,74,.5); }
    .key.wrong { background: rgba(220,38,38,.45); }
    .key.fair { background: #fff8c5; }
    .scroll { overflow-x: auto; }
    .heat { font-variant-numeric: tabular-nums; }
    .heat th, .heat td { border: 1px solid #fff; }
    .heat .corner { text-align: left; vertical-align: bottom; font-size: 12px; color: var(--dim); font-weight: normal; padding: 4px 8px; }
    .heat th.col { vertical-align: bottom; padding: 6px 2px; font-weight: 500; font-size: 13px; }
    .heat th.col span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; display: inline-block; }
    .heat .rowlabel { text-align: right; padding: 0 10px; font-weight: 500; font-size: 13px; white-space: nowrap; }
    .heat .cell { width: 46px; min-width: 46px; height: 34px; text-align: center; font-size: 14px; color: var(--ink); }
    .heat .cell.strong { color: #fff; font-weight: 600; }
    .heat .cell.empty { color: #c4cad1; background: #f6f8fa; }
    .heat .cell.empty.diagonal { background: #e9f5ec; }
    .heat .support { color: var(--dim); padding: 0 10px; font-size: 13px; }
    .chips { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
    .chips li { border: 1px solid var(--line); border-radius: 6px; padding: 2px 8px; background: var(--soft); font-size: 13px; }
    ul.plain { padding-left: 20px; }
    details summary { cursor: pointer; margin: 10px 0; font-weight: 500; }
    .case { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 14px 0; }
    .case h3 { margin: 0 0 8px; font-size: 15px; font-weight: 500; }
    .expect th, .expect td { padding: 2px 14px 2px 0; text-align: left; vertical-align: top; }
    .expect thead th { color: var(--dim); font-weight: normal; font-size: 13px; }
    .expect tbody th { color: var(--dim); font-weight: normal; }
    .expect tr.miss td:last-child { color: var(--red); font-weight: 600; }
    .expect tr.miss td:last-child .dim { font-weight: normal; }
    .reasons { margin: 8px 0; padding-left: 20px; color: var(--red); }
    p.note { color: var(--dim); font-style: italic; margin: 4px 0; }
    .message { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
      padding: 10px 12px; margin: 10px 0; font-size: 13px; line-height: 1.6; max-height: 420px; overflow-y: auto; }
    mark { border-radius: 3px; padding: 1px 0; color: inherit; }
    mark.good { background: #aceebb; }
    mark.bad { background: #ffcecb; box-shadow: inset 0 -2px 0 var(--red); }
    mark.other { background: #fff3b0; }
    mark.multi { outline: 1px dashed #57606a; }
    .cut { color: var(--dim); font-style: italic; }
    .fired { width: 100%; font-size: 13px; }
    .fired th, .fired td { padding: 3px 10px 3px 0; text-align: left; vertical-align: top; border-bottom: 1px solid #eaeef2; }
    .fired thead th { color: var(--dim); font-weight: normal; }
    .fired tr.good td:first-child { border-left: 3px solid #4ac26b; padding-left: 6px; }
    .fired tr.bad td:first-child { border-left: 3px solid var(--red); padding-left: 6px; }
    .fired tr.other td:first-child { border-left: 3px solid #d4a72c; padding-left: 6px; }
    q { quotes: "‘" "’"; }
    """
}
