import Testing

@testable import ParleyTone

@Suite("Register: tu/vous, greetings, sign-offs, slang, emoji")
struct FormalityDetectorTests {
    typealias S = ToneTestSupport

    @Test func frenchRegisters() {
        let formal = S.analyze("Bonjour Madame, nous aimerions vous programmer le 15 mars. Bien cordialement, Julie", language: "fr").formality
        #expect(formal.level == .formal)
        #expect(formal.address == .vous)
        #expect(formal.cues.contains { $0.kind == .signoff })
        let familiar = S.analyze("Salut ! t'es dispo vendredi ? bisous", language: "fr").formality
        #expect(familiar.level == .familiar)
        #expect(familiar.address == .tu)
        let neutral = S.analyze("Le soundcheck est à 17h", language: "fr").formality
        #expect(neutral.level == .neutral)
        #expect(neutral.address == .none)
    }

    @Test func englishRegisters() {
        #expect(S.analyze("Dear Mr Smith, please find attached the contract. Kind regards, Anna", language: "en").formality.level == .formal)
        #expect(S.analyze("hey dude u free friday? lol", language: "en").formality.level == .familiar)
        #expect(S.analyze("The fee is 800 euros plus hotel", language: "en").formality.level == .neutral)
    }

    @Test("the register alone agrees with the full analysis, language given or guessed", arguments: [
        ("Bonjour Madame, nous aimerions vous programmer le 15 mars. Bien cordialement, Julie", "fr" as String?),
        ("Salut ! t'es dispo vendredi ? bisous", nil),
        ("hey dude u free friday? lol", "en"),
        ("Dear Mr Smith, please find attached the contract. Kind regards, Anna", nil),
    ])
    func registerAloneMatchesTheFullAnalysis(text: String, language: String?) {
        let analyzer = ToneAnalyzer(resources: S.resources)
        let full = analyzer.analyze(S.message(text), context: ToneContext(language: language, referenceTime: S.friday27March2026))
        let alone = analyzer.formality(of: S.message(text), language: language)
        #expect(alone.language == full.language)
        #expect(alone.formality.level == full.formality.level)
        #expect(alone.formality.address == full.formality.address)
        #expect(alone.formality.score == full.formality.score)
    }

    @Test func emojiDensityIsFamiliar() {
        let formality = S.analyze("trop bien 🔥🔥🎉", language: "fr").formality
        #expect(formality.cues.contains { $0.kind == .emoji })
        #expect(formality.level == .familiar)
    }

    @Test func vousRepeatedCountsOnce() {
        let once = S.analyze("vous venez ?", language: "fr").formality.score
        let many = S.analyze("vous venez avec votre ingé et vos instruments ?", language: "fr").formality.score
        #expect(once == many)
    }

    @Test func addressInsideLongerCues() {
        // "vous trouverez" and "pourriez-vous" are formal markers that also say "vous".
        #expect(S.analyze("Vous trouverez ci-joint le contrat", language: "fr").formality.address == .vous)
        #expect(S.analyze("Pourriez-vous confirmer ?", language: "fr").formality.address == .vous)
        #expect(S.analyze("t'inquiète, c'est réglé", language: "fr").formality.address == .tu)
    }

    @Test func addressOnlyInTheMessageLanguage() {
        #expect(S.analyze("We sold a ton of merch", language: "en").formality.address == .none)
    }

    @Test func tuWinsOverPluralVous() {
        // "vous" addressed to a band while the writer says "tu" to the booker.
        #expect(S.analyze("tu me dis si vous êtes dispo les gars", language: "fr").formality.address == .tu)
    }

    @Test func registerClashTips() {
        let previous = S.analyze("Bonjour Monsieur, pourriez-vous nous envoyer votre fiche technique ? Cordialement", language: "fr")
        #expect(previous.formality.address == .vous)
        let reply = S.analyze("salut, tu l'as en pdf ? mdr", language: "fr", previous: previous)
        #expect(reply.tips.contains { $0.id == "reply-vous" && $0.text == "Votre interlocuteur vouvoie : répondez en vouvoyant." })
        #expect(reply.tips.contains { $0.id == "reply-formal" })
        let matching = S.analyze("Bonjour, vous la trouverez ci-joint. Cordialement", language: "fr", previous: previous)
        #expect(!matching.tips.contains { $0.id.hasPrefix("reply-") })
        // English reply to an English formal message gets the English text.
        let english = S.analyze("Dear Ms Doe, could you please confirm the date? Kind regards", language: "en")
        let casual = S.analyze("yo dude lol sure thing", language: "en", previous: english)
        #expect(casual.tips.contains { $0.id == "reply-formal" && $0.text.hasPrefix("The other person writes formally") })
    }
}
