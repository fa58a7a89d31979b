import TriageEngine

/// libFuzzer target: transcript parsing. For any text, `Message` must not crash, and each
/// turn must be exactly the input's bytes at its offset (reports map positions through it),
/// with turns in order and not overlapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func parseMessage(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let message = Message(text)
    let input = Array(text.utf8)
    var previousEnd = 0
    for (index, turn) in message.turns.enumerated() {
        let bytes = Array(turn.text.utf8)
        let start = turn.inputOffset
        guard start >= previousEnd, start + bytes.count <= input.count, Array(input[start..<start + bytes.count]) == bytes else {
            fatalError("turn \(index) (offset \(start), \(bytes.count) bytes) is not the input's text at its offset")
        }
        previousEnd = start + bytes.count
    }
    if !message.isTranscript && message.turns.count != 1 { fatalError("plain text must be one turn") }
    if message.isBlank != text.unicodeScalars.allSatisfy({ [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"].contains($0) }) && !message.isTranscript {
        fatalError("isBlank disagrees with the text")
    }
    _ = TextPositions(text).position(ofUTF8: input.count)
    return 0
}
