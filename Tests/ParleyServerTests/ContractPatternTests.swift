import Foundation
import Testing

@testable import ParleyServer

/// The server's hand-written shape checks of `sentAt` and `timeZone` accept exactly what the
/// patterns of openapi.yaml accept (schemathesis sends both kinds and checks the answers).
@Suite struct ContractPatternTests {
    static func pattern(_ property: String) throws -> NSRegularExpression {
        let document = try OpenAPIDocument.load()
        let schemas = (document.root["components"] as? [String: Any])?["schemas"] as? [String: Any]
        let context = (schemas?["MessageContext"] as? [String: Any])?["properties"] as? [String: Any]
        let text = try #require((context?[property] as? [String: Any])?["pattern"] as? String)
        return try NSRegularExpression(pattern: text)
    }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Valid samples, and each one mutated at every position by a few bytes.
    static func variants(of samples: [String], alphabet: [Character]) -> [String] {
        var result = samples + [""]
        for sample in samples {
            let characters = Array(sample)
            for index in characters.indices {
                for replacement in alphabet {
                    var changed = characters
                    changed[index] = replacement
                    result.append(String(changed))
                }
                var shorter = characters
                shorter.remove(at: index)
                result.append(String(shorter))
            }
        }
        return result
    }

    @Test func dateTimeShapeMatchesTheContract() throws {
        let regex = try Self.pattern("sentAt")
        let samples = ["2026-03-28T12:00:00+01:00", "2026-03-28T12:00:00Z", "2026-03-28T12:00:00.125Z", "2026-03-28T12:00:00.5-05:30"]
        for text in Self.variants(of: samples, alphabet: ["0", "9", "-", ":", "T", "t", "Z", "z", "+", ".", " ", "a", "é"]) {
            #expect(MessageAnalyzer.isDateTimeShape(text) == Self.matches(regex, text), "\(text)")
        }
    }

    @Test func zoneNameMatchesTheContract() throws {
        let regex = try Self.pattern("timeZone")
        let samples = ["Europe/Paris", "UTC", "America/Argentina/Salta", "Etc/GMT+5", "EST5EDT"]
        for text in Self.variants(of: samples, alphabet: ["/", "_", "+", "-", "0", "a", "Z", ":", " ", "é"]) + ["a/b/c/d", "/Paris", "Europe/"] {
            #expect(MessageAnalyzer.isZoneName(text) == Self.matches(regex, text), "\(text)")
        }
    }
}
