import Foundation
import Testing
@testable import TriageLSP

@Suite struct MessageFramerTests {
    func frames(_ chunks: [String]) -> [MessageFramer.Frame] {
        var framer = MessageFramer()
        var result: [MessageFramer.Frame] = []
        for chunk in chunks {
            framer.append(Data(chunk.utf8))
            while let frame = framer.next() { result.append(frame) }
        }
        return result
    }

    @Test func splitsMessagesArrivingInPieces() {
        let one = #"{"a":1}"#, two = #"{"b":"é"}"#
        let stream = String(decoding: MessageFramer.frame(Data(one.utf8)) + MessageFramer.frame(Data(two.utf8)), as: UTF8.self)
        // Every split point, including inside the header and inside a multi-byte character.
        let bytes = Array(stream.utf8)
        for cut in 1..<bytes.count {
            var framer = MessageFramer()
            var got: [MessageFramer.Frame] = []
            framer.append(Data(bytes[..<cut]))
            while let frame = framer.next() { got.append(frame) }
            framer.append(Data(bytes[cut...]))
            while let frame = framer.next() { got.append(frame) }
            #expect(got == [.message(Data(one.utf8)), .message(Data(two.utf8))], "cut at \(cut)")
        }
    }

    @Test func lengthCountsBytesNotCharacters() {
        let body = #"{"text":"naïve ☃ 😀"}"#
        let framed = MessageFramer.frame(Data(body.utf8))
        #expect(String(decoding: framed, as: UTF8.self).hasPrefix("Content-Length: \(body.utf8.count)\r\n\r\n"))
        #expect(frames([String(decoding: framed, as: UTF8.self)]) == [.message(Data(body.utf8))])
    }

    @Test func acceptsOtherHeadersAndAnyCase() {
        let got = frames(["content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"])
        #expect(got == [.message(Data("{}".utf8))])
    }

    @Test func reportsABadHeaderAndGoesOn() {
        let got = frames(["Content-Type: x\r\n\r\n", "Content-Length: abc\r\n\r\n", "nonsense\r\n\r\n", "Content-Length: 2\r\n\r\n{}"])
        #expect(got.count == 4)
        #expect(got[0] == .malformed("no Content-Length header"))
        #expect(got[1] == .malformed("Content-Length is not a number: 'abc'"))
        if case .malformed(let reason) = got[2] { #expect(reason.contains("without ':'")) } else { Issue.record("expected malformed") }
        #expect(got[3] == .message(Data("{}".utf8)))
    }

    @Test func refusesAHugeBodyWithoutBufferingIt() {
        var framer = MessageFramer()
        framer.append(Data("Content-Length: \(MessageFramer.maximumBodyBytes + 1)\r\n\r\n".utf8))
        guard case .malformed = framer.next() else { Issue.record("expected malformed"); return }
        framer.append(Data(count: MessageFramer.maximumBodyBytes + 1))
        framer.append(Data("Content-Length: 2\r\n\r\n{}".utf8))
        #expect(framer.next() == .message(Data("{}".utf8)))
    }

    @Test func aHeaderWithoutEndIsDroppedWhenTooLong() {
        var framer = MessageFramer()
        framer.append(Data(String(repeating: "x", count: MessageFramer.maximumHeaderBytes + 1).utf8))
        guard case .malformed = framer.next() else { Issue.record("expected malformed"); return }
        #expect(framer.next() == nil)
    }
}
