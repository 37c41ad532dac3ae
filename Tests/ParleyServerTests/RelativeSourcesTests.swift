import ParleyTesting
import Testing

/// Answers name lexicon lines relative to the lexicon root, never with the server's folders.
@Suite struct RelativeSourceTests {
    /// Every `source` in a JSON value: strings (`fr/scam.map:12`) and objects (`{"file":…,"line":…}`).
    static func sources(in value: JSONValue?) -> [String] {
        switch value {
        case .object(let members)?:
            var found: [String] = []
            for (key, member) in members {
                if key == "source", case .string(let text) = member { found.append(text) }
                if key == "source", case .object(let object) = member, case .string(let file)? = object["file"] { found.append(file) }
                found += sources(in: member)
            }
            return found
        case .array(let items)?: return items.flatMap { sources(in: $0) }
        default: return []
        }
    }

    @Test func sourcesAreRelativeToTheLexiconRoot() async throws {
        try await withServer { server in
            let text = "URGENT !!! Envoie 500 € par Western Union avant ce soir, sinon c'est annulé. Tu es nul, merci 😡"
            for route in ["/v1/moderate", "/v1/analyze"] {
                let reply = try await server.post(route, json: TestServer.message(text))
                #expect(reply.status == 200)
                let sources = Self.sources(in: reply.json)
                #expect(sources.count >= 2, "\(route): \(reply.text)")
                for source in sources {
                    #expect(!source.hasPrefix("/") && !source.contains(Fixtures.repositoryRoot), "\(route): \(source)")
                }
                // Still a path a moderator can open under Lexicons/.
                #expect(sources.contains { $0.hasPrefix("rules.yaml:") || $0.hasPrefix("fr/") }, "\(route): \(sources)")
            }
        }
    }
}
