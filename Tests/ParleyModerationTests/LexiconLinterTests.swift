import Foundation
import ParleyModeration
import ParleyTesting
import ParleyText
import Testing

@Suite("LexiconLinter")
struct LexiconLinterTests {
    @Test("the bundled Lexicons folder lints clean")
    func bundledClean() {
        let diagnostics = LexiconLinter.lint(directory: Fixtures.lexiconsDirectory)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    }

    @Test("failing inline examples are errors at their line")
    func failingExamples() throws {
        let resources = try ModerationTestSupport.compile(maps: [("fr/t.map", """
            @symbol INSULT_STRONG
            fripouille = 5
            # ok: quelle fripouille ce type
            # hit SLUR: bonjour
            # hit NOPE_NOT_DECLARED: bonjour
            # hit INSULT_STRONG: espèce de fripouille
            """)])
        let diagnostics = LexiconLinter.checkExamples(resources)
        #expect(diagnostics.map(\.line) == [3, 4, 5])
        #expect(diagnostics.allSatisfy { $0.file == "fr/t.map" && $0.severity == .error })
    }
}
