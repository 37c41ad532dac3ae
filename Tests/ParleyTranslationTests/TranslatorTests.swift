import ParleyTesting
import ParleyText
import Testing

@testable import ParleyTranslation

@Suite struct TranslatorTests {
    let translator = Translator(models: BundledModels.all)
    let segmenter = Fixtures.segmenter()

    func translate(_ text: String, _ from: TranslationLanguage, forced: [ForcedPhrase] = []) throws -> Translation {
        try translator.translate(try segmenter.read(text), from: from, to: from.other, forced: forced)
    }

    @Test(arguments: [
        ("Merci beaucoup !", TranslationLanguage.french, ["thank"]),
        ("Je suis fatigué.", .french, ["I", "tired"]),
        ("Où est la gare ?", .french, ["station"]),
        ("Thank you very much!", .english, ["Merci"]),
        ("I am tired.", .english, ["fatigué"]),
        ("Where is the station?", .english, ["gare"]),
    ])
    func translatesSimpleSentences(text: String, from: TranslationLanguage, expected: [String]) throws {
        let translation = try translate(text, from)
        for word in expected { #expect(translation.text.lowercased().contains(word.lowercased()), "\(text) → \(translation.text)") }
        #expect(translation.confidence > 0 && translation.confidence < 1)
        #expect(translation.unknownWords.isEmpty)
    }

    /// Month and weekday names (rare in the parallel data; added from Scripts/translation/calendar.tsv by
    /// train.py) come out right both ways, with English capitals.
    @Test(arguments: [
        ("Nous sommes libres en novembre.", TranslationLanguage.french, ["in November"]),
        ("On joue vendredi.", .french, ["Friday"]),
        ("Le concert est en mai.", .french, ["in May"]),
        ("C'est prévu pour début mars, le samedi.", .french, ["early March", "Saturday"]),
        ("We are free in November.", .english, ["en novembre"]),
        ("The show is on Friday.", .english, ["vendredi"]),
        ("Can we play next Tuesday?", .english, ["mardi prochain"]),
        ("The festival is in May.", .english, ["en mai"]),
        ("Sunday, in August", .english, ["Dimanche", "en août"]),
    ])
    func translatesMonthsAndWeekdays(text: String, from: TranslationLanguage, expected: [String]) throws {
        let translation = try translate(text, from)
        for phrase in expected { #expect(translation.text.contains(phrase), "\(text) → \(translation.text)") }
        #expect(translation.unknownWords.isEmpty, "\(text) → \(translation.unknownWords)")
    }

    @Test func detokenizesForTheTargetLanguage() throws {
        #expect(try translate("Where is the station?", .english).text.hasSuffix(" ?"))
        let english = try translate("Où est la gare ?", .french).text
        #expect(english.hasSuffix("?") && !english.hasSuffix(" ?"))
        #expect(try translate("Je ne sais pas.", .french).text.contains("n't"))
        let question = try translate("Can you send the contract?", .english).text
        #expect(question.contains("-vous") && !question.contains(" -vous"), "\(question)")
    }

    @Test func keepsUntouchedSpansAndFormatsAmounts() throws {
        let translation = try translate("Écris à jo@example.fr ou va sur https://flow.stage/x @marie 😀 : le cachet est de 1 500 € HT.", .french)
        for kept in ["jo@example.fr", "https://flow.stage/x", "@marie", "😀", "€1,500 excl. VAT"] {
            #expect(translation.text.contains(kept), "\(translation.text)")
        }
        let french = try translate("The fee is €17.90 per person, call @bob.", .english)
        #expect(french.text.contains("17,90 €") && french.text.contains("@bob"), "\(french.text)")
    }

    @Test func frenchClockTimesBecomeEnglishOnes() throws {
        let translation = try translate("Les portes ouvrent à 19h30, vous jouez à 21h pour un set de 2h.", .french)
        #expect(translation.text.contains("7:30 pm") && translation.text.contains("9 pm"), "\(translation.text)")
        #expect(translation.text.contains("2h"), "a duration stays as written: \(translation.text)")
        #expect(TimeFormat.english(fromFrench: "0h15") == "12:15 am")
        #expect(TimeFormat.english(fromFrench: "12h") == "12 pm")
        #expect(TimeFormat.english(fromFrench: "25h") == nil)
        #expect(TimeFormat.english(fromFrench: "3h7") == nil)
    }

    @Test func englishTimesAndOrdinalsBecomeFrenchOnes() throws {
        #expect(TimeFormat.french(fromEnglish: "3pm") == "15h")
        #expect(TimeFormat.french(fromEnglish: "7:30PM") == "19h30")
        #expect(TimeFormat.french(fromEnglish: "12am") == "0h")
        #expect(TimeFormat.french(fromEnglish: "13pm") == nil)
        #expect(TimeFormat.frenchOrdinal(fromEnglish: "19th") == "19")
        #expect(TimeFormat.frenchOrdinal(fromEnglish: "1st") == "1er")
        #expect(TimeFormat.frenchOrdinal(fromEnglish: "4x4") == nil)
        let translation = try translate("I'm free on the 19th at 3pm.", .english)
        #expect(translation.text.contains("19") && !translation.text.contains("19th") && translation.text.contains("15h"), "\(translation.text)")
    }

    @Test func passesUnknownWordsThroughWithTheirCase() throws {
        let translation = try translate("Nous jouons avec Zorglubix demain.", .french)
        #expect(translation.text.contains("Zorglubix"))
        #expect(translation.unknownWords == ["Zorglubix"])
    }

    @Test func forcedPhrasesWinAndAreReported() throws {
        let message = try segmenter.read("Le cachet est de 500 €.")
        let index = try #require(message.tokens.firstIndex { message.text(of: $0) == "cachet" })
        let translation = try translator.translate(message, from: .french, to: .english,
                                                   forced: [ForcedPhrase(tokens: index..<(index + 1), target: "fee", termID: "cachet")])
        #expect(translation.text.contains("fee"), "\(translation.text)")
        #expect(!translation.text.contains("tablet"))
        #expect(translation.glossaryHits.count == 1)
        let hit = try #require(translation.glossaryHits.first)
        #expect(hit.termID == "cachet" && hit.target == "fee" && hit.source == message.tokens[index].span)
        let utf8 = Array(translation.text.utf8)
        #expect(String(decoding: utf8[hit.targetSpan.utf8], as: UTF8.self) == "fee")
    }

    @Test func badForcedRangesAreTypedErrors() throws {
        let message = try segmenter.read("Le cachet est bon.")
        #expect(throws: TranslationError.self) {
            try translator.translate(message, from: .french, to: .english, forced: [ForcedPhrase(tokens: 0..<99, target: "x")])
        }
        #expect(throws: TranslationError.self) {
            try translator.translate(message, from: .french, to: .english,
                                     forced: [ForcedPhrase(tokens: 0..<3, target: "x"), ForcedPhrase(tokens: 2..<4, target: "y")])
        }
    }

    @Test func unsupportedPairsAreTypedErrors() throws {
        #expect(throws: TranslationError.unsupportedPair(from: "fr", to: "de")) { try Translator.pair(from: "fr", to: "de") }
        #expect(throws: TranslationError.unsupportedPair(from: "en", to: "en-GB")) { try Translator.pair(from: "en", to: "en-GB") }
        #expect(try Translator.pair(from: "fr-CA", to: "en") == (.french, .english))
        let single = Translator(models: [BundledModels.all[0]])
        #expect(throws: TranslationError.unsupportedPair(from: "en", to: "fr")) {
            try single.translate(try segmenter.read("Hello"), from: .english, to: .french)
        }
    }

    @Test func alignmentsPointIntoBothTexts() throws {
        let message = try segmenter.read("Bonjour, avez-vous encore des dates libres en novembre ? Merci.")
        let translation = try translator.translate(message, from: .french, to: .english)
        #expect(!translation.alignments.isEmpty)
        let target = Array(translation.text.utf8)
        for link in translation.alignments {
            #expect(link.source.utf8.upperBound <= message.original.count)
            #expect(link.target.utf8.upperBound <= target.count)
        }
        #expect(translation.text.first?.isUppercase == true)
    }

    @Test func longMessagesAndEmptyInput() throws {
        let long = Array(repeating: "Je viens demain avec le groupe et nous jouons le soir", count: 8).joined(separator: ", ") + "."
        let translation = try translate(long, .french)
        #expect(translation.text.split(separator: " ").count > 40)
        #expect(try translate("", .french).text == "")
    }

    @Test func confidenceFollowsTheCalibratedModel() {
        let features = ConfidenceFeatures(scorePerUnit: -1, unknownRatio: 0.5, glossaryRatio: 0, lengthRatio: 0.1)
        var parameters = DecoderParameters()
        parameters.confidenceBias = 0.5
        parameters.confidenceScorePerWord = 1
        parameters.confidenceUnknownRatio = -2
        parameters.confidenceLengthRatio = 0
        // z = 0.5 - 1 - 1 = -1.5
        #expect(abs(features.confidence(parameters) - 1 / (1 + 4.481_689_070_338_065)) < 1e-12)
    }
}

@Suite struct TranslatorGlossaryAndMemoryTests {
    let segmenter = Fixtures.segmenter()

    func translator() throws -> Translator {
        let memory = try TranslationMemory.load(directory: Fixtures.lexiconsDirectory + "/memory", textResources: Fixtures.textResources)
        return Translator(models: BundledModels.all, glossary: GlossaryFixtures.shipped, memory: memory)
    }

    @Test func glossaryTermsAreForcedAndReported() throws {
        let translator = try translator()
        let message = try segmenter.read("Le cachet et la fiche technique sont validés, les balances à 17h.")
        let translation = try translator.translate(message, from: .french, to: .english)
        for term in ["fee", "tech rider", "soundcheck"] { #expect(translation.text.contains(term), "\(translation.text)") }
        #expect(!translation.text.contains("tablet"))
        #expect(translation.glossaryHits.count == 3)
        #expect(translation.features.glossaryRatio > 0)
        #expect(translation.memoryScore == nil)
        let plain = Translator(models: BundledModels.all)
        #expect(try plain.translate(message, from: .french, to: .english).glossaryHits.isEmpty)
    }

    @Test func glossaryTermAtTheStartIsCapitalized() throws {
        let translation = try translator().translate(try segmenter.read("Cachet confirmé."), from: .french, to: .english)
        #expect(translation.text.hasPrefix("Fee"), "\(translation.text)")
    }

    @Test func callerForcedPhrasesBeatTheGlossary() throws {
        let message = try segmenter.read("Le cachet est bon.")
        let index = try #require(message.tokens.firstIndex { message.text(of: $0) == "cachet" })
        let translation = try translator().translate(message, from: .french, to: .english,
                                                     forced: [ForcedPhrase(tokens: index..<(index + 1), target: "artist fee")])
        #expect(translation.text.contains("artist fee"))
        #expect(translation.glossaryHits.map(\.target) == ["artist fee"])
    }

    @Test func memoryMatchesAreReusedBeforeDecoding() throws {
        let translator = try translator()
        let exact = try translator.translate(try segmenter.read("Bonjour, merci pour votre message."), from: .french, to: .english)
        #expect(exact.text == "Hello, thank you for your message.")
        #expect(exact.memoryScore == 1 && exact.usedMemory && exact.confidence == 1)
        translator.memoryMinimumScore = 1
        let decoded = try translator.translate(try segmenter.read("Bonjour, merci pour ton message !"), from: .french, to: .english)
        #expect(!decoded.usedMemory)
    }
}
