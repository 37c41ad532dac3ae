import Testing

@testable import ParleyTone

@Suite("Sentiment of French and English chat")
struct SentimentScorerTests {
    func label(_ text: String, _ language: String? = nil) -> Sentiment.Label {
        ToneTestSupport.sentiment(text, language: language).label
    }

    func compound(_ text: String, _ language: String? = nil) -> Double {
        ToneTestSupport.sentiment(text, language: language).compound
    }

    @Test func plainPraiseAndComplaints() {
        #expect(label("Trop bien le concert d'hier, merci à toute l'équipe 🔥🔥", "fr") == .pos)
        #expect(label("Franchement je suis déçu, le son était pourri", "fr") == .neg)
        #expect(label("Amazing show last night, the crowd loved you!", "en") == .pos)
        #expect(label("Really disappointed, the sound was terrible", "en") == .neg)
    }

    @Test func tradeWordsAreNotOpinions() {
        #expect(label("Le concert est complet depuis hier", "fr") == .neu)
        #expect(label("La date du 12 est annulée, annulation du cachet prévue au contrat", "fr") == .neu)
        #expect(label("The show is sold out", "en") == .neu)
        #expect(label("We need to talk about the cancellation fee and the rider", "en") == .neu)
        #expect(label("La balance est à 17h", "fr") == .neu)
    }

    @Test func frenchNegation() {
        #expect(compound("C'est génial", "fr") > 0)
        #expect(compound("C'est pas génial", "fr") < 0)
        #expect(compound("Je n'aime pas ce son", "fr") < 0)
        #expect(compound("j'aime pas", "fr") < 0)
        #expect(compound("Je ne suis plus content", "fr") < 0)
        #expect(compound("Il n'a jamais été content", "fr") < 0)
        // "sans" negates what follows: no problem is good news.
        #expect(compound("Sans problème, on s'adapte", "fr") > 0)
        #expect(compound("Pas de souci", "fr") > 0)
        // "plus" alone means "more", not "no longer".
        #expect(compound("C'est plus sympa comme ça", "fr") > 0)
    }

    @Test func englishNegation() {
        #expect(compound("I like it", "en") > 0)
        #expect(compound("I don't like it", "en") < 0)
        #expect(compound("It wasn't great at all", "en") < 0)
        #expect(compound("never happy with the sound", "en") < 0)
        #expect(compound("not bad at all", "en") > 0)
        #expect(compound("no worries", "en") > 0)
    }

    @Test func negationStopsAtClauseBreaks() {
        // The "pas" of the first clause does not reach "super" in the second.
        #expect(compound("On ne peut pas venir. Mais super concert", "fr") > 0)
    }

    @Test func boostersAndDampeners() {
        #expect(compound("très content", "fr") > compound("content", "fr"))
        #expect(compound("un peu déçu", "fr") > compound("déçu", "fr"))
        #expect(compound("so good", "en") > compound("good", "en"))
        #expect(compound("kinda good", "en") < compound("good", "en"))
        // "super" alone is praise, before an adjective a booster.
        #expect(compound("super", "fr") > 0)
        #expect(compound("super content", "fr") > compound("content", "fr"))
    }

    @Test func contrastShiftsTheWeight() {
        #expect(compound("The show was great but the sound was terrible", "en") < 0)
        #expect(compound("Le son était nul mais le public était génial", "fr") > 0)
    }

    @Test func capitalsExclamationsAndElongation() {
        #expect(compound("the show was GREAT tonight", "en") > compound("the show was great tonight", "en"))
        #expect(compound("génial !!!", "fr") > compound("génial", "fr"))
        #expect(compound("géniaaaal", "fr") > compound("génial", "fr"))
    }

    @Test func emojiAndEmoticons() {
        #expect(label("On se voit vendredi 🎉", "fr") == .pos)
        #expect(label("le camion est en panne 😡", "fr") == .neg)
        #expect(compound("ok :)", "en") > compound("ok", "en"))
        #expect(compound("ok :(", "en") < 0)
    }

    @Test func sarcasm() {
        #expect(label("Génial 🙄", "fr") == .neg)
        #expect(label("Oh great, another schedule change 🙄", "en") == .neg)
        #expect(label("Merci pour rien", "fr") == .neg)
        #expect(label("Thanks for nothing", "en") == .neg)
    }

    @Test func hashtagsReadAsWords() {
        #expect(label("concert annulé #fail", "fr") == .neg)
        #expect(label("what a night #love", "en") == .pos)
    }

    @Test func chatAbbreviations() {
        #expect(label("mdr trop bien", "fr") == .pos)
        #expect(label("tkt c'est nickel", "fr") == .pos)
        #expect(label("thx, top!", "en") == .pos)
        #expect(label("c'est relou", "fr") == .neg)
    }

    @Test func mixedFrenchAndEnglish() {
        // English words in a French message are read with the English lexicon.
        #expect(label("Le show était awesome, thanks les gars", "fr") == .pos)
        #expect(label("Désolé guys mais c'était a disaster", "fr") == .neg)
        // French "but" (goal) is not the English contrast.
        #expect(compound("Le but est simple : un super concert", "fr") == compound("Un super concert", "fr"))
        // French "l'" is not the English "l" (2.0 in VADER).
        #expect(label("La facture est à adresser à l'association", "fr") == .neu)
    }

    @Test func explainsItself() {
        let sentiment = ToneTestSupport.sentiment("pas génial", language: "fr")
        let word = sentiment.contributions.first
        #expect(word?.negated == true)
        #expect(word?.source?.file.hasSuffix("fr/sentiment.map") == true)
        #expect(word?.span.utf8 == 4..<11)  // "génial" is 7 bytes
    }

    @Test func compoundStaysInRange() {
        let text = String(repeating: "génial !!! ", count: 40)
        let value = compound(text, "fr")
        #expect(value <= 1 && value > 0.9)
        #expect(compound("", "fr") == 0)
    }
}
