import Foundation
import ParleyTesting
import ParleyText
import Testing

@testable import ParleyTone

@Suite("Tone lexicons load, and bad files say where")
struct ToneResourcesTests {
    /// A copy of the bundled Lexicons/ in a temporary folder, with one file replaced.
    func lexicons(replacing file: String, with text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-tone-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Fixtures.lexiconsDirectory, toPath: directory)
        try text.write(toFile: directory + "/" + file, atomically: true, encoding: .utf8)
        return directory
    }

    func errors(replacing file: String, with text: String) throws -> [Diagnostic] {
        let directory = try lexicons(replacing: file, with: text)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            _ = try ToneResources.load(from: directory, textResources: Fixtures.textResources)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    @Test func bundledLexiconsLoadWithoutWarnings() {
        #expect(ToneTestSupport.resources.warnings.isEmpty, "\(ToneTestSupport.resources.warnings)")
        #expect(ToneTestSupport.resources.files.count == 16)
    }

    @Test func badValence() throws {
        let found = try errors(replacing: "fr/sentiment.map", with: "# header\ngénial 3\nsuper  beaucoup\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.column == 8)
        #expect(found.first?.description.contains("fr/sentiment.map:3:8: error:") == true)
    }

    @Test func unknownKind() throws {
        let found = try errors(replacing: "en/conflict.map", with: "lawyer legal 3\nsue menace 3\n")
        #expect(found.map(\.line) == [2])
        #expect(found.first?.column == 5)
        #expect(found.first?.message.contains("unknown kind 'menace'") == true)
    }

    @Test func badDateValue() throws {
        let found = try errors(replacing: "fr/dates.map", with: "demain day 1\nmatin part 12-8\n")
        #expect(found.map(\.line) == [2])
        #expect(found.first?.column == 12)
    }

    @Test func missingFile() throws {
        let directory = try lexicons(replacing: "en/urgency.map", with: "")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.removeItem(atPath: directory + "/en/urgency.map")
        #expect(throws: DiagnosticList.self) {
            try ToneResources.load(from: directory, textResources: Fixtures.textResources)
        }
    }

    @Test func sarcasmEmojiMustHaveAValence() throws {
        let found = try errors(replacing: "tone/sarcasm-emoji.map", with: "🙄\n🦖\n")
        #expect(found.map(\.line) == [2])
    }

    @Test func languageIsGuessedWhenNotGiven() {
        let french = ToneTestSupport.analyze("Le contrat est signé, merci pour tout")
        #expect(french.language == .fr)
        #expect(french.languageGuessed)
        let english = ToneTestSupport.analyze("The contract is signed, thanks for everything")
        #expect(english.language == .en)
        #expect(ToneTestSupport.analyze("hello", language: "en-GB").languageGuessed == false)
    }
}
