import Foundation
import ParleyTesting
import Testing

@Suite("parley translate")
struct TranslateCommandTests {
    @Test func oneTranslationPerLine() throws {
        let result = try CommandRunner.run(["translate", "--from", "fr", "--to", "en"], input: "Merci beaucoup !\nOù est la gare ?\n\nLe cachet est de 1 500 €.\n")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 5 && lines[4].isEmpty)
        #expect(lines[0].lowercased().contains("thank"))
        #expect(lines[1].contains("station"))
        #expect(lines[2].isEmpty)
        #expect(lines[3].contains("€1,500"))
    }

    @Test func jsonGivesConfidenceAndAlignments() throws {
        let result = try CommandRunner.run(["translate", "--from", "en", "--to", "fr", "--json"], input: "Where is the station?\n")
        #expect(result.status == 0, "\(result.stderr)")
        let output = try #require(JSONSerialization.jsonObject(with: Data(result.lines[0].utf8)) as? [String: Any])
        #expect((output["translation"] as? String)?.contains("gare") == true)
        let confidence = try #require(output["confidence"] as? Double)
        #expect(confidence > 0 && confidence < 1)
        let alignments = try #require(output["alignments"] as? [[String: Any]])
        #expect(!alignments.isEmpty)
        #expect(alignments.allSatisfy { ($0["source"] as? [String: Any])?["utf8"] as? [Int] != nil })
        #expect(output["glossaryHits"] as? [Any] != nil)
    }

    @Test func unsupportedPairIsAClearError() throws {
        let result = try CommandRunner.run(["translate", "--from", "fr", "--to", "de"], input: "Bonjour\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("unsupported language pair fr→de"))
        #expect(result.stdout.isEmpty)
    }

    @Test func missingModelNamesTheFile() throws {
        let result = try CommandRunner.run(["translate", "--from", "fr", "--to", "en", "--models", "/nonexistent"], input: "Bonjour\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/fr-en.params"))
    }

    @Test func unitsShowWhatTheModelReads() throws {
        let result = try CommandRunner.run(["translate", "--from", "en", "--to", "fr", "--units"], input: "I don't know, @bob.\n")
        #expect(result.lines == ["i do n't know , <mention> ."])
    }
}
