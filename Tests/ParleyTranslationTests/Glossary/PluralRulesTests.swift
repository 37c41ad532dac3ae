import Testing
@testable import ParleyTranslation

@Suite("Glossary plural rules")
struct PluralRulesTests {
    @Test(arguments: [
        ("cachet", "cachets"), ("festival", "festivals"), ("local", "locaux"), ("travail", "travaux"), ("détail", "détails"),
        ("bijou", "bijoux"), ("trou", "trous"), ("plateau", "plateaux"), ("pneu", "pneus"), ("frais", "frais"), ("prix", "prix"),
        ("SACEM", "SACEM"),
    ])
    func frenchWords(singular: String, plural: String) {
        #expect(PluralRules.french(singular) == plural)
    }

    @Test(arguments: [
        ("fee", "fees"), ("box", "boxes"), ("bus", "buses"), ("switch", "switches"), ("party", "parties"), ("day", "days"),
        ("frontman", "frontmen"), ("human", "humans"), ("person", "people"), ("expenses", "expenses"), ("class", "classes"),
        ("EPK", "EPK"),
    ])
    func englishWords(singular: String, plural: String) {
        #expect(PluralRules.english(singular) == plural)
    }

    @Test func multiWordTermsInflectTheirHead() {
        #expect(PluralRules.plurals(of: "fiche technique", in: .french) == ["fiches techniques", "fiches technique"])
        #expect(PluralRules.plurals(of: "tête d'affiche", in: .french) == ["têtes d'affiche"])
        #expect(PluralRules.plurals(of: "avant-scène", in: .french) == ["avant-scènes"])
        #expect(PluralRules.plurals(of: "stage manager", in: .english) == ["stage managers"])
        #expect(PluralRules.plurals(of: "advance on the fee", in: .english) == ["advances on the fee"])
        #expect(PluralRules.plurals(of: "day off", in: .english) == ["days off"])
        #expect(PluralRules.plurals(of: "per diem", in: .english) == [])
        #expect(PluralRules.plurals(of: "DI", in: .french) == [])
    }
}
