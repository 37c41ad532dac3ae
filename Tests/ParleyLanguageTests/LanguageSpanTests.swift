import ParleyLanguage
import ParleyTesting
import ParleyText
import Testing

@Suite struct LanguageSpanTests {
    let recognizer = LanguageRecognizer(model: bundledModel)

    @Test func mixedMessageGivesFrenchThenEnglish() {
        let message = read("Merci beaucoup ! See you at the soundcheck")
        let spans = recognizer.spans(for: message)
        #expect(spans.map(\.language) == [.french, .english])
        #expect(spans.map { message.text(in: $0.span) } == ["Merci beaucoup", "See you at the soundcheck"])
        #expect(spans[0].span.utf8 == 0..<14 && spans[1].span.utf8 == 17..<42)
        #expect(spans.map(\.words) == [2, 5])
    }

    @Test func rangesAreUTF8AndUTF16OfTheOriginalText() {
        // The guitar emoji is 4 UTF-8 bytes and 2 UTF-16 units; "é" is 2 bytes and 1 unit.
        let text = "🎸 Désolé guys, on doit annuler. We'll pay the cancellation fee as per the contract."
        let message = read(text)
        let spans = recognizer.spans(for: message)
        #expect(spans.map(\.language) == [.french, .english])
        let french = spans[0].span
        #expect(french.utf8.lowerBound == 5 && french.utf16.lowerBound == 3)
        #expect(message.text(in: french).hasPrefix("Désolé"))
        let english = spans[1].span
        let prefix = text[..<text.firstRange(of: "We'll")!.lowerBound]
        #expect(english.utf8.lowerBound == prefix.utf8.count)
        #expect(english.utf16.lowerBound == prefix.utf16.count)
        #expect(message.text(in: english) == "We'll pay the cancellation fee as per the contract")
    }

    @Test func singleLanguageMessageIsOneSpan() {
        let message = read("Le cachet proposé est trop bas pour nous, on tourne à 5 sur scène.")
        let spans = recognizer.spans(for: message)
        #expect(spans.count == 1)
        #expect(spans.first?.language == .french)
        #expect(spans.first.map { message.text(in: $0.span) } == "Le cachet proposé est trop bas pour nous, on tourne à 5 sur scène")
    }

    @Test func loanwordInsideASentenceDoesNotSplitIt() {
        let spans = recognizer.spans(for: read("On arrive pour le soundcheck vers 17h avec tout le matos."))
        #expect(spans.map(\.language) == [.french])
    }

    @Test func unreliableStretchIsUnd() {
        let spans = recognizer.spans(for: read("ok"))
        #expect(spans.map(\.language) == [.und])
    }
}
