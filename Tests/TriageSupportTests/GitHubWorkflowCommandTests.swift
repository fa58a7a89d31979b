import Testing
import TriageSupport

@Suite struct GitHubWorkflowCommandTests {
    @Test func escapesMessagesAndProperties() {
        let command = GitHubWorkflowCommand(.error, properties: [("file", "a,b:c.rules"), ("line", "3")], message: "50% done\nnext")
        #expect(command.line == "::error file=a%2Cb%3Ac.rules,line=3::50%25 done%0Anext")
    }

    @Test func noPropertiesNoSpace() {
        #expect(GitHubWorkflowCommand(.notice, message: "hi").line == "::notice::hi")
    }
}

@Suite struct GitHubWorkflowCommandInjectionTests {
    @Test func inputCannotStartAnotherCommandOrSendEscapes() {
        let command = GitHubWorkflowCommand(.error, properties: [("file", "a\r\n::error::x")], message: "late\r\n::error::pwned \u{1B}]52;c;x\u{7}")
        #expect(command.line == "::error file=a%0D%0A%3A%3Aerror%3A%3Ax::late%0D%0A::error::pwned \\u{1B}]52;c;x\\u{7}")
        #expect(!command.line.contains("\n"))
    }
}
