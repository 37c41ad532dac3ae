import Foundation
import Testing

@testable import ParleyServer

/// The hand-written `/v1/moderate` writer reads back exactly as `JSONEncoder`'s output does.
@Suite struct ModerateResponseWriterTests {
    static func written(_ response: ModerateResponse) throws -> Data {
        Data(try #require(ModerateResponseWriter.body(response)).readableBytesView)
    }

    static func encoded(_ response: ModerateResponse) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(response)
    }

    /// A verdict as JSON, with random strings and numbers (the types have no public initializers).
    static func response(_ random: inout AnalyzeRequestParserTests.Generator) throws -> ModerateResponse {
        func text() -> String { AnalyzeRequestParserTests.randomText(&random) }
        func number() -> Double {
            [0, 1, 2.5, -3, 0.1, 1e-7, 123456.789, 1e300, 4.0].randomElement(using: &random)!
        }
        let rules: [[String: Any]] = (0..<Int.random(in: 0...3, using: &random)).map { _ in
            var rule: [String: Any] = [
                "symbol": text(), "category": text(), "weight": number(), "description": text(), "source": text(),
                "matches": (0..<Int.random(in: 0...2, using: &random)).map { _ -> [String: Any] in
                    var match: [String: Any] = ["span": ["utf8": [1, 5], "utf16": [1, 4]], "text": text()]
                    if Bool.random(using: &random) { match["source"] = text() }
                    return match
                },
            ]
            if Bool.random(using: &random) { rule["detail"] = text() }
            return rule
        }
        var moderation: [String: Any] = [
            "action": ["allow", "review", "hold", "block"].randomElement(using: &random)!, "label": text(),
            "scores": [text(): number(), "scam": number(), "spam": number()], "rules": rules, "reason": text(), "language": text(),
        ]
        if Bool.random(using: &random) { moderation["report"] = text() }
        let object: [String: Any] = ["messageId": text(), "conversationId": text(), "moderation": moderation, "resourcesVersion": text()]
        return try JSONDecoder().decode(ModerateResponse.self, from: JSONSerialization.data(withJSONObject: object))
    }

    @Test func readsBackAsJSONEncoderOutput() async throws {
        var random = AnalyzeRequestParserTests.Generator(seed: 42)
        for _ in 0..<500 {
            let response = try Self.response(&random)
            let fast = try Self.written(response)
            // Same value once read, and the same JSON tree as JSONEncoder's.
            #expect(try JSONDecoder().decode(ModerateResponse.self, from: fast) == response, "\(String(decoding: fast, as: UTF8.self))")
            #expect(JSONValue.parse(fast) == JSONValue.parse(try Self.encoded(response)))
        }
    }

    @Test func realAnswersAreValidJSONOfTheDocumentedShape() async throws {
        try await withServer { server in
            let reply = try await server.post("/v1/moderate", json: TestServer.message("Envoie 500 € par \"Western Union\"\n sur WhatsApp au 06 12 34 56 78 😀"))
            #expect(reply.status == 200)
            let response = try JSONDecoder().decode(ModerateResponse.self, from: reply.body)
            #expect(response.moderation.rules.isEmpty == false)
            #expect(JSONValue.parse(reply.body) == JSONValue.parse(try Self.encoded(response)))
        }
    }
}
