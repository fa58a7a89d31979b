import Testing
@testable import TriageLSP

@Suite struct LineTableTests {
    // "é" is 2 UTF-8 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units (a surrogate pair).
    let text = "ab\né😀x\n\nlast"

    @Test func convertsOffsetsToUTF16Positions() {
        let lines = LineTable(text)
        #expect(lines.lineCount == 4)
        #expect(lines.position(of: 0) == .init(line: 0, character: 0))
        #expect(lines.position(of: 2) == .init(line: 0, character: 2))
        #expect(lines.position(of: 3) == .init(line: 1, character: 0))
        #expect(lines.position(of: 5) == .init(line: 1, character: 1))  // after é
        #expect(lines.position(of: 9) == .init(line: 1, character: 3))  // after 😀
        #expect(lines.position(of: 10) == .init(line: 1, character: 4))  // after x
        #expect(lines.position(of: 12) == .init(line: 3, character: 0))
        #expect(lines.position(of: 1000) == .init(line: 3, character: 4))
    }

    @Test func convertsPositionsBackToOffsets() {
        let lines = LineTable(text)
        for offset in [0, 1, 2, 3, 5, 9, 10, 11, 12, 16] {
            #expect(lines.offset(of: lines.position(of: offset)) == offset, "offset \(offset)")
        }
        // Past the end of a line: the line's end; past the last line: the end of the text.
        #expect(lines.offset(of: .init(line: 0, character: 99)) == 2)
        #expect(lines.offset(of: .init(line: 99, character: 0)) == 16)
        // Inside the surrogate pair: the end of the scalar, never its middle.
        #expect(lines.offset(of: .init(line: 1, character: 2)) == 9)
    }

    @Test func anOffsetInsideAScalarIsItsStart() {
        let lines = LineTable(text)
        #expect(lines.position(of: 4) == .init(line: 1, character: 0))
        #expect(lines.position(of: 7) == .init(line: 1, character: 1))
    }

    @Test func carriageReturnStaysOnItsLine() {
        let lines = LineTable("a\r\nb")
        #expect(lines.position(of: 3) == .init(line: 1, character: 0))
        #expect(lines.offset(of: .init(line: 0, character: 5)) == 2)
    }

    @Test func appliesIncrementalChangesInUTF16() {
        var document = TextDocument(uri: "untitled:x", version: 1, text: "é😀 late\nnext")
        // Replace "late" (UTF-16 characters 4..<8 of line 0).
        document.apply(range: (.init(line: 0, character: 4), .init(line: 0, character: 8)), text: "early", version: 2)
        #expect(document.text == "é😀 early\nnext")
        document.apply(range: (.init(line: 1, character: 0), .init(line: 1, character: 0)), text: "the ", version: 3)
        #expect(document.text == "é😀 early\nthe next")
        #expect(document.version == 3)
    }

    @Test func fileURIsRoundTrip() {
        #expect(DocumentURI.path(of: "file:///tmp/a%20b/c.rules") == "/tmp/a b/c.rules")
        #expect(DocumentURI.path(of: "file://localhost/tmp/x.rules") == "/tmp/x.rules")
        #expect(DocumentURI.path(of: "untitled:Untitled-1") == nil)
        #expect(DocumentURI.uri(forPath: "/tmp/a b/ü#.rules") == "file:///tmp/a%20b/%C3%BC%23.rules")
        #expect(DocumentURI.path(of: DocumentURI.uri(forPath: "/tmp/a b/ü#.rules")) == "/tmp/a b/ü#.rules")
    }
}
