import Testing
import TriageEngine
import TriageEvaluation
import TriageLint
import TriageSuggest
import TriageSyntax

@Suite struct SuggesterTests {
    @Test func theKnownPhraseWinsAndTheDecoyRanksBelowIt() throws {
        let report = try SuggestFixture.run().report
        let late = try #require(report.categories.first { $0.category == "late" })
        #expect(late.confusions.map { "\($0.expected) -> \($0.got) \($0.count)" } == ["late -> other 21"])
        let top = try #require(late.candidates.first)
        #expect(top.phrase == "still waiting")
        #expect(top.heldOut.net > 0)
        // "parcel" is in as many missed records, but breaks the refund records that mention it.
        let decoy = try #require(late.candidates.firstIndex { $0.phrase == "parcel" })
        let decoyCandidate = late.candidates[decoy]
        #expect(decoyCandidate.support >= top.support)
        #expect(decoyCandidate.heldOut.broken > decoyCandidate.heldOut.fixed)
        #expect(decoy > 0)
    }

    @Test func everyEffectIsWhatCompilingThePackWithThatOneRuleGives() throws {
        for holdout in [0.0, 0.3] {
            let (report, pack, ruleSet, cases) = try SuggestFixture.run(holdout: holdout, limit: 100)
            let split = HoldoutSplit(fraction: holdout)
            let base = Classifier(ruleSet: ruleSet)
            let before = cases.map { base.classify($0.text).category.id }
            for category in report.categories {
                for candidate in category.candidates + category.counterEvidence {
                    var extended = pack
                    let rule = "rule checked -> \(category.category) { when \"\(candidate.phrase)\" weight \(Int(candidate.weight)) }"
                    extended.files.append(Parser.parse(SourceFile(path: "checked.rules", text: rule)).0)
                    let classifier = Classifier(ruleSet: try #require(RulePackCompiler.compile(extended).0))
                    var heldOut = CandidateEffect(records: 0), mined = CandidateEffect(records: 0)
                    for (index, testCase) in cases.enumerated() {
                        let after = classifier.classify(testCase.text).category.id
                        let expected = testCase.expectation.category
                        func count(_ effect: inout CandidateEffect) {
                            effect.records += 1
                            if before[index] != expected && after == expected { effect.fixed += 1 }
                            else if before[index] == expected && after != expected { effect.broken += 1 }
                            else if before[index] != expected && before[index] != after { effect.changed += 1 }
                        }
                        let isHeldOut = holdout > 0 && split.isHeldOut(testCase)
                        if holdout == 0 || isHeldOut { count(&heldOut) }
                        if !isHeldOut { count(&mined) }
                    }
                    #expect(candidate.heldOut == heldOut, "'\(candidate.phrase)' for \(category.category), holdout \(holdout)")
                    #expect(candidate.mined == mined, "'\(candidate.phrase)' for \(category.category), holdout \(holdout)")
                }
            }
        }
    }

    @Test func snippetsParseAreCanonicalAndLintClean() throws {
        let (report, pack, _, _) = try SuggestFixture.run()
        let snippets = report.categories.flatMap { $0.candidates + $0.counterEvidence }.compactMap(\.snippet)
        #expect(!snippets.isEmpty)
        for snippet in snippets {
            let source = SourceFile(path: "snippet.rules", text: snippet.text)
            let (file, diagnostics) = Parser.parse(source)
            #expect(diagnostics.isEmpty, "\(snippet.text)")
            #expect(RuleFormatter.format(file) == snippet.text)
            var extended = pack
            extended.files.append(file)
            let findings = Linter.lint(extended).diagnostics.filter { $0.file?.path == "snippet.rules" }
            #expect(findings.isEmpty, "\(findings.map(DiagnosticRenderer.oneLine))")
            #expect(snippet.lintFindings.isEmpty)
            #expect(snippet.verified)
            #expect(snippet.text.hasPrefix("# triage suggest: on "))
        }
    }

    @Test func phrasesAlreadyInTheCategoryListsAreMarked() throws {
        let (pack, _, _) = try SuggestFixture.load()
        let vocabulary = PackVocabulary(files: pack.files)
        #expect(vocabulary.contains("late", category: "late"))
        #expect(vocabulary.contains("money back", category: "refund"))
        #expect(!vocabulary.contains("refund", category: "late"))
        #expect(!vocabulary.contains("still waiting", category: "late"))
    }

    @Test func oneCategoryOnlyAndUnknownCategories() throws {
        let report = try SuggestFixture.run(category: "late").report
        #expect(report.categories.map(\.category) == ["late"])
        #expect(throws: Suggester.Failure.self) { try SuggestFixture.run(category: "lat") }
        do {
            _ = try SuggestFixture.run(category: "lat")
        } catch {
            #expect((error as? Suggester.Failure)?.message == "unknown category 'lat'. did you mean 'late'?")
        }
    }

    @Test func holdoutSplitIsStableAndNearTheFraction() throws {
        let (_, _, cases) = try SuggestFixture.load()
        let split = HoldoutSplit(fraction: 0.3)
        let first = cases.map(split.isHeldOut)
        #expect(first == cases.reversed().map(split.isHeldOut).reversed())
        let share = Double(first.filter { $0 }.count) / Double(cases.count)
        #expect(share > 0.15 && share < 0.45)
        #expect(!cases.contains(where: HoldoutSplit(fraction: 0).isHeldOut))
        // The record id decides, not the file it is in.
        let moved = TestCase(id: "elsewhere.jsonl#\(cases[0].id.split(separator: "#").last!)", kind: .corpus, file: "elsewhere.jsonl", line: 9,
                             text: cases[0].text, textLine: 9, expectation: cases[0].expectation)
        #expect(split.isHeldOut(moved) == first[0])
    }
}
