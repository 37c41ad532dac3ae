import Testing

@testable import ParleyTone

/// Deadlines resolved from a reference time in Europe/Paris, across month and year ends and both
/// daylight-saving changes of 2026 (clocks forward on Sunday 29 March, back on Sunday 25 October).
@Suite("Deadline extraction and resolution")
struct DateGrammarTests {
    typealias S = ToneTestSupport
    /// Friday 27 March 2026, 10:00 CET.
    let friday = S.friday27March2026

    func only(_ text: String, _ language: String, at reference: Double? = nil, timeZone: String = "Europe/Paris") throws -> DateMention {
        let report = S.analyze(text, language: language, at: reference ?? friday, timeZone: timeZone)
        try #require(report.deadlines.count == 1, "\(report.deadlines)")
        return report.deadlines[0]
    }

    @Test func beforeTomorrowSixPMAcrossTheSpringChange() throws {
        // Saturday 28 March is still CET (+1).
        let mention = try only("Réponse attendue avant demain 18h", "fr")
        #expect(mention.marker == .before)
        #expect(mention.precision == .time)
        #expect(mention.deadline == S.instant(2026, 3, 28, 18, utcOffsetHours: 1))
        // From Saturday, "demain 18h" is Sunday 29 March, after clocks went forward: CEST (+2).
        let saturday = S.instant(2026, 3, 28, 12, utcOffsetHours: 1)
        let sunday = try only("avant demain 18h", "fr", at: saturday)
        #expect(sunday.deadline == S.instant(2026, 3, 29, 18, utcOffsetHours: 2))
    }

    @Test func inThreeDaysKeepsTheWallClockOverDaylightSaving() throws {
        // Friday 10:00 CET + 3 days = Monday 10:00 CEST: 71 hours, not 72.
        let mention = try only("On attend votre retour dans 3 jours", "fr")
        #expect(mention.marker == .in)
        #expect(mention.deadline == S.instant(2026, 3, 30, 10, utcOffsetHours: 2))
        #expect(mention.deadline - friday == 71 * 3600)
        // Glued units: "sous 48h" is 48 hours, whatever the clocks do.
        let glued = try only("Sans réponse sous 48h on annule", "fr")
        #expect(glued.deadline == friday + 48 * 3600)
        #expect(try only("dans 2j", "fr").deadline == S.instant(2026, 3, 29, 10, utcOffsetHours: 2))
        // "in 2 hours" is absolute time.
        let hours = try only("I'll call you back in 2 hours", "en")
        #expect(hours.deadline == friday + 7200)
    }

    @Test func autumnChange() throws {
        // Saturday 24 October 2026, 12:00 CEST; Sunday 25 October clocks go back to CET.
        let saturday = S.instant(2026, 10, 24, 12, utcOffsetHours: 2)
        let mention = try only("by tomorrow 6pm", "en", at: saturday)
        #expect(mention.deadline == S.instant(2026, 10, 25, 18, utcOffsetHours: 1))
        let weekend = try only("On se voit ce week-end", "fr", at: saturday)
        #expect(weekend.start == S.instant(2026, 10, 24, 0, utcOffsetHours: 2))
        #expect(weekend.end == S.instant(2026, 10, 25, 23, 59, utcOffsetHours: 1))
    }

    @Test func byFridayAndWeekdays() throws {
        // Said on a Friday, "d'ici vendredi" is next Friday, end of day (CEST by then).
        let mention = try only("Merci de confirmer d'ici vendredi", "fr")
        #expect(mention.marker == .by)
        #expect(mention.deadline == S.instant(2026, 4, 3, 23, 59, utcOffsetHours: 2))
        let english = try only("Please confirm by Friday 6pm", "en")
        #expect(english.deadline == S.instant(2026, 4, 3, 18, utcOffsetHours: 2))
        let monday = try only("on en reparle lundi prochain", "fr")
        #expect(monday.start == S.instant(2026, 3, 30, 0, utcOffsetHours: 2))
        #expect(monday.marker == nil)
    }

    @Test func namedDatesRollToNextYearWhenPast() throws {
        // 15 March has passed on 27 March 2026: the next one is in 2027.
        let mention = try only("On vous programme le 15 mars", "fr")
        #expect(mention.marker == nil)
        #expect(mention.start == S.instant(2027, 3, 15, 0, utcOffsetHours: 1))
        // Said on 30 December, "le 3 janvier" is next year.
        let december = S.instant(2026, 12, 30, 10, utcOffsetHours: 1)
        let january = try only("Merci de valider avant le 3 janvier", "fr", at: december)
        #expect(january.deadline == S.instant(2027, 1, 3, 0, utcOffsetHours: 1))
        let explicit = try only("the gig on March 3rd 2027 at 8pm", "en")
        #expect(explicit.start == S.instant(2027, 3, 3, 20, utcOffsetHours: 1))
    }

    @Test func numericDates() throws {
        let mention = try only("Merci de régler avant le 3/12", "fr")
        #expect(mention.marker == .before)
        #expect(mention.deadline == S.instant(2026, 12, 3, 0, utcOffsetHours: 1))
        // December 25 can only be month/day.
        let english = try only("by 12/25", "en")
        #expect(english.start == S.instant(2026, 12, 25, 0, utcOffsetHours: 1))
        let withYear = try only("avant le 05/01/2027", "fr")
        #expect(withYear.deadline == S.instant(2027, 1, 5, 0, utcOffsetHours: 1))
        // 31 February does not exist: nothing is made up.
        #expect(S.analyze("avant le 31/02", language: "fr").deadlines.isEmpty)
    }

    @Test func monthEnd() throws {
        // Friday 30 January 2026 + 3 days = Monday 2 February.
        let january = S.instant(2026, 1, 30, 12, utcOffsetHours: 1)
        let mention = try only("dans 3 jours", "fr", at: january)
        #expect(mention.deadline == S.instant(2026, 2, 2, 12, utcOffsetHours: 1))
        let monthEnd = try only("d'ici la fin du mois", "fr", at: january)
        #expect(monthEnd.deadline == S.instant(2026, 1, 31, 23, 59, utcOffsetHours: 1))
        // "by the 15th" on 30 January is 15 February.
        let fifteenth = try only("by the 15th at the latest", "en", at: january)
        #expect(fifteenth.deadline == S.instant(2026, 2, 15, 23, 59, utcOffsetHours: 1))
    }

    @Test func partsOfTheDay() throws {
        let mention = try only("Can you call me tomorrow morning?", "en")
        #expect(mention.precision == .part)
        #expect(mention.start == S.instant(2026, 3, 28, 8, utcOffsetHours: 1))
        #expect(mention.end == S.instant(2026, 3, 28, 12, utcOffsetHours: 1))
        let tonight = try only("je te dis ce soir", "fr")
        #expect(tonight.start == S.instant(2026, 3, 27, 18, utcOffsetHours: 1))
        let week = try only("d'ici la fin de la semaine", "fr")
        #expect(week.deadline == S.instant(2026, 3, 27, 18, utcOffsetHours: 1))
    }

    @Test func timesAlone() throws {
        // 18h today; 9h has passed at 10:00, so it is tomorrow.
        #expect(try only("avant 18h", "fr").deadline == S.instant(2026, 3, 27, 18, utcOffsetHours: 1))
        #expect(try only("avant 9h", "fr").deadline == S.instant(2026, 3, 28, 9, utcOffsetHours: 1))
        #expect(try only("à 18 heures", "fr").start == S.instant(2026, 3, 27, 18, utcOffsetHours: 1))
        #expect(try only("at 6:30pm", "en").start == S.instant(2026, 3, 27, 18, 30, utcOffsetHours: 1))
        #expect(try only("vers 20h30", "fr").start == S.instant(2026, 3, 27, 20, 30, utcOffsetHours: 1))
        // Counts of people are not times; "merci pour samedi" thanks for a date, it sets no deadline.
        #expect(S.analyze("Merci pour samedi, c'était top", language: "fr").deadlines.allSatisfy { !$0.isDeadline })
        #expect(S.analyze("on est 5 sur scène", language: "fr").deadlines.isEmpty)
    }

    @Test func pastDaysAreNotDeadlines() throws {
        // "avant-hier" is the day before yesterday, not "before yesterday".
        let mention = try only("On vous a écrit avant-hier", "fr")
        #expect(mention.marker == nil)
        #expect(mention.start == S.instant(2026, 3, 25, 0, utcOffsetHours: 1))
        #expect(S.analyze("Le virement est parti hier", language: "fr").urgency.priority == .normal)
    }

    @Test func otherTimeZones() throws {
        // 6pm in New York on Saturday 28 March 2026 (EDT, -4).
        let mention = try only("by tomorrow 6pm", "en", timeZone: "America/New_York")
        #expect(mention.deadline == S.instant(2026, 3, 28, 18, utcOffsetHours: -4))
    }

    @Test func spansInBothEncodings() throws {
        // "Hé 🎸 " is 2 + 1 + 4 + 1 = 8 bytes (é is 2 bytes, the guitar 4) and 1 + 1 + 2 + 1 = 5 UTF-16 units.
        let text = "Hé 🎸 réponse avant demain 18h stp"
        let mention = try only(text, "fr")
        let start8 = Array(text.utf8).count - Array("avant demain 18h stp".utf8).count
        let start16 = Array(text.utf16).count - Array("avant demain 18h stp".utf16).count
        #expect(mention.span.utf8 == start8..<(start8 + 16))
        #expect(mention.span.utf16 == start16..<(start16 + 16))
    }

    @Test func isoFormattingShowsTheOffset() {
        #expect(DateMention.iso8601(S.instant(2026, 3, 29, 18, utcOffsetHours: 2), timeZone: "Europe/Paris") == "2026-03-29T18:00:00+02:00")
        #expect(DateMention.iso8601(S.instant(2026, 3, 28, 18, utcOffsetHours: 1), timeZone: "Europe/Paris") == "2026-03-28T18:00:00+01:00")
    }

    @Test func numberShapes() {
        #expect(DateGrammar.shape(Array("18h30".utf8)[...]) == .time(hour: 18, minute: 30))
        #expect(DateGrammar.shape(Array("6pm".utf8)[...]) == .time(hour: 18, minute: 0))
        #expect(DateGrammar.shape(Array("12am".utf8)[...]) == .time(hour: 0, minute: 0))
        #expect(DateGrammar.shape(Array("1er".utf8)[...]) == .ordinal(1))
        #expect(DateGrammar.shape(Array("15th".utf8)[...]) == .ordinal(15))
        #expect(DateGrammar.shape(Array("3/12/2026".utf8)[...]) == .numericDate(first: 3, second: 12, year: 2026))
        #expect(DateGrammar.shape(Array("25h".utf8)[...]) == nil)
        #expect(DateGrammar.shape(Array("2x2m".utf8)[...]) == nil)
    }
}
