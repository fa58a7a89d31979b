/// One speaker's turn: the text after the `customer:` / `agent:` label, continuation lines
/// included. `inputOffset` locates it in the original input so evidence points there.
public struct Turn: Sendable, Hashable {
    public let speaker: Speaker
    public let text: String
    /// UTF-8 offset of `text` in the original input.
    public let inputOffset: Int

    public init(speaker: Speaker, text: String, inputOffset: Int) {
        self.speaker = speaker
        self.text = text
        self.inputOffset = inputOffset
    }
}
