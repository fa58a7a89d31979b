import Foundation
import Testing
@testable import TriageEvaluation
@testable import TriageSupport

@Suite struct CorpusReaderTests {
    @Test func csvHandlesQuotesEscapedQuotesAndLineBreaks() {
        let (records, failure) = CSVParser.parse("text,label\n\"a, b\",x\n\"say \"\"hi\"\"\nthere\",y\n\nplain,z\n")
        #expect(failure == nil)
        #expect(records.map(\.fields) == [["text", "label"], ["a, b", "x"], ["say \"hi\"\nthere", "y"], ["plain", "z"]])
        #expect(records.map(\.line) == [1, 2, 3, 6])
    }

    @Test func csvReportsAnUnterminatedQuote() {
        let (_, failure) = CSVParser.parse("text,label\n\"open,x\n")
        #expect(failure == CSVParser.Failure(line: 2, message: "unterminated quoted field"))
    }

    @Test func jsonlKeepsGoodRecordsAndReportsBadOnes() {
        var reader = CorpusReader()
        reader.secondaryField = "secondary"
        let data = Data("""
        {"id": "7", "text": "my parcel is late", "label": "delivery.late", "secondary": null}
        not json
        {"text": "no label"}
        {"label": "other"}

        {"text": "ok", "label": "other", "secondary": "billing.refund"}
        """.utf8) + Data([0x0A, 0x7B, 0xFF, 0x7D, 0x0A])
        let (cases, problems) = reader.readJSONL(data, path: "c.jsonl")
        #expect(cases.map(\.id) == ["c.jsonl#7", "c.jsonl:6"])
        #expect(cases[0].expectation.secondary == .some(nil))
        #expect(cases[1].expectation.secondary == .some("billing.refund"))
        #expect(problems.map(\.line) == [2, 3, 4, 7])
        // Repaired, `{\u{FFFD}}` is still not JSON; with --strict-utf8 the bytes are the problem.
        #expect(problems.map(\.message) == ["not a JSON object: each line must be one object {…}", "no label field 'label'", "no text field 'text'",
                                            "invalid JSON at column 2: expected a key in double quotes"])
        reader.strictUTF8 = true
        #expect(reader.readJSONL(data, path: "c.jsonl").problems.last?.message == "line is not valid UTF-8")
    }

    @Test func aRecordThatIsNotUTF8IsRepairedUnlessStrict() throws {
        var reader = CorpusReader()
        let data = Data(#"{"text": "caf"#.utf8) + [0xE9] + Data(#" late", "label": "x\#u{E9}"}"#.utf8 + [0x0A])
        let (cases, problems) = reader.readJSONL(data, path: "c.jsonl")
        #expect(problems.isEmpty)
        #expect(cases.map(\.text) == ["caf\u{FFFD} late"])
        #expect(cases.first?.repair == InputProblem(file: "c.jsonl", line: 1, message: "input is not valid UTF-8 (byte 0xE9 at column 14); each invalid byte was replaced with U+FFFD"))
        reader.strictUTF8 = true
        #expect(reader.readJSONL(data, path: "c.jsonl").problems == [InputProblem(file: "c.jsonl", line: 1, message: "line is not valid UTF-8")])
    }

    @Test func csvCorpusUsesTheHeaderAndConfiguredFields() {
        var reader = CorpusReader()
        reader.textField = "message"
        reader.labelField = "category"
        let data = Data("category,message\ndelivery.late,\"late, again\"\nother\n".utf8)
        let (cases, problems) = reader.readCSV(data, path: "c.csv")
        #expect(cases.map(\.text) == ["late, again"])
        #expect(cases.map(\.expectation.category) == ["delivery.late"])
        #expect(problems == [InputProblem(file: "c.csv", line: 3, message: "record has 1 fields, the header has 2")])
    }
}
