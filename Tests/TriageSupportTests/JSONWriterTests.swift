import Foundation
import Testing
import TriageSupport

struct JSONWriterTests {
    private let sample = JSONValue.object([
        "rule": "refund",
        "score": 2.5,
        "count": 3,
        "tags": ["billing", "urgent"],
        "meta": .object(["ok": true, "none": nil]),
        "empty": [],
        "emptyObject": .object([]),
    ])

    @Test func compactHasNoWhitespace() {
        #expect(
            JSONWriter.write(sample, pretty: false)
                == #"{"rule":"refund","score":2.5,"count":3,"tags":["billing","urgent"],"meta":{"ok":true,"none":null},"empty":[],"emptyObject":{}}"#
        )
    }

    @Test func prettyIndentsByTwo() {
        #expect(
            JSONWriter.write(sample, pretty: true) == """
                {
                  "rule": "refund",
                  "score": 2.5,
                  "count": 3,
                  "tags": [
                    "billing",
                    "urgent"
                  ],
                  "meta": {
                    "ok": true,
                    "none": null
                  },
                  "empty": [],
                  "emptyObject": {}
                }
                """
        )
    }

    @Test func scalarsAtTopLevel() {
        #expect(JSONWriter.write(nil, pretty: true) == "null")
        #expect(JSONWriter.write(false, pretty: false) == "false")
        #expect(JSONWriter.write(.int(-42), pretty: false) == "-42")
        #expect(JSONWriter.write(.int(.min), pretty: false) == "-9223372036854775808")
    }

    @Test func keysKeepInsertionOrderEvenWhenRepeated() {
        let value = JSONValue.object([JSONMember("b", 1), JSONMember("a", 2), JSONMember("b", 3)])
        #expect(JSONWriter.write(value, pretty: false) == #"{"b":1,"a":2,"b":3}"#)
    }

    @Test(arguments: [
        (2.0, "2.0"),
        (-3.0, "-3.0"),
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (0.1, "0.1"),
        (1.0 / 3.0, "0.3333333333333333"),
        (1e-7, "1e-07"),
        (1e16, "1e+16"),
        (Double.nan, "null"),
        (Double.infinity, "null"),
        (-Double.infinity, "null"),
    ])
    func doubles(value: Double, expected: String) {
        #expect(JSONWriter.write(.double(value), pretty: false) == expected)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("say \"hi\"", #""say \"hi\"""#),
        (#"C:\path"#, #""C:\\path""#),
        ("a\nb\tc\rd", #""a\nb\tc\rd""#),
        ("\u{08}\u{0C}", #""\b\f""#),
        ("\u{00}\u{01}\u{1F}", #""\u0000\u0001\u001f""#),
        ("\u{7F}", "\"\u{7F}\""),
        ("/", #""/""#),
        ("café 日本 🎉", "\"café 日本 🎉\""),
        ("\u{2028}\u{2029}", #""\u2028\u2029""#),
        ("e\u{301}", "\"e\u{301}\""),
        ("\u{FEFF}", "\"\u{FEFF}\""),
    ])
    func stringEscaping(input: String, expected: String) {
        #expect(JSONWriter.write(.string(input), pretty: false) == expected)
    }

    @Test func keysAreEscapedToo() {
        #expect(JSONWriter.write(.object([JSONMember("a\"\n", 1)]), pretty: true) == "{\n  \"a\\\"\\n\": 1\n}")
    }

    /// Every scalar below U+0080 plus awkward non-ASCII must survive a round trip through Foundation.
    @Test(arguments: [false, true])
    func outputParsesBackWithFoundation(pretty: Bool) throws {
        let everyASCII = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init)))
        // U+FEFF follows a plain character: Foundation on Linux drops one at the start of a
        // string or right after an escape, whatever the writer does.
        let awkward = "\u{2028}\u{2029}é\u{FEFF}日🎉\\\"/"
        let value = JSONValue.object([
            "ascii": .string(everyASCII),
            "awkward": .string(awkward),
            "list": [1, 2.5, true, nil, "x"],
            "nested": .object(["k": [[], .object([])]]),
        ])
        let text = JSONWriter.write(value, pretty: pretty)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        let object = try #require(parsed as? [String: Any])
        #expect(object["ascii"] as? String == everyASCII)
        #expect(object["awkward"] as? String == awkward)
        let list = try #require(object["list"] as? [Any])
        #expect(list.count == 5)
        #expect((list[0] as? NSNumber)?.intValue == 1)
        #expect((list[1] as? NSNumber)?.doubleValue == 2.5)
        #expect((list[2] as? NSNumber)?.boolValue == true)
        #expect(list[3] is NSNull)
        #expect(list[4] as? String == "x")
        let nested = try #require(object["nested"] as? [String: Any])
        let k = try #require(nested["k"] as? [Any])
        #expect((k[0] as? [Any])?.isEmpty == true)
        #expect((k[1] as? [String: Any])?.isEmpty == true)
    }

    @Test func everyControlCharacterIsEscaped() {
        for value in UInt32(0)..<0x20 {
            let text = JSONWriter.write(.string(String(Unicode.Scalar(value)!)), pretty: false)
            #expect(text.unicodeScalars.allSatisfy { $0.value >= 0x20 }, "U+\(String(value, radix: 16))")
        }
    }
}
