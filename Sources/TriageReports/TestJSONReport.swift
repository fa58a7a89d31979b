import TriageEvaluation
import TriageSupport

/// `triage test --json FILE`: the whole run as one object, schema `triage.test-report`
/// version 1 (docs/cli.md).
struct TestJSONReport: Reporter {
    static let format = ReportFormat.json
    static let summary = "write the full report as JSON"
    static let schema = "triage.test-report"
    static let version = 1

    let run: TestRun

    init(_ run: TestRun, options: ReportOptions) {
        self.run = run
    }

    func render() -> String {
        JSONWriter.write(value, pretty: true) + "\n"
    }

    var value: JSONValue {
        let m = run.metrics
        return .object([
            JSONMember("schema", .string(Self.schema)),
            JSONMember("version", .int(Self.version)),
            JSONMember("passed", .bool(run.passed)),
            JSONMember("summary", .object([
                JSONMember("cases", .int(run.results.count)), JSONMember("fixtures", .int(run.fixtureCount)),
                JSONMember("corpus_records", .int(run.corpusCount)), JSONMember("examples", .int(run.exampleCount)),
                JSONMember("passed", .int(run.results.filter { $0.status == .passed }.count)),
                JSONMember("failed", .int(run.failed.count)), JSONMember("todo", .int(run.knownFailures.count)),
                JSONMember("todo_passing", .int(run.fixedTodos.count)), JSONMember("input_problems", .int(run.problems.count)), JSONMember("input_repaired", .int(run.repairs.count)),
                JSONMember("skipped_files", .int(run.skippedFiles.count)), JSONMember("filtered_out", .int(run.filteredOut)), JSONMember("seconds", .double(run.seconds)),
            ])),
            JSONMember("metrics", .object([
                JSONMember("accuracy", .double(m.accuracy)), JSONMember("macro_f1", .double(m.macroF1)),
                JSONMember("micro_f1", .double(m.microF1)), JSONMember("fallback_share", .double(m.fallbackShare)),
                JSONMember("categories", .array(m.perCategory.map { c in
                    .object([JSONMember("category", .string(c.category)), JSONMember("precision", .double(c.precision)),
                             JSONMember("recall", .double(c.recall)), JSONMember("f1", .double(c.f1)),
                             JSONMember("support", .int(c.support)), JSONMember("predicted", .int(c.predicted))])
                })),
                JSONMember("confusion", .object([
                    JSONMember("labels", .array(m.labels.map { .string($0) })),
                    JSONMember("matrix", .array(m.confusion.map { row in .array(row.map { .int($0) }) })),
                ])),
            ])),
            JSONMember("rules", .array(run.rules.entries.map { entry in
                .object([JSONMember("rule", .string(entry.rule)), JSONMember("target", .string(entry.target)),
                         JSONMember("file", .string(entry.file)), JSONMember("line", .int(entry.line)),
                         JSONMember("fired", .int(entry.fired)), JSONMember("correct", .int(entry.correct)),
                         JSONMember("judged", .int(entry.judged)), JSONMember("precision", entry.precision.map { .double($0) } ?? .null)])
            })),
            JSONMember("never_fired", .array(run.rules.neverFired.map { .string($0.rule) })),
            JSONMember("categories_without_cases", .array(run.rules.categoriesWithoutCases.map { .string($0) })),
            JSONMember("gates", .array(run.gateFailures.map { .string($0) })),
            JSONMember("baseline", run.baseline.map { b in
                .object([JSONMember("newly_broken", .array(b.newlyBroken.map { .string($0.testCase.id) })),
                         JSONMember("newly_fixed", .array(b.newlyFixed.map { .string($0.testCase.id) })),
                         JSONMember("changed", .array(b.changed.map { .string($0.testCase.id) })),
                         JSONMember("removed", .array(b.removed.map { .string($0) }))])
            } ?? .null),
            JSONMember("coverage", run.coverage.map(coverageValue) ?? .null),
            JSONMember("problems", .array(run.problems.map { p in
                .object([JSONMember("file", .string(p.file)), JSONMember("line", .int(p.line)), JSONMember("message", .string(p.message))])
            })),
            JSONMember("repairs", .array(run.repairs.map { p in
                .object([JSONMember("file", .string(p.file)), JSONMember("line", .int(p.line)), JSONMember("message", .string(p.message))])
            })),
            JSONMember("cases", .array(run.results.map(caseValue))),
        ])
    }

    private func caseValue(_ result: CaseResult) -> JSONValue {
        let e = result.testCase.expectation
        var expected: [JSONMember] = [JSONMember("category", .string(e.category))]
        if let secondary = e.secondary { expected.append(JSONMember("secondary", secondary.map { .string($0) } ?? .null)) }
        if let signals = e.signals { expected.append(JSONMember("signals", .array(signals.map { .string($0) }))) }
        if !e.entities.isEmpty { expected.append(JSONMember("entities", .array(e.entities.map { .object([JSONMember("name", .string($0.name)), JSONMember("value", .string($0.value))]) }))) }
        if let playbook = e.playbook { expected.append(JSONMember("playbook", .string(playbook))) }
        if e.negated { expected.append(JSONMember("negated", .bool(true))) }
        return .object([
            JSONMember("id", .string(result.testCase.id)), JSONMember("kind", .string(result.testCase.kind.rawValue)),
            JSONMember("file", .string(result.testCase.file)), JSONMember("line", .int(result.testCase.line)),
            JSONMember("status", .string(result.status.rawValue)),
            JSONMember("expected", .object(expected)),
            JSONMember("got", .object([
                JSONMember("category", .string(result.category)), JSONMember("secondary", result.secondary.map { .string($0) } ?? .null),
                JSONMember("confidence", .double(result.confidence)), JSONMember("signals", .array(result.signals.map { .string($0) })),
                JSONMember("entities", .array(result.entities.map { .object([JSONMember("name", .string($0.name)), JSONMember("value", .string($0.value))]) })),
                JSONMember("playbook", result.playbook.map { .string($0) } ?? .null),
            ])),
            JSONMember("failures", .array(result.failures.map { .string($0) })),
            JSONMember("todo", result.testCase.todo.map { .string($0) } ?? .null),
            JSONMember("evidence", .array(result.evidence.map { evidence in
                .object([JSONMember("rule", .string(evidence.rule)), JSONMember("target", .string(evidence.target)),
                         JSONMember("weight", .double(evidence.weight)),
                         JSONMember("matches", .array(evidence.matches.map { match in
                             .object([JSONMember("text", .string(match.text)), JSONMember("start", .int(match.start)), JSONMember("end", .int(match.end)),
                                      JSONMember("line", .int(match.line)), JSONMember("column", .int(match.column))])
                         }))])
            })),
            JSONMember("limits", .array(result.limitHits.map { .string($0) })),
        ])
    }

    /// `--coverage`, per rule file: rules with how many cases they fired on, patterns and
    /// word-list entries with how many cases they matched.
    private func coverageValue(_ coverage: RuleCoverage) -> JSONValue {
        .object([
            JSONMember("cases", .int(coverage.cases)),
            JSONMember("files", .array(coverage.files.map { file in
                .object([
                    JSONMember("file", .string(file.path)),
                    JSONMember("rules", .array(file.rules.map { rule in
                        .object([JSONMember("name", .string(rule.name)), JSONMember("line", .int(rule.line)), JSONMember("fired", .int(rule.fired))])
                    })),
                    JSONMember("patterns", .array(file.patterns.map { pattern in
                        .object([JSONMember("source", .string(pattern.source)), JSONMember("line", .int(pattern.line)),
                                 JSONMember("column", .int(pattern.column)), JSONMember("matched", .int(pattern.matched))])
                    })),
                    JSONMember("words", .array(file.words.map { word in
                        .object([JSONMember("text", .string(word.text)), JSONMember("line", .int(word.line)),
                                 JSONMember("column", .int(word.column)), JSONMember("matched", .int(word.matched))])
                    })),
                ])
            })),
        ])
    }
}
