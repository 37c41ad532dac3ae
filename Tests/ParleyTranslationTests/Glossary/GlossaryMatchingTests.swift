import ParleyTesting
import ParleyText
import Testing
@testable import ParleyTranslation

@Suite("Glossary matching")
struct GlossaryMatchingTests {
    let segmenter = Fixtures.segmenter()

    func matches(_ text: String, _ from: TranslationLanguage = .french, glossary: Glossary = GlossaryFixtures.shipped) throws
        -> [GlossaryMatch]
    {
        glossary.matches(in: try segmenter.read(text), from: from, to: from.other)
    }

    func pairs(_ text: String, _ from: TranslationLanguage = .french) throws -> [String] {
        try matches(text, from).map { "\($0.source)=\($0.target)" }
    }

    @Test func caseAndAccentsDoNotMatter() throws {
        #expect(try pairs("Le CACHET est validé") == ["CACHET=fee"])
        #expect(try pairs("le regisseur arrive") == ["regisseur=stage manager"])
        #expect(try pairs("Le Régisseur arrive") == ["Régisseur=stage manager"])
    }

    @Test func pluralsAgreeInNumber() throws {
        #expect(try pairs("les cachets sont versés") == ["cachets=fees"])
        #expect(try pairs("deux fiches techniques") == ["fiches techniques=tech riders"])
        #expect(try pairs("nos régisseurs son") == ["régisseurs son=heads of sound"])
        #expect(try pairs("the fees are paid", .english) == ["fees=cachets"])
        #expect(try pairs("two stage managers", .english) == ["stage managers=régisseurs"])
        #expect(try pairs("three days off", .english) == ["days off=jours off"])
    }

    @Test func pluralOnlyNounsAgreeAsSingular() throws {
        // "balances" is plural in French, "soundcheck" singular in English.
        #expect(try pairs("les balances à 17h") == ["balances=soundcheck"])
        #expect(try pairs("soundcheck at 5", .english) == ["soundcheck=balances"])
        #expect(try pairs("soundchecks at 5", .english) == ["soundchecks=balances"])
        // An explicit singular/plural pair in the file.
        #expect(try pairs("les loges sont prêtes") == ["loges=dressing rooms"])
        #expect(try pairs("la loge est prête") == ["loge=dressing room"])
    }

    @Test func elisionAndHyphens() throws {
        #expect(try pairs("l'avance sur cachet") == ["avance sur cachet=advance on the fee"])
        #expect(try pairs("la salle d'accueil") == ["accueil=hospitality"])
        #expect(try pairs("une tête d’affiche") == ["tête d’affiche=headliner"])
        #expect(try pairs("the load-in is at noon", .english) == ["load-in=déchargement"])
        #expect(try pairs("the loadin is at noon", .english) == ["loadin=déchargement"])
        #expect(try pairs("the load in is at noon", .english) == ["load in=déchargement"])
        #expect(try pairs("the sound-check at 5", .english) == ["sound-check=balances"])
        #expect(try pairs("le monte-charge") == ["monte-charge=goods lift"])
        // A match never starts inside a hyphenated compound.
        #expect(try pairs("un after-show", .english).isEmpty)
    }

    @Test func multiWordTermsAndLongestMatchWin() throws {
        #expect(try pairs("la fiche technique est jointe") == ["fiche technique=tech rider"])
        #expect(try pairs("un cachet net de 800") == ["cachet net=net fee"])
        #expect(try pairs("un cachet de 800") == ["cachet=fee"])
        #expect(try pairs("on peut faire les balances") == ["faire les balances=to soundcheck"])
        // Punctuation between the words breaks a multi-word term.
        #expect(try pairs("la fiche, technique") == [])
    }

    @Test func doNotTranslateKeepsTheSourceAsWritten() throws {
        let found = try matches("la Smac de Nantes")
        #expect(found.count == 1)
        #expect(found.first?.doNotTranslate == true)
        #expect(found.first?.target == "Smac")
        #expect(found.first?.termID == "smac")
    }

    @Test func spansAndTokensPointAtTheOriginal() throws {
        let message = try segmenter.read("Envoie la fiche technique stp")
        let found = GlossaryFixtures.shipped.matches(in: message, from: .french, to: .english)
        #expect(found.count == 1)
        let match = try #require(found.first)
        #expect(message.text(in: match.span) == "fiche technique")
        #expect(message.text(of: message.tokens[match.tokens.lowerBound]) == "fiche")
        #expect(message.text(of: message.tokens[match.tokens.upperBound - 1]) == "technique")
    }

    @Test func severalMatchesInTextOrder() throws {
        #expect(
            try pairs("Le cachet, le défraiement et les balances") == ["cachet=fee", "défraiement=expenses", "balances=soundcheck"])
    }

    @Test func sameLanguageHasNoMatches() throws {
        let message = try segmenter.read("le cachet")
        #expect(GlossaryFixtures.shipped.matches(in: message, from: .french, to: .french).isEmpty)
    }

    @Test func englishDuplicatesPickThePreferredConcept() throws {
        // "stage manager" translates both régisseur and régisseur plateau; the first row is preferred.
        #expect(try matches("the stage manager", .english).map(\.termID) == ["regisseur"])
        #expect(try matches("the booker", .english).map(\.termID) == ["booker"])
    }
}
