import TriageEngine

/// Turns a message into the phrases `triage suggest` proposes: runs of 1 to 3 lower-case
/// words that stand next to each other with only whitespace between them, so a phrase found
/// here can be written as a rule phrase (`"still no sign"`) and match the same words.
///
/// Left out, and breaking a phrase where they stand: @handles, links (`http…`, `www.…`),
/// bracketed masks (`[USER]`, `[URL]`), words with digits (order numbers, amounts, dates,
/// tracking numbers) and punctuation between words. A `#` before a word is dropped
/// (`#fail` gives `fail`); `’` is read as `'`. Phrases made only of function words ("it
/// is", "to my") are not proposed.
///
/// The text is first normalised as the engine does for the pack (entities decoded, handles
/// and links blanked, spelling variants rewritten: docs/language.md), so a phrase proposed
/// here is one the pack's patterns can see.
public struct PhraseTokenizer: Sendable {
    /// Longest phrase, in words.
    public let maximumWords: Int
    public let normalizer: TextNormalizer

    public init(maximumWords: Int = 3, normalizer: TextNormalizer = TextNormalizer(isEnabled: false)) {
        self.maximumWords = maximumWords
        self.normalizer = normalizer
    }

    /// The distinct phrases of a text, in order of first appearance.
    public func phrases(in text: String) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for segment in segments(of: normalizer.normalize(text).text) {
            for start in segment.indices {
                for length in 1...maximumWords where start + length <= segment.count {
                    let words = segment[start..<start + length]
                    guard !words.allSatisfy(PhraseTokenizer.functionWords.contains) else { continue }
                    let phrase = words.joined(separator: " ")
                    if seen.insert(phrase).inserted { result.append(phrase) }
                }
            }
        }
        return result
    }

    /// Runs of words that a phrase may span, lower-cased.
    public func segments(of text: String) -> [[String]] {
        var segments: [[String]] = []
        var current: [String] = []
        func flush() {
            if !current.isEmpty { segments.append(current) }
            current = []
        }
        for chunk in text.split(whereSeparator: { $0.isWhitespace }) {
            let lowered = chunk.lowercased()
            if lowered.hasPrefix("@") || lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("www.")
                || PhraseTokenizer.isMask(lowered) {
                flush()
                continue
            }
            // Punctuation anywhere breaks a phrase: a rule phrase only spans whitespace.
            let characters = Array(lowered.replacingOccurrences(of: "’", with: "'"))
            var word = ""
            func emit() {
                guard !word.isEmpty else { return }
                if word.contains(where: \.isNumber) { flush() } else { current.append(word) }
                word = ""
            }
            for (index, character) in characters.enumerated() {
                // An apostrophe or hyphen inside a word is part of it: "hasn't", "pre-order".
                let joins = (character == "'" || character == "-") && !word.isEmpty
                    && index + 1 < characters.count && PhraseTokenizer.isWordCharacter(characters[index + 1])
                if PhraseTokenizer.isWordCharacter(character) || joins {
                    word.append(character)
                } else {
                    emit()
                    flush()
                }
            }
            emit()
        }
        flush()
        return segments
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// `[user]`, `[url]` and other bracketed upper-case masks, lower-cased.
    static func isMask(_ chunk: String) -> Bool {
        guard let open = chunk.firstIndex(of: "["), let close = chunk.lastIndex(of: "]"), open < close else { return false }
        let inside = chunk[chunk.index(after: open)..<close]
        return !inside.isEmpty && inside.allSatisfy { $0.isLetter || $0 == "_" }
    }

    /// Words that make no phrase on their own: articles, pronouns, auxiliaries, prepositions
    /// and conjunctions. A phrase needs at least one word outside this list.
    static let functionWords: Set<String> = [
        "a", "an", "the", "i", "me", "my", "mine", "we", "us", "our", "you", "your", "yours", "he", "him", "his", "she", "her",
        "it", "its", "it's", "they", "them", "their", "this", "that", "these", "those", "is", "are", "was", "were", "be", "been",
        "being", "am", "i'm", "im", "i've", "ive", "i'd", "i'll", "do", "does", "did", "have", "has", "had", "will", "would",
        "can", "could", "should", "shall", "may", "might", "must", "to", "of", "in", "on", "at", "for", "from", "by", "with",
        "about", "into", "onto", "as", "and", "or", "but", "so", "if", "than", "then", "there", "what", "which", "who", "whom",
        "just", "also", "too", "very", "please", "amp",
    ]
}
