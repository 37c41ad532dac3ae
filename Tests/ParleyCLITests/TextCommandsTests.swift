import Foundation
import Testing

@Suite("parley tokens and parley fold")
struct TextCommandsTests {
    func json(_ line: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func tokensWritesOneJSONLinePerMessage() throws {
        let result = try CommandRunner.run(["tokens"], input: "Cachet 1 500 € HT\nappelle le 06 12 34 56 78\n")
        #expect(result.status == 0)
        #expect(result.lines.count == 2)
        let first = try json(result.lines[0])
        let tokens = try #require(first["tokens"] as? [[String: Any]])
        let amount = try #require(tokens.first { $0["kind"] as? String == "amount" })
        #expect(amount["text"] as? String == "1 500 € HT")
        let span = try #require(amount["span"] as? [String: [Int]])
        #expect(span["utf8"] == [7, 19])
        #expect(span["utf16"] == [7, 17])
        let counts = try #require(first["counts"] as? [String: Int])
        #expect(counts["graphemes"] == 17)
    }

    @Test func foldShowsUnitsAndTransforms() throws {
        let result = try CommandRunner.run(["fold"], input: "W h a t s A p p s3xy")
        #expect(result.status == 0)
        let output = try json(result.lines[0])
        #expect(output["folded"] as? String == "whatsapp sexy")
        let units = try #require(output["units"] as? [[String: Any]])
        #expect(units.map { $0["text"] as? String } == ["W h a t s A p p", "s3xy"])
        #expect((units[1]["transforms"] as? [String]) == ["leet"])
    }

    @Test func jsonInput() throws {
        let result = try CommandRunner.run(["fold", "--json"], input: "{\"text\": \"Café-Concert\"}\n")
        #expect(result.status == 0)
        #expect(try json(result.lines[0])["folded"] as? String == "cafe concert")
    }

    @Test func invalidUTF8IsReportedWithLineAndOffsetAndTheRestIsRead() throws {
        var input = Data("ok\n".utf8)
        input.append(contentsOf: [0x61, 0xFF, 0x0A])
        input.append(Data("merci\n".utf8))
        let result = try CommandRunner.run(["tokens"], input: input)
        #expect(result.status == 1)
        #expect(result.lines.count == 2)
        #expect(result.stderr.contains("stdin:2: error: invalid UTF-8 at byte 1"))
    }

    @Test func badJSONIsReported() throws {
        let result = try CommandRunner.run(["tokens", "--json"], input: "{\"txt\": 1}\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("stdin:1: error: expected a JSON object with a string field \"text\""))
    }

    @Test func oversizeMessagesAreReported() throws {
        let result = try CommandRunner.run(["tokens", "--max-bytes", "8"], input: "un message trop long\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("stdin:1: error: message of 20 bytes exceeds the limit of 8 bytes"))
    }

    @Test func missingLexiconsFolderIsAClearError() throws {
        let result = try CommandRunner.run(["tokens", "--lexicons", "/nonexistent"], input: "ok\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/text/leet.map: error: cannot read file"))
    }
}
