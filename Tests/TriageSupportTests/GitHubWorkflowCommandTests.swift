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
