import Testing

@testable import ParleyTone

@Suite("Urgency: cue words and deadlines give 🔴 🟡 ⚪")
struct UrgencyDetectorTests {
    typealias S = ToneTestSupport

    @Test func cueWords() {
        let urgent = S.analyze("URGENT : on a besoin du rider au plus vite", language: "fr").urgency
        #expect(urgent.priority == .urgent)
        #expect(urgent.priority.symbol == "🔴")
        #expect(urgent.reasons.contains { $0.kind == .cue && $0.source?.file.hasSuffix("fr/urgency.map") == true })
        #expect(S.analyze("Please send it asap", language: "en").urgency.priority == .urgent)
        #expect(S.analyze("Il nous faut le contrat dès que possible", language: "fr").urgency.priority == .important)
        #expect(S.analyze("On se voit au festival", language: "fr").urgency.priority == .normal)
        #expect(S.analyze("On se voit au festival", language: "fr").urgency.priority.symbol == "⚪")
    }

    @Test func nearDeadlinesRaiseThePriority() {
        // Tomorrow 18h from Friday 10:00 is 32 hours away: important; tonight's deadline: urgent.
        let tomorrow = S.analyze("Réponse attendue avant demain 18h", language: "fr").urgency
        #expect(tomorrow.priority == .important)
        #expect(tomorrow.reasons.contains { $0.kind == .deadline && $0.hoursLeft == 32 })
        #expect(S.analyze("Merci de confirmer avant 18h", language: "fr").urgency.priority == .important)
        #expect(S.analyze("Merci de confirmer avant 18h, c'est urgent", language: "fr").urgency.priority == .urgent)
        // A far deadline is noted but does not raise the priority.
        #expect(S.analyze("Merci de régler avant le 3/12", language: "fr").urgency.priority == .normal)
    }

    @Test func plainDatesAreNotDeadlines() {
        // An event date is not a deadline: no priority from it alone.
        let report = S.analyze("Le concert est demain à 20h", language: "fr")
        #expect(report.deadlines.count == 1)
        #expect(report.deadlines[0].isDeadline == false)
        #expect(report.urgency.priority == .normal)
    }
}
