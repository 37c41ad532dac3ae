import ParleyNegotiation
import ParleyText
import Testing

@Suite("Deals file")
struct DealsFileTests {
    @Test func readsCommentsHeaderAndRows() throws {
        let deals = try DealsFile.parse(
            """
            # SAMPLE
            fee,genre,venue_type,capacity,region,weekday,month,outcome
            1500,Jazz,club,250,ile-de-france,6,3,signed

            900,rock,bar,80,bretagne,2,11,declined\r
            """, path: "deals.csv")
        #expect(deals.count == 2)
        #expect(deals[0] == Deal(genre: "jazz", venueType: "club", capacity: 250, region: "ile-de-france", weekday: 6, month: 3, fee: 1500, outcome: .signed))
        #expect(deals[1].outcome == .declined)
    }

    @Test func everyBadFieldIsReportedWithItsLineAndColumn() throws {
        let text = """
            genre,venue_type,capacity,region,weekday,month,fee,outcome
            jazz,club,many,ile-de-france,6,3,1500,signed
            jazz,club,250,ile-de-france,8,3,1500,signed
            jazz,club,250,ile-de-france,6,3,-5,won
            jazz,club,250
            """
        let error = #expect(throws: DiagnosticList.self) { try DealsFile.parse(text, path: "deals.csv") }
        let lines = try #require(error).diagnostics.map(\.description)
        #expect(lines == [
            "deals.csv:2:11: error: capacity 'many' is not a whole number in 1…1000000",
            "deals.csv:3:29: error: weekday '8' is not a whole number in 1…7",
            "deals.csv:4:33: error: fee '-5' is not a positive amount",
            "deals.csv:4:36: error: outcome 'won' is not one of signed, declined, expired",
            "deals.csv:5:1: error: expected 8 fields as in the header, found 3",
        ])
    }

    @Test func aHeaderWithoutAColumnIsAnError() throws {
        let error = #expect(throws: DiagnosticList.self) {
            try DealsFile.parse("genre,venue_type,capacity,region,weekday,month,outcome\n", path: "deals.csv")
        }
        #expect(error?.diagnostics.first?.description == "deals.csv:1:1: error: header lacks the column 'fee'")
        #expect(throws: DiagnosticList.self) { try DealsFile.parse("# only comments\n", path: "deals.csv") }
        #expect(throws: DiagnosticList.self) { try DealsFile.read("/nonexistent/deals.csv") }
    }

    @Test func weekdaysAndMonthsOfDates() {
        #expect(DealContext.weekdayAndMonth(year: 2026, month: 7, day: 18)! == (6, 7))  // a Saturday
        #expect(DealContext.weekdayAndMonth(year: 1970, month: 1, day: 1)! == (4, 1))  // a Thursday
        #expect(DealContext.weekdayAndMonth(year: 2024, month: 2, day: 29)! == (4, 2))
        #expect(DealContext.weekdayAndMonth(year: 2026, month: 2, day: 29) == nil)
        #expect(DealContext.weekdayAndMonth(year: 2026, month: 13, day: 1) == nil)
    }
}
