import ParleyText
import Testing

@testable import ParleyTranslation

@Suite struct AmountFormatterTests {
    @Test(arguments: [
        ("1 500 €", TranslationLanguage.english, "€1,500"),
        ("17,90 €", .english, "€17.90"),
        ("2k€", .english, "€2k"),
        ("800 balles", .english, "€800"),
        ("250 €", .english, "€250"),
        ("€1,500", .french, "1 500 €"),
        ("€17.90", .french, "17,90 €"),
        ("$1,200", .french, "1 200 $"),
        ("€4,000.50", .french, "4 000,50 €"),
        ("£30", .french, "30 £"),
    ])
    func rewritesForTheTargetLocale(source: String, language: TranslationLanguage, expected: String) {
        #expect(AmountFormatter.format(source, flags: [], to: language) == expected)
    }

    @Test func keepsTaxMarks() {
        #expect(AmountFormatter.format("1 500 € HT", flags: .beforeTax, to: .english) == "€1,500 excl. VAT")
        #expect(AmountFormatter.format("€900 incl. VAT", flags: .taxIncluded, to: .french) == "900 € TTC")
    }

    @Test func leavesUnreadableTextAlone() {
        #expect(AmountFormatter.format("beaucoup d'euros", flags: [], to: .english) == "beaucoup d'euros")
    }
}
