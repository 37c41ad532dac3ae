import ParleyNegotiation
import ParleyTesting
import ParleyText
import ParleyTone
import Testing

@Suite("Checklist across a conversation")
struct ChecklistTests {
    let analyzer: NegotiationAnalyzer
    let segmenter: Segmenter

    init() { (analyzer, segmenter) = NegotiationFixtures.make() }

    func entries(_ turns: [(String, String)]) throws -> [ConversationEntry] {
        try turns.map { ConversationEntry(message: try segmenter.read($0.1), side: $0.0) }
    }

    static let french: [(String, String)] = [
        ("venue", "Bonjour, nous organisons une soirée jazz au club en juillet. Quel est votre cachet ?"),
        ("artist", "Bonjour ! Pour le quartet, notre cachet est de 2 000 € HT par date, hors défraiement."),
        ("venue", "C'est au-dessus de notre budget. On pourrait partir sur 1 700 € HT ?"),
        ("artist", "Ok pour 1 700 € HT si le transport est pris en charge. Je vous envoie notre rider technique."),
        ("venue", "Parfait, le transport est pris en charge et le rider nous va. Les balances à 17h."),
        ("artist", "Super, on attend le contrat de cession. Pour l'annulation, clause standard ?"),
        ("venue", "Contrat signé et renvoyé ce matin, l'acompte suit."),
    ]

    @Test func aFrenchDealProgressesToSigned() throws {
        let all = try entries(Self.french)
        func checklist(_ count: Int) -> Checklist { analyzer.checklist(for: Array(all.prefix(count)), language: "fr") }

        let first = checklist(1)
        #expect(first.stage == .discussion)
        #expect(first.item(.fee)?.status == .discussed)
        #expect(first.reminders.isEmpty)  // too early to nag

        let offered = checklist(2)
        #expect(offered.stage == .negotiation)
        #expect(offered.stageMessageIndex == 1)
        #expect(offered.stageReason == "Un prix est sur la table (message 2)")
        #expect(offered.item(.travel)?.status == .discussed)
        #expect(offered.reminders.contains("N'oubliez pas de discuter du rider technique"))
        #expect(offered.legalReminders.contains("Pensez à la clause d'annulation"))

        let countered = checklist(3)
        #expect(countered.item(.fee)?.status == .discussed)
        #expect(countered.lastPrice?.low == 1700)

        let accepted = checklist(4)
        #expect(accepted.item(.fee)?.status == .settled)
        #expect(accepted.item(.fee)?.messageIndex == 3)
        #expect(accepted.agreedPrice?.low == 1700)
        // The condition and the rider the artist names in its acceptance stay open.
        #expect(accepted.item(.travel)?.status == .discussed)
        #expect(accepted.item(.rider)?.status == .discussed)
        #expect(!accepted.reminders.contains("N'oubliez pas de discuter du rider technique"))

        let confirmed = checklist(5)
        #expect(confirmed.item(.travel)?.status == .settled)
        #expect(confirmed.item(.rider)?.status == .settled)
        #expect(confirmed.item(.rider)?.messageIndex == 4)
        #expect(confirmed.item(.soundcheck)?.status == .discussed)
        #expect(confirmed.item(.contract)?.status == .missing)

        let signed = checklist(7)
        #expect(signed.stage == .signed)
        #expect(signed.stageMessageIndex == 6)
        #expect(signed.item(.contract)?.status == .settled)
        #expect(signed.item(.cancellation)?.status == .discussed)
        #expect(signed.legalReminders.isEmpty)
        #expect(signed.items.map(\.topic) == Topic.allCases)
        #expect(signed.item(.rider)?.label == "le rider technique et le backline")
    }

    @Test func anEnglishDealThatFails() throws {
        let all = try entries([
            ("booker", "Hi! What's your fee for a Saturday show at our 400-cap venue?"),
            ("artist", "Our fee is €2,500 per show plus travel and accommodation."),
            ("booker", "That's over our budget. How about €1,500 all-in?"),
            ("artist", "Unfortunately we can't go that low."),
            ("booker", "Understood, we'll pass this time. Thanks anyway."),
        ])
        let negotiating = analyzer.checklist(for: Array(all.prefix(4)))
        #expect(negotiating.stage == .negotiation)
        #expect(negotiating.stageReason == "A price is on the table (message 2)")
        #expect(negotiating.reminders.contains("Don't forget to discuss the technical rider"))
        #expect(negotiating.legalReminders.contains("Remember the cancellation clause"))
        #expect(negotiating.item(.accommodation)?.status == .discussed)
        let failed = analyzer.checklist(for: all)
        #expect(failed.stage == .failed)
        #expect(failed.stageMessageIndex == 4)
        #expect(failed.stageReason == "The deal was declined (message 5)")
    }

    @Test func aNewPriceAfterTheOtherSidesIsACounterOffer() throws {
        var conversation = NegotiationConversation()
        conversation.record(analyzer.read(try segmenter.read("Notre cachet est de 1 800 €")), side: "artist")
        let reply = analyzer.read(try segmenter.read("Nous proposons 1 400 €"))
        #expect(reply.proposal == .offer)
        #expect(conversation.refine(reply, side: "venue").proposal == .counterOffer)
        let same = analyzer.read(try segmenter.read("D'accord pour 1 800 €"))
        #expect(conversation.refine(same, side: "venue").proposal == .acceptance)
        let other = analyzer.read(try segmenter.read("D'accord, mais plutôt 1 600 €"))
        #expect(conversation.refine(other, side: "venue").proposal == .counterOffer)
    }

    @Test func remindersStartAfterAFewMessagesWithoutAPrice() throws {
        let chat = try entries([
            ("venue", "Bonjour, vous êtes disponibles en juin ?"),
            ("artist", "Bonjour, oui plutôt !"),
            ("venue", "Super, on en reparle bientôt"),
            ("artist", "Avec plaisir"),
        ])
        #expect(analyzer.checklist(for: Array(chat.prefix(3))).reminders.isEmpty)
        let later = analyzer.checklist(for: chat)
        #expect(later.stage == .discussion)
        #expect(later.reminders.contains("N'oubliez pas de fixer le cachet"))
    }

    @Test func timelineAlertsFromResolvedDeadlines() throws {
        let tone = ToneAnalyzer(resources: try ToneResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources))
        // Tuesday 24 March 2026, 10:00 in Paris.
        let now = 1_774_342_800.0
        let text = "Merci de nous confirmer avant vendredi, sinon on libère la date."
        let message = try segmenter.read(text)
        let dates = tone.analyze(message, context: ToneContext(language: "fr", referenceTime: now)).deadlines
        try #require(!dates.isEmpty)
        let checklist = analyzer.checklist(
            for: [ConversationEntry(message: message, side: "venue", dates: dates)], language: "fr", referenceTime: now)
        let alert = try #require(checklist.timeline.first)
        #expect(alert.daysLeft == 3)
        #expect(alert.text == "Plus que 3 jours avant la date limite")
        #expect(message.text(in: alert.span).hasPrefix("avant vendredi"))
        #expect(checklist.item(.date)?.status == .discussed)
        let later = analyzer.checklist(
            for: [ConversationEntry(message: message, side: "venue", dates: dates)], language: "fr", referenceTime: now + 5 * 86_400)
        #expect(later.timeline.first?.text == "Date limite dépassée depuis 2 jours")
        let early = analyzer.checklist(
            for: [ConversationEntry(message: message, side: "venue", dates: dates)], language: "fr", referenceTime: now - 30 * 86_400)
        #expect(early.timeline.isEmpty)
    }
}
