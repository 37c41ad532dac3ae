import ParleyModeration
import ParleyTesting
import ParleyText
import Testing

@Suite("Moderator")
struct ModeratorTests {
    func label(_ text: String) -> String { ModerationTestSupport.verdict(text).label }

    @Test("ordinary booking chat in French and English is allowed", arguments: [
        "Bonjour, seriez-vous disponibles le 15 mars au Rocher de Palmer ? Cachet 600 € HT + repas.",
        "Le son était pourri hier soir, on attend un geste commercial.",
        "Putain de bon concert hier soir, merci à toute l'équipe 🔥🔥",
        "Ce con de GPS nous a envoyés à l'autre bout de la ville 😂",
        "ce retard est chiant, on arrive dans 20 minutes",
        "Mon numéro pour le jour J : 06 39 98 12 44, le régisseur c'est Paul.",
        "Je vous mets en copie Sophie : sophie.martin@collectif-ondes.org",
        "Thanks, the deposit of 500 EUR has been received via the platform.",
        "That was a f***ing great show last night, crowd loved you guys!",
        "Our bassist is a bit of a dick sometimes but he's the best player we know lol",
        "Can you send an invoice with VAT details? Our accounting needs it.",
        "Voici le lien vers notre dernier clip : https://youtu.be/dQ4r2kP9xLm",
        "Vous pouvez m'envoyer votre RIB pour le virement du cachet ?",
    ])
    func ordinaryChat(text: String) {
        let verdict = ModerationTestSupport.verdict(text)
        #expect(verdict.action == .allow, "\(verdict.rules.map { "\($0.symbol) \($0.weight) \($0.source)" })")
        #expect(verdict.label == "ok")
    }

    @Test("a phrase does not match across a clause break, and still matches within one")
    func phrasesStayWithinAClause() {
        #expect(label("Je vous présente Les Oiseaux de Nuit, ensemble jazz de Lyon.") == "ok")
        #expect(label("Une date de nuit.\nEnsemble, on remplit la salle") == "ok")
        #expect(label("on passe la nuit ensemble après le concert ?") == "sexual")
    }

    @Test("Scunthorpe: innocent words containing flagged strings", arguments: [
        "On a un concert à Scunthorpe le 10",
        "Our drummer is from Sussex, then Essex and Middlesex",
        "Can we get a few cocktail tickets for the band?",
        "j'ai fait une analyse des dates, le contrat et le calcul sont bons",
        "Il faut être là à 17h, la culture ici c'est sacré, il habite à côté",
        "Our name is The Cocksure Lads, and it was a cock-up on the poster",
        "We'll bring bite-sized snacks and Dickies workwear for the crew",
        "Les Sex Pistols et Sexion d'Assaut, on joue Baiser volé en rappel",
        "Le groupe joue en sextet, c'est un artiste réputé",
        "Penistone and Cockermouth next week, then the PDF of the contract",
    ])
    func scunthorpe(text: String) {
        #expect(label(text) == "ok", "\(ModerationTestSupport.verdict(text).rules.map(\.symbol))")
    }

    @Test("evasions are caught", arguments: [
        ("Espèce de c0nn4rd, t'es qu'une m3rde", "harassment"),  // leetspeak
        ("Ferme-la sal*pe", "harassment"),  // asterisk masking
        ("gros bаtard, t'es même pas capable", "harassment"),  // Cyrillic а
        ("send n u d e s and the gig is yours", "sexual"),  // spaced letters
        ("Let's talk on W-h-a-t-s-A-p-p, the platform takes too much", "scam"),  // hyphenated letters
        ("Écris-moi sur wh\u{200B}ats\u{200B}app, on évite la commission de la plateforme", "scam"),  // zero-width spaces
        ("Mon email perso c'est m a x . b o o k i n g (at) g m x (point) fr, on discute sans la plateforme", "scam"),  // spelled e-mail
        ("Let's move this to WhatsApp, my number is plus three three six, three nine, nine eight, zero one, two two", "scam"),  // phone in words
        ("Log in immediately at flοwstage-secure.com to keep your profile active.", "scam"),  // Greek ο in a domain
    ])
    func evasions(text: String, expected: String) {
        let verdict = ModerationTestSupport.verdict(text)
        #expect(verdict.label == expected, "\(verdict.rules.map { "\($0.symbol) \($0.weight)" })")
        #expect(verdict.action != .allow)
    }

    @Test("targeted insults are harassment, venting is not")
    func targetedVersusVenting() {
        #expect(label("T'es vraiment nul, ton groupe aussi") == "harassment")
        #expect(label("Le son était nul hier") == "ok")
        #expect(label("you're a fraud and everyone knows it") == "harassment")
        #expect(label("the contract draft is a bit of a fraud risk, let's check it") == "ok")
    }

    @Test("a joking threat between band-mates is not harassment")
    func jokingThreat() {
        #expect(label("je vais te tuer si t'oublies encore les câbles 😂") == "ok")
        #expect(label("je vais te tuer si t'oublies encore les câbles") == "harassment")
    }

    @Test("the verdict carries spans in both encodings, sources and a reason in the message's language")
    func verdictDetails() throws {
        let text = "Café ! Envoie 300€ en cartes PCS par Western Union"
        let verdict = ModerationTestSupport.verdict(text, context: ModerationContext(language: "fr"))
        #expect(verdict.label == "scam")
        #expect(verdict.report == "arnaque")
        #expect(verdict.action >= .hold)
        let rule = try #require(verdict.rules.first { $0.symbol == "UNTRACEABLE_PAYMENT" })
        let western = try #require(rule.matches.first { $0.text == "Western Union" })
        #expect(western.source?.hasSuffix(".map:5") == true || western.source?.contains("scam.map:") == true)
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[western.span.utf8], as: UTF8.self) == "Western Union")
        let utf16 = Array(text.utf16)
        #expect(String(decoding: utf16[western.span.utf16], as: UTF16.self) == "Western Union")
        #expect(western.span.utf8.lowerBound != western.span.utf16.lowerBound)  // "é" is 2 bytes, 1 unit
        #expect(verdict.reason.hasPrefix("Arnaque"))
        #expect(verdict.scores["scam"]! >= 7)
        let english = ModerationTestSupport.verdict("Please pay the registration fee with an Apple gift card")
        #expect(english.language == "en")
        #expect(english.reason.hasPrefix("Scam"))
    }

    @Test("links: shorteners, link-only, IP literals, punycode, executables")
    func links() {
        #expect(label("bit.ly/3xQpR7a") == "spam")
        #expect(ModerationTestSupport.symbols(ModerationTestSupport.verdict("see http://192.168.4.20/login")).contains("URL_IP_LITERAL"))
        #expect(ModerationTestSupport.symbols(ModerationTestSupport.verdict("contrat ici : https://xn--flwstage-n4a.com/sign")).contains("URL_PUNYCODE"))
        #expect(ModerationTestSupport.symbols(ModerationTestSupport.verdict("download docs-sign.com/contract.exe")).contains("URL_EXECUTABLE"))
        #expect(label("Voici notre EPK : https://www.flowstage.com/artists/les-oiseaux") == "ok")
    }

    @Test("floods and repetition")
    func floods() {
        let shouting = ModerationTestSupport.symbols(ModerationTestSupport.verdict("ACHETEZ VOS BILLETS POUR LE MEILLEUR FESTIVAL DE L'ÉTÉ !!!!"))
        #expect(shouting.contains("CAPS_FLOOD"))
        #expect(shouting.contains("PUNCTUATION_FLOOD"))
        #expect(ModerationTestSupport.symbols(ModerationTestSupport.verdict("🔥🔥🔥 promo 🔥🔥🔥")).contains("EMOJI_FLOOD"))
        #expect(ModerationTestSupport.symbols(ModerationTestSupport.verdict("FREE beats FREE beats FREE beats")).contains("REPEATED_WORDS"))
        #expect(label("Réponds. Réponds. Réponds. Tu crois que tu peux m'ignorer ?") == "harassment")
    }

    @Test("invalid UTF-8 and oversize messages are typed errors before moderation")
    func badInput() {
        let segmenter = Fixtures.segmenter(limits: TextLimits(maximumBytes: 16))
        #expect(throws: TextError.self) { try segmenter.read([0x61, 0xFF, 0x62]) }
        #expect(throws: TextError.tooLong(bytes: 20, limit: 16)) { try segmenter.read(String(repeating: "a", count: 20)) }
    }
}

extension ModeratorTests {
    @Test("whole phrases spelled out letter by letter", arguments: [
        ("s e n d   n u d e s", "sexual"),
        ("f u c k   y o u, answer me", "harassment"),
        ("t'es qu'un c o n n a r d", "harassment"),
    ])
    func spelledPhrases(text: String, expected: String) {
        #expect(label(text) == expected, "\(ModerationTestSupport.verdict(text).rules.map(\.symbol))")
    }
}
