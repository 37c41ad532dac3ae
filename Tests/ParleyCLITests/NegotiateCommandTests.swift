import Foundation
import ParleyTesting
import Testing

@Suite("parley negotiate")
struct NegotiateCommandTests {
    func json(_ line: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func pricesProposalAndGuidanceForEachLine() throws {
        let input = "Quel est votre cachet ?\nNous proposons entre 800 et 1 200 € HT + défraiement\n"
        let result = try CommandRunner.run(
            ["negotiate", "--genre", "jazz", "--venue-type", "club", "--capacity", "300", "--region", "ile-de-france", "--date", "2026-07-18"],
            input: input)
        #expect(result.status == 0, "\(result.stderr)")
        try #require(result.lines.count == 2)
        let question = try json(result.lines[0])
        #expect(question["proposal"] as? String == "question")
        let offer = try json(result.lines[1])
        #expect(offer["proposal"] as? String == "offer")
        let price = try #require((offer["prices"] as? [[String: Any]])?.first)
        #expect(price["low"] as? Double == 800 && price["high"] as? Double == 1200)
        #expect(price["tax"] as? String == "beforeTax")
        let guidance = try #require(offer["guidance"] as? [String: Any])
        #expect((guidance["summary"] as? String)?.hasSuffix("dans cette région") == true)
        #expect((guidance["factorSummary"] as? String)?.contains("week-end") == true)
        let warnings = try #require(offer["warnings"] as? [String])
        #expect(warnings.first?.hasSuffix("sous le marché, êtes-vous sûr ?") == true)
        let checklist = try #require(offer["checklist"] as? [String: Any])
        #expect(checklist["stage"] as? String == "negotiation")
    }

    @Test func aConversationFileGivesTheChecklist() throws {
        let history = [
            #"{"side": "venue", "text": "Bonjour, quel est votre cachet pour le 18 juillet ?"}"#,
            #"{"side": "artist", "text": "Notre cachet est de 1 500 € HT."}"#,
        ].joined(separator: "\n")
        let path = NSTemporaryDirectory() + "parley-negotiate-\(UUID().uuidString).jsonl"
        try history.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["negotiate", "--conversation", path, "--side", "venue"], input: "Ok pour 1 500 € HT, c'est validé\n")
        #expect(result.status == 0, "\(result.stderr)")
        let output = try json(try #require(result.lines.first))
        #expect(output["proposal"] as? String == "acceptance")
        let checklist = try #require(output["checklist"] as? [String: Any])
        let items = try #require(checklist["items"] as? [[String: Any]])
        let fee = try #require(items.first { $0["topic"] as? String == "fee" })
        #expect(fee["status"] as? String == "settled")
        #expect(fee["messageIndex"] as? Int == 2)
        #expect((checklist["reminders"] as? [String])?.contains("N'oubliez pas de discuter du rider technique") == true)
    }

    @Test func threadReadsTheLinesAsOneConversation() throws {
        let input = #"""
            {"side": "booker", "text": "Our budget is €1,200 for the night."}
            {"side": "artist", "text": "We'll pass, thanks."}
            """#
        let result = try CommandRunner.run(["negotiate", "--json", "--thread"], input: input + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        try #require(result.lines.count == 2)
        let last = try json(result.lines[1])
        #expect(last["side"] as? String == "artist")
        #expect(last["proposal"] as? String == "withdrawal")
        #expect((last["checklist"] as? [String: Any])?["stage"] as? String == "failed")
    }

    @Test func badInputGetsAClearErrorAndExitCode() throws {
        let badDate = try CommandRunner.run(["negotiate", "--genre", "jazz", "--date", "2026-02-30"], input: "")
        #expect(badDate.status != 0)
        #expect(badDate.stderr.contains("--date '2026-02-30' is not a calendar date"))
        let noGenre = try CommandRunner.run(["negotiate", "--capacity", "300"], input: "")
        #expect(noGenre.status != 0)
        #expect(noGenre.stderr.contains("--genre is needed"))
        let path = NSTemporaryDirectory() + "parley-deals-\(UUID().uuidString).csv"
        try "genre,venue_type,capacity,region,weekday,month,fee,outcome\njazz,club,300,bretagne,9,3,1500,signed\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let badDeals = try CommandRunner.run(["negotiate", "--genre", "jazz", "--deals", path], input: "1 500 €\n")
        #expect(badDeals.status == 2)
        #expect(badDeals.stderr.contains("\(path):2:24: error: weekday '9' is not a whole number in 1…7"))
        let badJSON = try CommandRunner.run(["negotiate", "--json"], input: "not json\n")
        #expect(badJSON.status == 1)
        #expect(badJSON.stderr.contains("stdin:1: error: expected a JSON object"))
    }
}
