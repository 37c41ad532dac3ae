/// A cheap French/English guess for the reason sentence when the caller gives no language: the
/// lexicon symbols `LANG_FR` and `LANG_EN` (frequent function words, `Lexicons/*/language-hints.map`)
/// vote, and French wins a tie (Flow Stage's main audience).
enum LanguageGuess {
    static func guess(hits: [Moderator.Hit], resources: ModerationResources) -> String {
        guard let french = resources.symbolIndex["LANG_FR"], let english = resources.symbolIndex["LANG_EN"] else { return "fr" }
        var balance = 0
        for hit in hits {
            if hit.symbol == french { balance += 1 } else if hit.symbol == english { balance -= 1 }
        }
        return balance < 0 ? "en" : "fr"
    }
}
