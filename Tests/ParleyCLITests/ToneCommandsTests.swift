import Foundation
import ParleyTesting
import Testing

@Suite("parley sentiment and parley tone")
struct ToneCommandsTests {
    func json(_ line: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func sentimentPrintsOneLabelPerLine() throws {
        let input = "Trop bien le concert, merci !\nLe soundcheck est à 17h\nFranchement déçu, le son était pourri\n"
        let result = try CommandRunner.run(["sentiment", "--language", "fr"], input: input)
        #expect(result.status == 0)
        #expect(result.lines == ["pos", "neu", "neg"])
        let scored = try CommandRunner.run(["sentiment", "--scores"], input: "Amazing show!\n")
        let fields = try #require(scored.lines.first?.split(separator: "\t"))
        #expect(fields.first == "pos")
        #expect(Double(fields.last ?? "") ?? 0 > 0.5)
    }

    @Test func toneWritesDeadlinesTensionAndTips() throws {
        let input = "URGENT : réponse attendue avant demain 18h sinon on annule !!!\n"
        let result = try CommandRunner.run(["tone", "--reference", "2026-03-28T12:00:00+01:00"], input: input)
        #expect(result.status == 0)
        let output = try json(result.lines[0])
        #expect(output["language"] as? String == "fr")
        let urgency = try #require(output["urgency"] as? [String: Any])
        #expect(urgency["priority"] as? String == "urgent")
        #expect(urgency["symbol"] as? String == "🔴")
        let deadlines = try #require(output["deadlines"] as? [[String: Any]])
        #expect(deadlines.first?["text"] as? String == "avant demain 18h")
        // Sunday 29 March 2026: clocks have gone forward in Paris.
        #expect(deadlines.first?["deadline"] as? String == "2026-03-29T18:00:00+02:00")
        let tension = try #require(output["tension"] as? [String: Any])
        let cues = try #require(tension["cues"] as? [[String: Any]])
        #expect(cues.contains { $0["kind"] as? String == "cancel" })
        let tips = try #require(output["tips"] as? [[String: Any]])
        #expect(!tips.isEmpty)
    }

    @Test func conversationGivesRegisterTips() throws {
        let input = "Bonjour Madame, pourriez-vous confirmer la date ? Cordialement\nsalut ouais tu m'envoies ça ? mdr\n"
        let result = try CommandRunner.run(["tone", "--conversation", "--reference", "2026-03-28T12:00:00+01:00"], input: input)
        #expect(result.status == 0)
        let reply = try json(result.lines[1])
        let tips = try #require(reply["tips"] as? [[String: Any]])
        #expect(tips.contains { $0["id"] as? String == "reply-vous" })
    }

    @Test func badOptionsAreRejected() throws {
        let time = try CommandRunner.run(["tone", "--reference", "tomorrow"], input: "x\n")
        #expect(time.status != 0)
        #expect(time.stderr.contains("--reference"))
        let zone = try CommandRunner.run(["tone", "--time-zone", "Mars/Olympus"], input: "x\n")
        #expect(zone.status != 0)
        #expect(zone.stderr.contains("time zone"))
    }

    @Test func badLexiconIsReportedWithItsLocation() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-cli-tone-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let lexicons = directory.path
        try FileManager.default.copyItem(atPath: Fixtures.lexiconsDirectory, toPath: lexicons)
        try "pas\tnegation\nvraiment\tbooster\nsuper\tamplifier\n".write(
            toFile: lexicons + "/fr/sentiment-modifiers.map", atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["sentiment", "--lexicons", lexicons], input: "super\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("fr/sentiment-modifiers.map:3:7: error: unknown kind 'amplifier'"))
    }
}
