import Testing
import TriageSupport

struct HTMLEscapingTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a & b", "a &amp; b"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("&amp;", "&amp;amp;"),
        (#"he said "it's""#, #"he said "it's""#),
        ("line\n\ttab\r", "line\n\ttab\r"),
        ("café 日本 🎉 e\u{301}", "café 日本 🎉 e\u{301}"),
    ])
    func text(input: String, expected: String) {
        #expect(HTMLEscaping.text(input) == expected)
    }

    @Test(arguments: [
        (#"a "quoted" value"#, "a &quot;quoted&quot; value"),
        ("it's", "it&#39;s"),
        ("x\" onmouseover=\"alert(1)", "x&quot; onmouseover=&quot;alert(1)"),
        ("<b>&</b>", "&lt;b&gt;&amp;&lt;/b&gt;"),
    ])
    func attribute(input: String, expected: String) {
        #expect(HTMLEscaping.attribute(input) == expected)
    }

    @Test func controlCharactersBecomeReplacementCharacters() {
        for value in Array(UInt32(0)..<0x20).filter({ ![0x09, 0x0A, 0x0D].contains($0) }) + Array(0x7F...0x9F) {
            let input = "a" + String(Unicode.Scalar(value)!) + "b"
            #expect(HTMLEscaping.text(input) == "a\u{FFFD}b", "U+\(String(value, radix: 16))")
            #expect(HTMLEscaping.attribute(input) == "a\u{FFFD}b", "U+\(String(value, radix: 16))")
        }
    }
}
