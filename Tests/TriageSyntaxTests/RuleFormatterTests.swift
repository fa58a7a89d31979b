import Testing
import TriageSyntax

/// The layout decisions of docs/fmt.md, one at a time.
@Suite struct RuleFormatterTests {
    /// Formats `text`, failing the test when it cannot be formatted; also checks that the
    /// result formats to itself.
    func format(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        switch RuleFormatter.format(SourceFile(path: "test.rules", text: text)) {
        case .success(let formatted):
            if case .success(let again) = RuleFormatter.format(SourceFile(path: "test.rules", text: formatted)), again != formatted {
                Issue.record("not idempotent:\n\(formatted)\n--- second run ---\n\(again)", sourceLocation: sourceLocation)
            }
            return formatted
        case .failure(.syntaxErrors(let diagnostics)):
            Issue.record("does not parse:\n\(DiagnosticRenderer().render(diagnostics))", sourceLocation: sourceLocation)
        case .failure(.internalError(let problem)):
            Issue.record("internal error: \(problem)", sourceLocation: sourceLocation)
        }
        return ""
    }

    /// The formatted text of `define x = EXPRESSION`, without the `define x = `.
    func expression(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        String(format("define x = " + text, sourceLocation: sourceLocation).dropFirst("define x = ".count).dropLast())
    }

    // MARK: Expressions

    @Test(arguments: [
        ("((a))", "a"),
        ("a or (b and c)", "a or b and c"),
        ("(a or b) and c", "(a or b) and c"),
        ("a or (b or c)", "a or (b or c)"),
        ("(a or b) or c", "(a or b) or c"),
        ("a and (b and c)", "a and (b and c)"),
        ("not (a and b)", "not (a and b)"),
        ("not (not a)", "not not a"),
        ("not (a within 3 words of b)", "not a within 3 words of b"),
        ("(not a) within 3 words of b", "(not a) within 3 words of b"),
        ("(a within 1 words of b) within 2 words after c", "a within 1 word of b within 2 words after c"),
        ("a within 1 words of (b within 2 words before c)", "a within 1 word of (b within 2 words before c)"),
        ("(a or b) within 3 words of (c or d)", "(a or b) within 3 words of (c or d)"),
        ("any of ((a or b), (c))", "any of (a or b, c)"),
        ("at least 2 of (a,b,c)", "at least 2 of (a, b, c)"),
        ("negated((a or b))", "negated(a or b)"),
        ("customer ( not a )", "customer(not a)"),
    ])
    func parenthesesOnlyWhereTheTreeNeedsThem(_ input: String, _ expected: String) {
        #expect(expression(input) == expected)
    }

    @Test func literalsAreWrittenAsTheyWereOrReEscaped() {
        #expect(expression("words   case-sensitive {iPhone ,  AirPods}") == "words case-sensitive { iPhone AirPods }")
        #expect(expression("words { deliver* 2-day e.g. 42 -5 \"a\tb\" \"say \\\"hi\\\"\" }") == "words { deliver* 2-day e.g. 42 -5 \"a\\tb\" \"say \\\"hi\\\"\" }")
        #expect(expression("/a\\/b[/]c/imx") == "/a\\/b[/]c/imx")
        #expect(format("rule r -> c { when a weight 3.50 }") == "rule r -> c {\n  when a\n  weight 3.50\n}\n")
        #expect(format("signal s \"tab\there \\\\ back\"") == "signal s \"tab\\there \\\\ back\"\n")
    }

    // MARK: Word lists

    @Test func aWordListStaysOnOneLineUpToOneHundredColumns() {
        // "define x = words { " is 19 columns and " }" 2: entries of 79 columns fill the line.
        let fits = String(repeating: "abcdefgh ", count: 8) + "abcdefg"
        #expect(("define x = words { " + fits + " }").count == 100)
        #expect(format("define x = words { \(fits) }") == "define x = words { \(fits) }\n")
        #expect(format("define x = words { \(fits)h }") == "define x = words {\n  \(fits)h\n}\n")
    }

    @Test func longWordListsAreFilledToOneHundredColumnsOneLevelDeeper() {
        let entries = (1...40).map { "word\($0)" }
        let formatted = format("rule r -> c {\n  when words { \(entries.joined(separator: " ")) } within 3 words of x\n}")
        let lines = formatted.split(separator: "\n").map(String.init)
        #expect(lines[1] == "  when words {")
        #expect(lines[2].hasPrefix("    word1 word2"))
        #expect(lines.dropFirst(2).dropLast(2).allSatisfy { $0.count <= 100 && $0.hasPrefix("    word") })
        #expect(lines[lines.count - 2] == "  } within 3 words of x")
        // Filled: a line is only broken when the next entry would not fit.
        for index in 2..<(lines.count - 3) {
            let next = lines[index + 1].split(separator: " ").first!
            #expect(lines[index].count + 1 + next.count > 100)
        }
    }

    @Test func theLineEndsAtTheNextWordListWhenThatOneWrapsToo() {
        let long = (1...20).map { "w\($0)" }.joined(separator: " ")
        #expect(format("define x = words { a b } within 3 words of words { \(long) }") == """
        define x = words { a b } within 3 words of words {
          \(long)
        }

        """)
    }

    @Test func commentsInAWordListKeepItOverSeveralLinesWithTheirEntries() {
        #expect(format("define x = words { a # after a\n b c }") == "define x = words {\n  a # after a\n  b c\n}\n")
        #expect(format("define x = words { # head\n a\n # above b\n b\n # closing\n}") == """
        define x = words { # head
          a
          # above b
          b
          # closing
        }

        """)
    }

    // MARK: Long expressions

    @Test func longExpressionsBreakBeforeTopLevelOperators() {
        let (a, b, c, d) = ("first_condition_name", "other_condition_name", "third_pattern_name_x", "fourth_pattern_name_")
        #expect(format("rule r -> c {\n  when \(a) and \(b) or \(c) within 3 words of \(d) and not \(a)\n}") == """
        rule r -> c {
          when \(a) and \(b)
            or \(c) within 3 words of \(d) and not \(a)
        }

        """)
    }

    @Test func aWrappedWordListDoesNotBreakTheExpressionWhenTheRestFits() {
        let list = "words { " + (1...12).map { "alpha\($0)" }.joined(separator: " ") + " }"
        #expect(format("rule r -> c {\n  when \(list) and not negated(x)\n}") == """
        rule r -> c {
          when words {
            \((1...12).map { "alpha\($0)" }.joined(separator: " "))
          } and not negated(x)
        }

        """)
    }

    @Test func commentsBetweenOperandsBreakTheExpressionAndStayThere() {
        #expect(format("define x = a # about a\n  # above b\n  and b and c") == """
        define x = a # about a
          # above b
          and b
          and c

        """)
    }

    @Test func commentsWhereNoLineBreaksGoAboveTheClause() {
        #expect(format("rule r -> c {\n  when negated(a # inside\n  ) weight 2\n}") == """
        rule r -> c {
          # inside
          when negated(a)
          weight 2
        }

        """)
        #expect(format("rule r -> c {\n  when (a or b # c1\n  ) # c2\n}") == "rule r -> c {\n  # c1\n  when a or b # c2\n}\n")
    }

    // MARK: Declarations and blocks

    @Test func ruleClausesGoInCanonicalOrder() {
        #expect(format("rule r -> signal s { description \"d\" speaker any weight 2 unless b when a unless c }") == """
        rule r -> signal s {
          when a
          unless b
          unless c
          weight 2
          speaker any
          description "d"
        }

        """)
    }

    @Test func categoriesUseTheOneLineFormOnlyForAPlaybookAlone() {
        #expect(format("category a \"A\" {\n  playbook p\n}") == "category a \"A\" { playbook p }\n")
        #expect(format("category a { }") == "category a\n")
        #expect(format("category a { description \"d\" priority 2 playbook p }") == """
        category a {
          playbook p
          priority 2
          description "d"
        }

        """)
        #expect(format("category a { # why\n playbook p }") == "category a { # why\n  playbook p\n}\n")
    }

    @Test func playbookItemsAreGroupedAndStepsKeepTheirOrder() {
        #expect(format("""
        playbook p { escalate chat "E1" record "R1" step phone "S1" when u needs "N1" step chat "S2" when (a or b) and not c escalate email "E2" needs e "N2" step email "S3" }
        """) == """
        playbook p {
          needs "N1"
          needs e "N2"
          step phone "S1" when u
          step chat "S2" when (a or b) and not c
          step email "S3"
          record "R1"
          escalate chat "E1"
          escalate email "E2"
        }

        """)
    }

    @Test func blankLinesSeparateBlocksAndKeepTheAuthorsGroupsElsewhere() {
        #expect(format("""
        signal a
        signal b



        signal c
        rule r -> c { when a }
        rule q -> c { when b }
        category x { playbook p }
        category y { playbook p }

        define z = a
        """) == """
        signal a
        signal b

        signal c

        rule r -> c {
          when a
        }

        rule q -> c {
          when b
        }

        category x { playbook p }
        category y { playbook p }

        define z = a

        """)
    }

    @Test func commentsKeepTheirPlaces() {
        #expect(format("""
        # header

        # about r
        rule r -> c { # on the brace line
          weight 2 # trailing
          # about when

          when a
          # before the brace
        } # after the brace
        # end
        """) == """
        # header

        # about r
        rule r -> c { # on the brace line
          # about when

          when a
          weight 2 # trailing
          # before the brace
        } # after the brace
        # end

        """)
    }

    // MARK: Files

    @Test func edgeFiles() {
        #expect(format("") == "")
        #expect(format("\n\n  \n") == "")
        #expect(format("# only\n\n\n# comments   \n") == "# only\n\n# comments\n")
        #expect(format("signal a\r\nsignal b # c\r\n") == "signal a\nsignal b # c\n")
        #expect(format("\u{FEFF}signal a") == "signal a\n")
    }

    @Test func filesWithSyntaxErrorsAreNotFormatted() {
        guard case .failure(.syntaxErrors(let diagnostics)) = RuleFormatter.format(SourceFile(path: "bad.rules", text: "rule r -> c { when }")) else {
            Issue.record("a file with errors was formatted")
            return
        }
        #expect(diagnostics.contains { $0.id == .expectedToken })
    }

    @Test func verificationCatchesALostComment() {
        let (file, _) = Parser.parse(SourceFile(path: "x.rules", text: "signal a # one\n# two\n"))
        #expect(RuleFormatter.verify(original: file, formatted: "signal a # one\n# two\n") == nil)
        #expect(RuleFormatter.verify(original: file, formatted: "signal a # one\n")?.contains("line 2 ('# two')") == true)
        #expect(RuleFormatter.verify(original: file, formatted: "signal a # one\n# two\nrule") != nil)
    }
}
