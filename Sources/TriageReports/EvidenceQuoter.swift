import Foundation
import TriageEngine
import TriageSupport

/// Quotes matched words with their place in the input: `'hasn't moved' at 1:54`, and the
/// speaker for transcripts. The words are printed through ``TerminalText``.
struct EvidenceQuoter {
    let message: Message
    let positions: TextPositions

    init(message: Message) {
        self.message = message
        self.positions = TextPositions(message.input)
    }

    func text(_ span: MatchSpan) -> String {
        message.text(of: span)
    }

    func position(_ span: MatchSpan) -> TextPositions.Position {
        positions.position(ofUTF8: message.turns[span.turn].inputOffset + span.range.lowerBound)
    }

    func endOffset(_ span: MatchSpan) -> Int {
        positions.position(ofUTF8: message.turns[span.turn].inputOffset + span.range.upperBound).offset
    }

    func quote(_ span: MatchSpan, style: TerminalStyle) -> String {
        let position = position(span)
        var words = text(span)
        if words.count > 60 { words = String(words.prefix(57)) + "…" }
        let speaker = message.isTranscript ? " (\(message.turns[span.turn].speaker.rawValue))" : ""
        return "'" + style.bold(TerminalText.escaped(words)) + "'" + style.dim(" at \(position.line):\(position.column)\(speaker)")
    }
}
