import Foundation
import Testing
import TriageSupport

#if canImport(FoundationXML)
import FoundationXML
#endif

struct XMLWriterTests {
    @Test func documentHasTheDeclarationAndIndentsByTwo() {
        var root = XMLWriter.Element("suites", ["name": "triage", "count": "2"])
        var suite = XMLWriter.Element("suite", ["name": "a"])
        suite.append(XMLWriter.Element("case", ["name": "one"]))
        suite.append(XMLWriter.Element("case", ["name": "two"], text: "why"))
        root.append(suite)
        root.append(XMLWriter.Element("empty"))
        #expect(XMLWriter.document(root) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <suites name="triage" count="2">
              <suite name="a">
                <case name="one"/>
                <case name="two">why</case>
              </suite>
              <empty/>
            </suites>

            """)
    }

    @Test func nilAttributesAreLeftOutAndOrderIsKept() {
        let element = XMLWriter.Element("e", ["z": "1", "skip": nil, "a": "2"])
        #expect(XMLWriter.write(element) == #"<e z="1" a="2"/>"#)
        var changed = element
        changed.setAttribute("z", "3")
        changed.setAttribute("new", "4")
        #expect(XMLWriter.write(changed) == #"<e z="3" a="2" new="4"/>"#)
    }

    /// Whitespace around text would change it, so mixed content is written inline.
    @Test func textIsNeverIndented() {
        let element = XMLWriter.Element("p", children: [.text("line 1\n  line 2 "), .element(XMLWriter.Element("b", text: "x")), .text(" end")])
        #expect(XMLWriter.write(element) == "<p>line 1\n  line 2 <b>x</b> end</p>")
    }

    @Test(arguments: [
        ("a & b", "a &amp; b"),
        ("<script>", "&lt;script&gt;"),
        ("]]>", "]]&gt;"),
        (#"say "hi" it's"#, #"say "hi" it's"#),
        ("tab\tnew\nline", "tab\tnew\nline"),
        ("cr\r", "cr&#13;"),
        ("café 日本 🎉", "café 日本 🎉"),
    ])
    func textEscaping(input: String, expected: String) {
        #expect(XMLWriter.escapeText(input) == expected)
    }

    @Test(arguments: [
        ("a & b", "a &amp; b"),
        ("<x>", "&lt;x&gt;"),
        (#"say "hi""#, "say &quot;hi&quot;"),
        ("it's", "it&apos;s"),
        ("a\tb\nc\rd", "a&#9;b&#10;c&#13;d"),
    ])
    func attributeEscaping(input: String, expected: String) {
        #expect(XMLWriter.escapeAttribute(input) == expected)
    }

    @Test func forbiddenCharactersAreReplaced() {
        let forbidden: [UInt32] = Array(0x00...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F) + [0xFFFE, 0xFFFF]
        for value in forbidden {
            let text = "a" + String(Unicode.Scalar(value)!) + "b"
            #expect(XMLWriter.escapeText(text) == "a\u{FFFD}b", "U+\(String(value, radix: 16))")
            #expect(XMLWriter.escapeAttribute(text) == "a\u{FFFD}b", "U+\(String(value, radix: 16))")
        }
        // Allowed neighbours stay.
        #expect(XMLWriter.escapeText("\u{7F}\u{85}\u{FFFD}\u{10000}") == "\u{7F}\u{85}\u{FFFD}\u{10000}")
    }

    #if canImport(FoundationXML)
    /// Every awkward character survives a round trip through a real XML parser.
    @Test func outputParsesBackWithFoundation() throws {
        let awkward = "a & b < c > d \"q\" 'a' \t tab\nline\r\n end \u{00}\u{1F}\u{FFFE} 日🎉 ]]>"
        let root = XMLWriter.Element("root", ["value": awkward], children: [
            .element(XMLWriter.Element("child", text: awkward)),
        ])
        let document = try XMLDocument(xmlString: XMLWriter.document(root), options: [])
        let parsed = try #require(document.rootElement())
        let cleaned = awkward.replacingOccurrences(of: "\u{00}", with: "\u{FFFD}")
            .replacingOccurrences(of: "\u{1F}", with: "\u{FFFD}").replacingOccurrences(of: "\u{FFFE}", with: "\u{FFFD}")
        #expect(parsed.attribute(forName: "value")?.stringValue == cleaned)
        #expect(parsed.elements(forName: "child").first?.stringValue == cleaned)
    }
    #endif
}
