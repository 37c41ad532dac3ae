import Testing

@testable import ParleyTone

@Suite("Conflict: cues, shouting, sarcasm, trend and mediation tips")
struct ConflictDetectorTests {
    typealias S = ToneTestSupport

    @Test func legalThreatsAndUltimatums() {
        let tension = S.analyze("Sans réponse de votre part sous 48h, nous transmettrons à notre avocat avec une mise en demeure.", language: "fr")
            .tension
        #expect(tension.cues.contains { $0.kind == .legal })
        #expect(tension.cues.contains { $0.kind == .ultimatum })
        #expect(tension.score > 0.7)
        let english = S.analyze("This is your last warning. I'll cancel the show and call my lawyer.", language: "en").tension
        #expect(Set(english.cues.map(\.kind)).isSuperset(of: [.ultimatum, .cancel, .legal]))
    }

    @Test func threatsToThePerson() {
        let report = S.analyze("Tu vas le regretter, je sais où tu habites", language: "fr")
        #expect(report.tension.cues.filter { $0.kind == .threat }.count == 2)
        #expect(report.tips.first?.id == "threat")
        // "con" is a word, not a piece of "concert".
        #expect(S.analyze("Le concert commence à 21h", language: "fr").tension.cues.isEmpty)
    }

    @Test func calmMessagesStayCalm() {
        #expect(S.analyze("Merci pour l'accueil, à bientôt !", language: "fr").tension.score < 0.1)
        #expect(S.analyze("Can you send the tech rider please?", language: "en").tension.score < 0.1)
        // Trade vocabulary is not a threat: the word "annulation" alone is not "on annule".
        #expect(S.analyze("La clause d'annulation est à 30 jours", language: "fr").tension.cues.isEmpty)
        // French "court" (short) is not the English court of law.
        #expect(S.analyze("Le set est un peu court", language: "fr").tension.cues.isEmpty)
        #expect(S.analyze("See you in court", language: "en").tension.cues.contains { $0.kind == .legal })
    }

    @Test func shouting() {
        let tension = S.analyze("VOUS AVEZ OUBLIÉ LE VIREMENT ENCORE", language: "fr").tension
        #expect(tension.shouting)
        let report = S.analyze("VOUS AVEZ OUBLIÉ LE VIREMENT ENCORE", language: "fr")
        #expect(report.tips.contains { $0.text == "Message tendu : reformulez sans majuscules." })
        #expect(!S.analyze("On joue au FGO samedi avec le DJ", language: "fr").tension.shouting)
    }

    @Test func sarcasmMarkers() {
        #expect(S.analyze("Merci pour rien", language: "fr").tension.sarcasm)
        #expect(S.analyze("génial 🙄", language: "fr").tension.sarcasm)
        #expect(S.analyze("Bravo…", language: "fr").tension.sarcasm)
        #expect(S.analyze("yeah right, the money is coming", language: "en").tension.sarcasm)
        #expect(!S.analyze("Bravo pour la date complète", language: "fr").tension.sarcasm)
    }

    @Test func trendAndMediation() {
        let calm = S.analyze("Bonjour, le virement est-il parti ?", language: "fr")
        let annoyed = S.analyze("Ça fait 3 semaines qu'on attend, c'est inadmissible", language: "fr", history: [calm.tension.score])
        let furious = S.analyze(
            "Dernier avertissement : sans virement vendredi on annule et on appelle notre avocat !!!",
            language: "fr", history: [calm.tension.score, annoyed.tension.score])
        #expect(annoyed.tension.score > calm.tension.score)
        #expect(furious.tension.trend.rising)
        #expect(furious.tension.trend.alert)
        #expect(furious.tips.first?.id == "mediation-legal")
        #expect(furious.tips.count <= 3)
        // The same calm message after a calm history raises no alert.
        let quiet = S.analyze("Le virement est parti ce matin", language: "fr", history: [0.05, 0.0])
        #expect(!quiet.tension.trend.alert)
        #expect(quiet.tips.isEmpty)
    }

    @Test func conversationTracker() {
        var conversation = ConversationTone()
        let reference = S.friday27March2026
        let analyzer = ToneAnalyzer(resources: S.resources)
        let first = analyzer.analyze(
            S.message("Bonjour Madame, pourriez-vous confirmer la date ?"),
            context: conversation.context(for: "venue", language: "fr", referenceTime: reference))
        conversation.record(first, side: "venue")
        let context = conversation.context(for: "artist", language: "fr", referenceTime: reference)
        #expect(context.previous?.formality.address == .vous)
        #expect(context.recentTensions.count == 1)
        // The writer's own last message is not "the other side".
        #expect(conversation.context(for: "venue", referenceTime: reference).previous == nil)
    }
}
