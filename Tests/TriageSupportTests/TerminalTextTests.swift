import Testing
import TriageSupport

@Suite struct TerminalTextTests {
    @Test func ordinaryTextIsUnchanged() {
        #expect(TerminalText.escaped("My order 112-3456789 is late 😡 — café") == "My order 112-3456789 is late 😡 — café")
        #expect(TerminalText.escaped("a: b::c") == "a: b::c")
    }

    @Test func escapeSequencesAreShownNotSent() {
        // OSC 52 (clipboard write) and a screen clear.
        let text = "late \u{1B}]52;c;cHduZWQ=\u{07}\u{1B}[2J"
        let escaped = TerminalText.escaped(text)
        #expect(escaped == "late \\u{1B}]52;c;cHduZWQ=\\u{7}\\u{1B}[2J")
        #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func lineBreaksNeverStartANewLine() {
        #expect(TerminalText.escaped("late\n::error::pwned\r\n") == "late\\n::error::pwned\\r\\n")
        #expect(TerminalText.escaped("a\u{2028}b\u{85}c") == "a\\u{2028}b\\u{85}c")
    }

    @Test func aWorkflowCommandAtTheStartIsDefused() {
        #expect(TerminalText.escaped("::error file=a,line=1::x") == "\\u{3A}:error file=a,line=1::x")
        #expect(TerminalText.escaped("  ::warning::x") == "  \\u{3A}:warning::x")
        #expect(TerminalText.escaped("see ##[error]x") == "see \\u{23}#[error]x")
    }

    @Test func tabsAndBidirectionalControls() {
        #expect(TerminalText.escaped("a\tb") == "a\\tb")
        #expect(TerminalText.escaped("a\tb", keepingTabs: true) == "a\tb")
        #expect(TerminalText.escaped("abc\u{202E}fed") == "abc\\u{202E}fed")
        #expect(TerminalText.escaped("\u{7F}\u{0}") == "\\u{7F}\\u{0}")
    }

    @Test func worksOnSubstrings() {
        let text = "xx\u{1B}yy"
        #expect(TerminalText.escaped(text.dropFirst()) == "x\\u{1B}yy")
    }
}
