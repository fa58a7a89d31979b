import Foundation
import Testing
@testable import TriageBatch
@testable import TriageCLI

/// Resource limits seen from the command line: the per-message time budget, and rule packs
/// that reach outside their directory.
@Suite struct ResourceLimitTests {
    static let evilRules = """
    settings { threshold 1 }
    category other "Other" { playbook general }
    category late "Late" { playbook p }
    category evil "Evil" { playbook p }
    playbook general { step chat "Ask us." }
    playbook p { step chat "Sorry." }
    rule fine -> late { when "late" speaker any weight 2 }
    rule evil -> evil { when /(a+)+$|x/ speaker any weight 5 }
    rule slow_check -> late { when /a!x/ speaker any }
    """

    /// Thirty turns of a thousand runs of a's: each `x` is a match that costs `(a+)+$` about
    /// half a million backtracking steps, under PCRE2's match limit, so only the budget stops
    /// the scan (about a second per turn without it).
    static let adversarial = "customer: late\n" + (0..<30).map { _ in
        "customer: " + String(repeating: String(repeating: "a", count: 18) + "!x ", count: 1_000)
    }.joined(separator: "\n")

    @Test(.timeLimit(.minutes(1)))
    func classifyReportsTheBudgetInJSONAndText() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("evil.rules", Self.evilRules)
        let message = try directory.write("adversarial.txt", Self.adversarial)

        let result = run(["classify", "--rules", rules, "--file", message, "--time-budget", "0.3", "--format", "json"])
        #expect(result.code == .ok, "\(result.stderr)")
        let object = try json(result.stdout)
        #expect(object["budget_exceeded"] as? Bool == true)
        // `evil` ran out of time on the second turn and still had turns to look at: undecided.
        #expect(object["not_evaluated"] as? [String] == ["evil", "slow_check"])
        #expect((object["category"] as? [String: Any])?["id"] as? String == "late")
        let limits = try #require(object["limits"] as? [[String: Any]])
        #expect(limits.first?["limit"] as? String == "time_budget")
        #expect(limits.first?["rules"] as? [String] == ["evil"])
        let fired = (object["evidence"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
        #expect(fired?.contains("fine") == true)

        let text = run(["classify", "--rules", rules, "--file", message, "--time-budget", "0.3"])
        #expect(text.code == .ok)
        #expect(text.stdout.contains("limit:    time_budget hit by evil"))
        #expect(text.stdout.contains("budget:   time budget of 0.3 s used up; the rules decided before it classify the message; not evaluated: evil, slow_check"))
    }

    @Test func withinTheBudgetTheAnswerSaysNothingOfIt() throws {
        let object = try json(run(["classify", "--format", "json", "--time-budget", "30", "my parcel is late"]).stdout)
        #expect(object["budget_exceeded"] as? Bool == false)
        #expect(object["not_evaluated"] as? [String] == [])
        #expect(!run(["classify", "my parcel is late"]).stdout.contains("budget:"))
    }

    @Test(arguments: ["0", "-1", "abc", "nan", "inf", "100000"])
    func aBudgetThatIsNotAPositiveNumberOfSecondsIsAUsageError(_ value: String) {
        let result = run(["classify", "--time-budget", value, "late"])
        #expect(result.code == .usage)
        #expect(result.stderr.contains("invalid value '\(value)' for '--time-budget'"))
        #expect(run(["test", "--time-budget", value]).code == .usage)
    }

    @Test(.timeLimit(.minutes(1)))
    func testReportsTheBudgetOnTheCase() throws {
        let directory = try TemporaryDirectory()
        let rules = try directory.write("evil.rules", Self.evilRules)
        _ = try directory.write("fixtures/evil.triage", "expect: late\n---\n" + Self.adversarial)
        let report = directory.path + "/report.json"
        let result = run(["test", directory.path + "/fixtures", "--rules", rules, "--time-budget", "0.3", "--json", report])
        #expect(result.code == .ok, "\(result.stdout)")
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains("time budget used up; not evaluated: evil, slow_check"))
        #expect(text.contains("evil (time_budget)"))
    }

    @Test func aMessageOverTheSizeLimitIsRefusedFromStdinAndFromAFile() throws {
        let tooBig = Data(repeating: UInt8(ascii: "a"), count: MessageInput.maximumBytes + 1)
        let piped = run(["classify"], stdinData: tooBig)
        #expect(piped.code == .dataError)
        #expect(piped.stderr.contains("stdin: message is larger than 32 MiB"))
        let directory = try TemporaryDirectory()
        let file = try directory.write("big.txt", data: tooBig)
        let fromFile = run(["classify", "--file", file])
        #expect(fromFile.code == .dataError)
        #expect(fromFile.stderr.contains("\(file): message is larger than 32 MiB"))
    }

    // MARK: imports outside the pack

    func packImportingOutside() throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        _ = try directory.write("shared/words.rules", "define late_words = words { late delayed }\n")
        let main = try directory.write("pack/main.rules", """
        import "../shared/words.rules"
        settings { threshold 1 }
        category other "Other" { playbook general }
        category late "Late" { playbook general }
        playbook general { step chat "Ask us." }
        rule is_late -> late { when late_words }
        """)
        return (directory, main)
    }

    @Test func importsOutsideThePackDirectoryAreRefusedUnlessAllowed() throws {
        let (directory, main) = try packImportingOutside()
        for rules in [main, directory.path + "/pack"] {
            let refused = run(["classify", "--rules", rules, "my parcel is late"])
            #expect(refused.code == .ruleErrors)
            #expect(refused.stderr.contains("error[import-outside-root]: import '\(directory.path)/shared/words.rules' is outside the rule pack's directory '\(directory.path)/pack'"))
            #expect(refused.stderr.contains("main.rules:1:8"))
            #expect(refused.stderr.contains("--allow-outside-imports"))

            let allowed = run(["classify", "--rules", rules, "--allow-outside-imports", "my parcel is late"])
            #expect(allowed.code == .ok, "\(allowed.stderr)")
            #expect(allowed.stdout.hasPrefix("late  Late"))
        }
        #expect(run(["lint", main]).stderr.contains("import-outside-root") || run(["lint", main]).stdout.contains("import-outside-root"))
        #expect(run(["lint", "--allow-outside-imports", main]).code == .ok)
        _ = try directory.write("fixtures/a.triage", "expect: late\n---\nmy parcel is late")
        #expect(run(["test", directory.path + "/fixtures", "--rules", main]).code == .ruleErrors)
        #expect(run(["test", directory.path + "/fixtures", "--rules", main, "--allow-outside-imports"]).code == .ok)
        #expect(run(["fmt", "--check", "--allow-outside-imports", main]).code != .usage)
        let lines = try directory.write("messages.txt", "my parcel is late\n")
        #expect(run(["batch", "--rules", main, "--input", "lines", lines]).code == .ruleErrors)
        let batch = run(["batch", "--rules", main, "--allow-outside-imports", "--input", "lines", "--quiet", lines])
        #expect(batch.code == .ok, "\(batch.stderr)")
        #expect(batch.stdout.contains("\"category\":\"late\""))
    }

    /// Issue 14, item 10: under `ulimit -v` a 12 MB message is classified when the limit
    /// leaves room and refused with the numbers when it does not — it used to be a crash
    /// ("failed to allocate", SIGABRT) at 100 MB. Through the built binary and `/bin/sh`.
    @Test func aLargeMessageUnderAMemoryLimitIsClassifiedOrRefusedNeverACrash() throws {
        let path = try #require(BinaryTests.executable)
        let directory = try TemporaryDirectory()
        let sentence = "my parcel is late and the box arrived broken, where is my refund? "
        let file = try directory.write("big.txt", String(repeating: sentence, count: 12_000_000 / sentence.utf8.count))
        // Kilobytes: too little to read it, too little to classify it, plenty.
        for limit in [100_000, 150_000, 1_500_000] {
            let result = try runShell("ulimit -v \(limit) && exec \"$0\" classify --format json --compact --file \"$1\"", arguments: [path, file])
            let (out, err) = (result.stdout, result.stderr)
            #expect(result.exited, "limit \(limit) KB: \(err.prefix(300))")
            if limit == 1_500_000 {
                #expect(result.status == 0, "\(err.prefix(300))")
                #expect(out.hasPrefix("{\"schema\":\"triage.classification\""))  // classified (within its time budget)
            } else {
                #expect(result.status == 65, "limit \(limit) KB: \(err.prefix(300))")
                #expect(err.hasPrefix("error: \(file): "), "\(err.prefix(300))")
                #expect(err.contains("needs about") && err.contains("the address-space limit (ulimit -v) leaves"), "\(err.prefix(300))")
            }
        }
    }
}
