/// A cheap French/English guess for the reason sentence when the caller gives no language: the
/// lexicon symbols `LANG_FR` and `LANG_EN` (frequent function words, `Lexicons/*/language-hints.map`)
/// vote, and French wins a tie (Flow Stage's main audience).
enum LanguageGuess {
    /// - Parameter tally: how many times each symbol matched (language hints are counted, not placed).
    static func guess(tally: [Int32], resources: ModerationResources) -> String {
        guard let french = resources.symbolIndex["LANG_FR"], let english = resources.symbolIndex["LANG_EN"] else { return "fr" }
        return tally[Int(english)] > tally[Int(french)] ? "en" : "fr"
    }
}
