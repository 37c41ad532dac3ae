import Foundation
import ParleyTesting
import ParleyText
import Testing
@testable import ParleyVocabulary

@Suite("Vocabulary files")
struct VocabularyFileTests {
    @Test("entries, optional fields, comments and blank lines")
    func parsesEntries() {
        let text = """
        # kind | canonical | variants | weight
        genre | hip-hop | hip hop, hiphop , rap us | 90

        venue|café-concert|caf'conc   # a comment after white space
        technical | soundcheck
        equipment | Shure SM58 | | 85
        genre | C#m blues
        """
        let (entries, diagnostics) = VocabularyFile.parse(text, path: "test.vocab")
        #expect(diagnostics.isEmpty)
        #expect(entries.map(\.canonical) == ["hip-hop", "café-concert", "soundcheck", "Shure SM58", "C#m blues"])
        #expect(entries[0].variants == ["hip hop", "hiphop", "rap us"])
        #expect(entries[0].weight == 90)
        #expect(entries[1].variants == ["caf'conc"])
        #expect(entries[2].weight == VocabularyEntry.defaultWeight)
        #expect(entries[3].variants.isEmpty)
        #expect(entries[1].source == "test.vocab:4")
    }

    @Test("bad lines give file:line:column errors and the good lines still load")
    func diagnostics() {
        let text = """
        genre | jazz | | 50
        instrument | guitare
        genre |  | jazz
        genre | rock | | lots
        genre | blues | | 101
        venue | SMAC | scène de musiques actuelles,, smacs
        genre | funk | | 10 | extra
        venue | ---
        genre | jazz | | 20
        """
        let (entries, diagnostics) = VocabularyFile.parse(text, path: "bad.vocab")
        #expect(entries.map(\.canonical) == ["jazz", "jazz"])
        let rendered = diagnostics.map(\.description)
        #expect(rendered == [
            "bad.vocab:2:1: error: unknown kind 'instrument' (expected one of genre, technical, equipment, venue)",
            "bad.vocab:3:8: error: missing canonical form after the kind",
            "bad.vocab:4:18: error: weight 'lots' is not an integer from 0 to 100",
            "bad.vocab:5:19: error: weight '101' is not an integer from 0 to 100",
            "bad.vocab:6:44: error: empty variant (two commas in a row or a trailing comma)",
            "bad.vocab:7:23: error: too many fields: expected 'kind | canonical | variants | weight'",
            "bad.vocab:8:9: error: 'venue | ---' has nothing to match once folded: write letters or digits",
            "bad.vocab:9:9: warning: 'jazz' is already a genre on line 1; the entries are merged",
        ])
    }

    @Test("a bad file makes the load throw with every error, and a missing language is reported")
    func loadThrows() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-vocab-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: directory + "/common", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/fr", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "genre | jazz\n".write(toFile: directory + "/common/a.vocab", atomically: true, encoding: .utf8)
        try "venue | SMAC\nvenu | Zénith\n".write(toFile: directory + "/fr/b.vocab", atomically: true, encoding: .utf8)
        #expect {
            try Vocabulary.load(directory: directory, language: "fr", resources: Fixtures.textResources)
        } throws: { error in
            (error as? DiagnosticList)?.description == directory + "/fr/b.vocab:2:1: error: unknown kind 'venu' (expected one of genre, technical, equipment, venue)"
        }
        #expect {
            try Vocabulary.load(directory: directory, language: "de", resources: Fixtures.textResources)
        } throws: { error in
            (error as? DiagnosticList)?.description == directory + "/de: error: no vocabulary folder for language 'de'"
        }
        try "venue | SMAC\nvenue | Zénith | zenith | 70\n".write(toFile: directory + "/fr/b.vocab", atomically: true, encoding: .utf8)
        let vocabulary = try Vocabulary.load(directory: directory, language: "fr", resources: Fixtures.textResources)
        #expect(vocabulary.entries.map(\.canonical) == ["jazz", "SMAC", "Zénith"])
        #expect(vocabulary.complete("zen").first?.weight == 70)
    }
}
