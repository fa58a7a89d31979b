import Testing
import TriageSupport

struct TerminalStyleTests {
    private let tty = ["TERM": "xterm-256color"]

    @Test func autoFollowsTerminal() {
        #expect(TerminalStyle(mode: .auto, isTerminal: true, environment: tty).isEnabled)
        #expect(!TerminalStyle(mode: .auto, isTerminal: false, environment: tty).isEnabled)
        #expect(TerminalStyle(mode: .auto, isTerminal: true, environment: [:]).isEnabled)
    }

    @Test func autoRespectsNoColorUnlessEmpty() {
        #expect(!TerminalStyle(mode: .auto, isTerminal: true, environment: ["NO_COLOR": "1"]).isEnabled)
        #expect(TerminalStyle(mode: .auto, isTerminal: true, environment: ["NO_COLOR": ""]).isEnabled)
    }

    @Test func autoRespectsDumbTerminal() {
        #expect(!TerminalStyle(mode: .auto, isTerminal: true, environment: ["TERM": "dumb"]).isEnabled)
    }

    @Test func alwaysWinsOverEverything() {
        let environment = ["NO_COLOR": "1", "TERM": "dumb"]
        #expect(TerminalStyle(mode: .always, isTerminal: false, environment: environment).isEnabled)
    }

    @Test func neverIsNever() {
        #expect(!TerminalStyle(mode: .never, isTerminal: true, environment: tty).isEnabled)
        #expect(!TerminalStyle.plain.isEnabled)
    }

    @Test func colorModeParsesFromFlagText() {
        #expect(ColorMode.allCases.map(\.rawValue) == ["auto", "always", "never"])
        #expect(ColorMode(rawValue: "always") == .always)
    }

    @Test func sgrCodes() {
        let style = TerminalStyle(mode: .always, isTerminal: false, environment: [:])
        #expect(style.bold("x") == "\u{1B}[1mx\u{1B}[22m")
        #expect(style.dim("x") == "\u{1B}[2mx\u{1B}[22m")
        #expect(style.red("x") == "\u{1B}[31mx\u{1B}[39m")
        #expect(style.green("x") == "\u{1B}[32mx\u{1B}[39m")
        #expect(style.yellow("x") == "\u{1B}[33mx\u{1B}[39m")
        #expect(style.blue("x") == "\u{1B}[34mx\u{1B}[39m")
        #expect(style.magenta("x") == "\u{1B}[35mx\u{1B}[39m")
        #expect(style.cyan("x") == "\u{1B}[36mx\u{1B}[39m")
        #expect(style.red("") == "")
    }

    @Test func nestedStylesKeepTheOuterOne() {
        let style = TerminalStyle(mode: .always, isTerminal: false, environment: [:])
        let text = style.bold("a" + style.red("b") + "c")
        // The colour's end code (39) does not end bold (22), so "c" is still bold.
        #expect(text == "\u{1B}[1ma\u{1B}[31mb\u{1B}[39mc\u{1B}[22m")
    }

    @Test func disabledIsIdentity() {
        let style = TerminalStyle.plain
        for apply in [style.bold, style.dim, style.red, style.green, style.yellow, style.blue, style.magenta, style.cyan] {
            #expect(apply("error: x") == "error: x")
        }
    }

    @Test func visibleWidthSkipsEscapes() {
        let style = TerminalStyle(mode: .always, isTerminal: false, environment: [:])
        #expect(TerminalStyle.visibleWidth(style.bold(style.red("error"))) == 5)
        #expect(TerminalStyle.visibleWidth("\u{1B}[38;5;208mab\u{1B}[0m") == 2)
        #expect(TerminalStyle.visibleWidth("\u{1B}]8;;https://x.example\u{07}link\u{1B}]8;;\u{1B}\\") == 4)
        #expect(TerminalStyle.visibleWidth("café 🎉 e\u{301}") == 8)
        #expect(TerminalStyle.visibleWidth("") == 0)
        #expect(TerminalStyle.visibleWidth("a\u{1B}") == 1)
        #expect(TerminalStyle.visibleWidth("a\u{1B}[") == 1)
    }

    @Test func isTerminalIsFalseForAnInvalidDescriptor() {
        #expect(!TerminalStyle.isTerminal(fileDescriptor: -1))
    }
}
