import Testing
import TriageSupport

struct ArgumentTokenTests {
    private func kinds(_ arguments: [String]) -> [ArgumentToken.Kind] {
        ArgumentToken.tokenize(arguments).map(\.kind)
    }

    @Test func splitsEveryShape() {
        #expect(
            kinds(["--format", "--format=json", "-ab", "word", "-", "--"]) == [
                .longOption(name: "format"),
                .longOptionWithValue(name: "format", value: "json"),
                .shortCluster("ab"),
                .value("word"),
                .value("-"),
                .terminator,
            ]
        )
    }

    @Test func everythingAfterTerminatorIsAValue() {
        #expect(kinds(["--", "--x", "-y", "--"]) == [.terminator, .value("--x"), .value("-y"), .value("--")])
    }

    @Test func splitsLongValueAtFirstEqualsSignAndKeepsEmptyValue() {
        #expect(kinds(["--where=a=b", "--format="]) == [
            .longOptionWithValue(name: "where", value: "a=b"),
            .longOptionWithValue(name: "format", value: ""),
        ])
    }

    @Test func remembersIndexAndText() {
        let tokens = ArgumentToken.tokenize(["a", "--b=c"])
        #expect(tokens.map(\.index) == [0, 1])
        #expect(tokens.map(\.text) == ["a", "--b=c"])
    }

    @Test func emptyArgumentIsAValue() {
        #expect(kinds([""]) == [.value("")])
    }
}
