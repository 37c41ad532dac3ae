import ParleyTranslation
import Testing

@Suite struct TranslationLanguageTests {
    @Test(arguments: [("fr", TranslationLanguage.french), ("fr-CA", .french), ("EN_gb", .english), ("en", .english)])
    func parsesCodesAndTags(code: String, expected: TranslationLanguage) {
        #expect(TranslationLanguage(code: code) == expected)
    }

    @Test(arguments: ["de", "", "french", "e"])
    func rejectsOtherLanguages(code: String) {
        #expect(TranslationLanguage(code: code) == nil)
    }

    @Test func otherSwapsThePair() {
        #expect(TranslationLanguage.french.other == .english)
        #expect(TranslationLanguage.english.other == .french)
    }
}
