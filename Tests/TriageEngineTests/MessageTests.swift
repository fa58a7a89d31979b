import Testing
import TriageEngine

@Suite struct MessageTests {
    @Test func plainTextIsOneCustomerTurn() {
        let message = Message("  My parcel is late.\nThanks  ")
        #expect(!message.isTranscript)
        #expect(message.turns.count == 1)
        #expect(message.turns[0].speaker == .customer)
        #expect(message.turns[0].text == "My parcel is late.\nThanks")
        #expect(message.turns[0].inputOffset == 2)
    }

    @Test func labelledLinesMakeATranscriptWithContinuations() {
        let input = "\nCUSTOMER: my parcel\nis late\n  Agent : sorry!\ncustomer:it never came"
        let message = Message(input)
        #expect(message.isTranscript)
        #expect(message.turns.map(\.speaker) == [.customer, .agent, .customer])
        #expect(message.turns.map(\.text) == ["my parcel\nis late", "sorry!", "it never came"])
        for turn in message.turns {
            let start = input.utf8.index(input.utf8.startIndex, offsetBy: turn.inputOffset)
            #expect(input[start...].hasPrefix(turn.text))
        }
    }

    @Test func trimmingIsExactAtTheByteLevel() {
        // The space and the combining mark form one Character; trimming must keep the mark.
        let message = Message(" \u{301}late \t")
        #expect(message.turns[0].text.unicodeScalars.map(\.value) == [0x301, 0x6C, 0x61, 0x74, 0x65])
        #expect(message.turns[0].inputOffset == 1)
        #expect(Message("as is").turns[0].text == "as is")
        #expect(Message(" \n\t customer: hi").isTranscript)
        #expect(!Message("\u{0B}customer: hi").isTranscript)
    }

    @Test func aLabelLaterInTheTextDoesNotMakeATranscript() {
        let message = Message("Hello,\ncustomer: service is awful")
        #expect(!message.isTranscript)
        #expect(message.turns.count == 1)
    }

    @Test func blankMessages() {
        #expect(Message("  \n\t").isBlank)
        #expect(Message("customer:   \nagent: ").isBlank)
        #expect(!Message("x").isBlank)
    }

    @Test func textPositionsCountCodePointsLinesAndColumns() {
        let text = "héllo\nwörld ☕ x"
        let positions = TextPositions(text)
        let offset = text.utf8.count - 1 // the final "x"
        let position = positions.position(ofUTF8: offset)
        #expect(position.line == 2)
        #expect(position.column == 9)
        #expect(position.offset == 14)
        let long = String(repeating: "é", count: 10_000) + "x"
        #expect(TextPositions(long).position(ofUTF8: long.utf8.count - 1).column == 10_001)
    }
}
