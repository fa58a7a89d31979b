import Testing
import TriageSupport

@Suite struct JSONReaderTests {
    private func tree(_ text: String) throws -> JSONValue {
        try JSONReader.parse(Array(text.utf8))
    }

    private func failure(_ text: String) -> String? {
        do {
            _ = try JSONReader.parse(Array(text.utf8))
            return nil
        } catch {
            return error.message
        }
    }

    @Test func readsEveryKindAsATreeKeepingKeyOrder() throws {
        let value = try tree(#" {"z": 1, "a": [true, false, null], "m": {"x": -2.5e3}, "s": "caf\u00e9 \ud83d\ude00"} "#)
        #expect(value == .object([
            JSONMember("z", .int(1)),
            JSONMember("a", .array([.bool(true), .bool(false), .null])),
            JSONMember("m", .object([JSONMember("x", .double(-2500))])),
            JSONMember("s", .string("café 😀")),
        ]))
        #expect(value["a"]?.array?.count == 3)
        #expect(value["z"]?.int == 1)
    }

    @Test func numbersTooLargeForIntBecomeDoubles() throws {
        #expect(try tree("12345678901234567890") == .double(1.2345678901234567e19))
        #expect(try tree("-0") == .int(0))
        #expect(try tree("1.10") == .double(1.1))
    }

    @Test func writerOutputReadsBackToTheSameValue() throws {
        let value: JSONValue = .object(["text": "a \"quote\" \\ and \n\t\u{1}", "n": [1, 2.5, nil], "ok": true])
        #expect(try tree(JSONWriter.write(value, pretty: true)) == value)
        #expect(try tree(JSONWriter.write(value, pretty: false)) == value)
    }

    @Test(arguments: [
        ("", "invalid JSON at column 1: the text ends where a value should be"),
        ("{\"a\" 1}", "invalid JSON at column 6: expected ':' after the key"),
        ("[1,]", "invalid JSON at column 4: expected a value"),
        ("[1 2]", "invalid JSON at column 4: expected ',' or ']'"),
        ("\"\\x\"", "invalid JSON at column 2: invalid escape '\\x'"),
        ("01", "invalid JSON at column 2: unexpected text after the value"),
        ("1.", "invalid JSON at column 3: invalid number: expected a digit after '.'"),
        ("tru", "invalid JSON at column 1: expected a value"),
        ("\"a\nb\"", "invalid JSON at column 3: control character U+000A inside a string; write it as an escape"),
        ("{} {}", "invalid JSON at column 4: unexpected text after the value"),
    ])
    func refusesWhatIsNotJSONSayingWhere(text: String, message: String) {
        #expect(failure(text) == message)
    }

    @Test func refusesInvalidUTF8AndHostileNesting() {
        do {
            _ = try JSONReader.parse([0x22, 0xFF, 0x22])
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.message == "invalid JSON: not UTF-8")
        }
        let deep = String(repeating: "[", count: JSONReader.maximumDepth + 1) + String(repeating: "]", count: JSONReader.maximumDepth + 1)
        #expect(failure(deep)?.contains("nested deeper than 512 levels") == true)
        let deepest = String(repeating: "[", count: JSONReader.maximumDepth) + String(repeating: "]", count: JSONReader.maximumDepth)
        #expect(failure(deepest) == nil)
    }

    @Test func objectLinesKeepValuesAsWritten() throws {
        let line = try JSONReader.parseObjectLine(Array(#"{ "id" : 12345678901234567890, "price": 1.10, "text": "late \u00e9", "tags": [ 1 , {"a" :null} ] }"#.utf8)).get()
        #expect(line.members.map(\.key) == ["id", "price", "text", "tags"])
        #expect(line.members.map { String(decoding: $0.rawValue, as: UTF8.self) } == ["12345678901234567890", "1.10", #""late \u00e9""#, #"[1,{"a":null}]"#])
        #expect(line.members.map(\.kind) == [.number, .number, .string, .array])
        #expect(line.members[2].string == "late é")
        #expect(line.members[0].string == nil)
    }

    @Test func objectLinesMustBeObjects() {
        guard case .failure(let failure) = JSONReader.parseObjectLine(Array("[1]".utf8)) else {
            Issue.record("accepted an array")
            return
        }
        #expect(failure.message == "not a JSON object: each line must be one object {…}")
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() {
        #expect(JSONReader.decodeString(Array(#""a\ud83d b""#.utf8)) == "a\u{FFFD} b")
    }
}
