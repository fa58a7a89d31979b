import Testing
import TriageSuggest

@Suite struct PhraseTokenizerTests {
    let tokenizer = PhraseTokenizer()

    @Test func wordsAreLowerCasedAndPhrasesSpanOnlyWhitespace() {
        #expect(tokenizer.segments(of: "Still WAITING on it, please help") == [["still", "waiting", "on", "it"], ["please", "help"]])
        #expect(tokenizer.phrases(in: "still waiting") == ["still", "still waiting", "waiting"])
    }

    @Test func handlesLinksMasksAndNumbersBreakPhrases() {
        #expect(tokenizer.segments(of: "@AmazonHelp where is [USER] my parcel https://t.co/x1 now") == [["where", "is"], ["my", "parcel"], ["now"]])
        #expect(tokenizer.segments(of: "order 112-3456789-1234567 was $25 late") == [["order"], ["was"], ["late"]])
        #expect(tokenizer.segments(of: "see www.example.com [URL] ok") == [["see"], ["ok"]])
    }

    @Test func apostrophesHyphensAndHashtags() {
        #expect(tokenizer.segments(of: "it hasn’t arrived, my pre-order #fail 'quoted'") == [["it", "hasn't", "arrived"], ["my", "pre-order"], ["fail"], ["quoted"]])
    }

    @Test func functionWordsAloneAreNoPhrase() {
        #expect(tokenizer.phrases(in: "it is my refund") == ["is my refund", "my refund", "refund"])
        #expect(tokenizer.phrases(in: "to my").isEmpty)
    }
}
