import Foundation
import Testing
@testable import TriageCLI

@Suite struct ClassifyCommandTests {
    static let starterCases: [(text: String, category: String, playbook: String)] = [
        ("My order 112-3456789-1234567 was due Monday and tracking hasn't moved since", "delivery.late", "late_delivery"),
        ("The lamp arrived smashed to pieces, glass everywhere", "item.damaged", "damaged_item"),
        ("You charged my card twice for the same order!", "billing.charge", "wrong_charge"),
    ]

    @Test(arguments: starterCases.map(\.text))
    func shippedPackAnswersTheStarterCasesAsPlainText(_ text: String) throws {
        let expected = try #require(Self.starterCases.first { $0.text == text })
        let result = run(["classify", "--format", "json", text])
        #expect(result.code == .ok)
        let object = try json(result.stdout)
        #expect((object["category"] as? [String: Any])?["id"] as? String == expected.category)
        #expect((object["playbook"] as? [String: Any])?["id"] as? String == expected.playbook)
    }

    @Test func shippedPackAnswersTheStarterCasesAsTranscripts() throws {
        let transcripts = [
            ("customer: hi, my parcel was due last week\nagent: Sorry to hear that! Was the item damaged?\ncustomer: no, it hasn't arrived at all, still waiting", "delivery.late"),
            ("agent: How can I help?\ncustomer: the vase came cracked\nin two places\nagent: I can refund or replace it", "item.damaged"),
            ("Customer: I was charged twice for order 112-3456789-1234567\nAgent: Let me check the payment", "billing.charge"),
        ]
        for (text, category) in transcripts {
            let object = try json(run(["classify", "--format", "json", text]).stdout)
            #expect((object["category"] as? [String: Any])?["id"] as? String == category, "\(text)")
            #expect((object["input"] as? [String: Any])?["kind"] as? String == "transcript")
        }
    }

    @Test func textOutputShowsCategoryEvidenceEntitiesAndPlaybook() {
        let result = run(["classify", Self.starterCases[0].text])
        #expect(result.code == .ok)
        #expect(result.stdout.hasPrefix("delivery.late  Late delivery\n"))
        #expect(result.stdout.contains("entities: order_id 112-3456789-1234567"))
        #expect(result.stdout.contains("evidence\n"))
        #expect(result.stdout.contains("'hasn't moved' at 1:"))
        #expect(result.stdout.contains("playbook  Late delivery\n  1. self-service"))
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func jsonOutputIsVersionedAndComplete() throws {
        let object = try json(run(["classify", "--format=json", "URGENT: order 112-3456789-1234567 is late, I need it for a birthday tomorrow"]).stdout)
        #expect(object["schema"] as? String == "triage.classification")
        #expect(object["version"] as? Int == 1)
        for key in ["category", "confidence", "score", "secondary", "decision", "scores", "signals", "entities", "evidence", "playbook", "limits", "input"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let signals = (object["signals"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(signals?.contains("urgent") == true)
        let steps = ((object["playbook"] as? [String: Any])?["steps"] as? [[String: Any]])?.compactMap { $0["channel"] as? String }
        #expect(steps?.contains("phone") == true)
        let entity = (object["entities"] as? [[String: Any]])?.first { $0["name"] as? String == "order_id" }
        #expect(entity?["start"] as? Int == 14)
        #expect(entity?["column"] as? Int == 15)
        #expect(object["explanation"] == nil)
    }

    @Test func explainLeadsWithTheRulesThatFiredAndTheClosestMisses() throws {
        let result = run(["classify", "--explain", "box late"])
        #expect(result.code == .ok)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("rules that fired (2 of ") == true)
        #expect(lines.contains { $0.hasPrefix("  ✓ parcel_is_late -> delivery.late +3 [customer]  <shipped>/rules/delivery.rules:") })
        #expect(lines.contains { $0.hasPrefix("closest misses (5 of ") })
        #expect(lines.contains { $0.hasPrefix("  · late_weak_wording -> delivery.late") })
        #expect(lines.contains("      condition held, but unless clause 1 held too"))
        #expect(lines.contains("every rule considered, pattern by pattern: --explain=all"))
        #expect(!result.stdout.contains("every rule considered ("))
        #expect(lines.count < 60, "short: \(lines.count) lines")
        #expect(result.stdout.contains("decision  delivery.late"))
    }

    @Test func explainAllAddsEveryRuleConsidered() throws {
        for option in ["--explain=all", "-e=all"] {
            let result = run(["classify", option, "my parcel is not damaged, just late"])
            #expect(result.code == .ok)
            #expect(result.stdout.hasPrefix("rules that fired"))
            #expect(result.stdout.contains("every rule considered ("))
            #expect(result.stdout.contains("negated"))
            #expect(result.stdout.contains("decision  delivery.late"))
            #expect(!result.stdout.contains("pattern by pattern: --explain=all"))
        }
        #expect(run(["classify", "--explain=some", "box late"]).code == .usage)
        // `--explain TEXT`: the text is the message, not the option's value.
        #expect(run(["classify", "--explain", "all", "late"]).stdout.hasPrefix("rules that fired"))
    }

    @Test func evidenceQuotesEachPlaceOnce() throws {
        // 'box' is matched by several patterns of one rule: one quote per rule, per line.
        for arguments in [["classify", "--explain", "box late"], ["classify", "--explain=all", "box late"], ["classify", "box box late late"]] {
            let output = run(arguments).stdout
            for line in output.split(separator: "\n") {
                let quotes = line.matches(of: /'[^']*' at \d+:\d+/).map { String(line[$0.range]) }
                #expect(quotes.count == Set(quotes).count, "repeated in: \(line)")
            }
        }
        let all = run(["classify", "--explain=all", "box late"]).stdout
        #expect(all.contains("      parcel: the same text as parcel_broad"))
        let object = try json(run(["classify", "--format", "json", "box late"]).stdout)
        for hit in try #require(object["evidence"] as? [[String: Any]]) {
            let starts = (hit["matches"] as? [[String: Any]] ?? []).compactMap { "\($0["start"] ?? "")-\($0["end"] ?? "")" }
            #expect(starts.count == Set(starts).count)
        }
    }

    @Test func explainJSONNamesWhereEachRuleIsDefined() throws {
        let object = try json(run(["classify", "--explain", "--format", "json", "my parcel is late"]).stdout)
        let explanation = try #require(object["explanation"] as? [[String: Any]])
        #expect(explanation.count > 5)
        #expect(explanation.contains { $0["fired"] as? Bool == true })
        for entry in explanation {
            #expect((entry["file"] as? String)?.hasSuffix(".rules") == true)
            #expect((entry["line"] as? Int ?? 0) >= 1)
        }
        let all = try json(run(["classify", "--explain=all", "--format", "json", "my parcel is late"]).stdout)
        #expect((all["explanation"] as? [[String: Any]])?.count == explanation.count)
    }

    @Test func readsStandardInputAndFiles() throws {
        let piped = run(["classify", "--format", "json"], stdin: "you charged me twice!")
        #expect(try (json(piped.stdout)["category"] as? [String: Any])?["id"] as? String == "billing.charge")
        let dash = run(["classify", "-", "--format", "json"], stdin: "you charged me twice!")
        #expect(dash.code == .ok)
        let directory = try TemporaryDirectory()
        let file = try directory.write("message.txt", "customer: my order is late\nagent: checking")
        let fromFile = run(["classify", "--file", file, "--format", "json"])
        #expect(try (json(fromFile.stdout)["category"] as? [String: Any])?["id"] as? String == "delivery.late")
    }

    @Test func badMessagesGetClearErrorsAndExitCodes() throws {
        let empty = run(["classify", "   "])
        #expect(empty.code == .dataError)
        #expect(empty.stderr.contains("nothing to classify: the message is empty"))

        let invalid = run(["classify", "--strict-utf8"], stdinData: Data("line one\nab".utf8) + Data([0xC3, 0x28]))
        #expect(invalid.code == .dataError)
        #expect(invalid.stderr.contains("stdin:2:3: input is not valid UTF-8 (byte 0xC3 at offset 11)"))

        let binary = run(["classify"], stdinData: Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]))
        #expect(binary.code == .dataError)
        #expect(binary.stderr.contains("looks binary"))

        let missing = run(["classify", "--file", "/nonexistent/message.txt"])
        #expect(missing.code == .noInput)
        #expect(missing.stderr.contains("cannot read '/nonexistent/message.txt': no such file"))

        let directory = try TemporaryDirectory()
        let folder = run(["classify", "--file", directory.path])
        #expect(folder.code == .noInput)

        let noInput = run(["classify"])
        #expect(noInput.code == .usage)
        #expect(noInput.stderr.contains("missing TEXT"))
    }

    @Test func aLargeMessageIsClassified() throws {
        let text = String(repeating: "Where is my parcel? It is late again. ", count: 500_000)
        // A generous budget: this checks size, and sanitizer builds are many times slower.
        let result = run(["classify", "--format", "json", "--time-budget", "600"], stdin: text)
        #expect(result.code == .ok)
        #expect(try (json(result.stdout)["category"] as? [String: Any])?["id"] as? String == "delivery.late")
    }

    @Test func customRulesReplaceTheShippedPack() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("pack/main.rules", """
        category other "Other" { playbook p }
        category praise "Praise" { playbook p }
        playbook p { step chat "Thanks!" }
        rule thanks -> praise { when words { thanks thank } }
        """)
        let result = run(["classify", "--rules", directory.path + "/pack", "--format", "json", "thank you so much"])
        #expect(result.code == .ok)
        #expect(try (json(result.stdout)["category"] as? [String: Any])?["id"] as? String == "praise")
    }

    @Test func ruleErrorsAreRenderedAndExitWithOne() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("bad.rules", "rule r -> nowhere {\n  when \"x\"\n}\n")
        let result = run(["classify", "--rules", file, "hello"])
        #expect(result.code == .ruleErrors)
        #expect(result.stderr.contains("error[undefined-name]: undefined category 'nowhere'"))
        #expect(result.stderr.contains("bad.rules:1:11"))
        #expect(result.stderr.contains("rules not loaded: 1 error"))
        #expect(result.stdout.isEmpty)

        let missing = run(["classify", "--rules", "/nonexistent.rules", "hello"])
        #expect(missing.code == .ruleErrors)
        #expect(missing.stderr.contains("no such file or directory '/nonexistent.rules'"))
    }
}

@Suite struct PrefilterSwitchTests {
    @Test func noPrefilterGivesTheSameAnswers() throws {
        for text in ["my parcel is late", "the vase came cracked, I want a refund", "customer: charged twice\nagent: checking", "hello there"] {
            let with = run(["classify", "--format", "json", "--explain", text])
            let without = run(["classify", "--format", "json", "--explain", "--no-prefilter", text])
            #expect(with.code == .ok && without.code == .ok)
            #expect(with.stdout == without.stdout, "\(text)")
        }
    }
}

/// A tie is said in the text answer, with what broke it.
@Suite struct ClassifyTieTests {
    @Test func aTieIsNamedWithItsTieBreak() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("pack.rules", smallRulePack)
        let tied = run(["classify", "--rules", rules, "it is late and the mug is cracked"])
        #expect(tied.stdout.contains("tie: the same score as broken; decided by declared earlier in the rule pack"), "\(tied.stdout)")
        let clear = run(["classify", "--rules", rules, "it is late"])
        #expect(!clear.stdout.contains("tie:"))
    }
}
