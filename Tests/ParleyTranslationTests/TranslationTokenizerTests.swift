import Foundation
import ParleyTesting
import ParleyText
import Testing

@testable import ParleyTranslation

@Suite struct TranslationTokenizerTests {
    static func units(_ text: String) throws -> [String] {
        TranslationTokenizer.units(of: try Fixtures.segmenter().read(text))
    }

    /// Every line of the shared sample (written by `mt_tokenize.py --sample`): the Swift units equal Python's.
    @Test func agreesWithThePythonTokenizer() throws {
        let path = Fixtures.repositoryRoot + "/Tests/ParleyTranslationTests/Fixtures/tokenizer-sample.tsv"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count > 900)
        let segmenter = Fixtures.segmenter()
        var disagreements: [String] = []
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2)
            let swift = TranslationTokenizer.units(of: try segmenter.read(String(fields[0]))).joined(separator: " ")
            if swift != fields[1] { disagreements.append("\(fields[0])\n  python: \(fields[1])\n  swift:  \(swift)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) lines differ:\n\(disagreements.prefix(5).joined(separator: "\n"))")
    }

    @Test func splitsElisionsAndClitics() throws {
        #expect(try Self.units("L'homme qu'il a vu aujourd'hui") == ["l'", "homme", "qu'", "il", "a", "vu", "aujourd'hui"])
        #expect(try Self.units("I don't think it's fine, we're late") == ["i", "do", "n't", "think", "it", "'s", "fine", ",", "we", "'re", "late"])
        #expect(try Self.units("I can’t") == ["i", "ca", "n't"])
    }

    @Test func splitsPronounsAfterAHyphen() throws {
        #expect(try Self.units("Avez-vous vu ? Dispose-t-elle d'un piano ? Donne-le-moi. Peut-être.") ==
            ["avez", "-vous", "vu", "?", "dispose", "-t-elle", "d'", "un", "piano", "?", "donne", "-le", "-moi", ".", "peut-être", "."])
    }

    @Test func replacesPassThroughSpansByPlaceholders() throws {
        #expect(try Self.units("Écris à jo@x.fr ou https://x.fr/a @marie 😀 1 500 € HT le 12") ==
            ["écris", "à", "<email>", "ou", "<url>", "<mention>", "<emoji>", "<amount>", "le", "<num>"])
    }

    @Test func splitsPunctuationAndFoldsQuotes() throws {
        #expect(try Self.units("«ok» ?! Bon…") == ["\"", "ok", "\"", "?", "!", "bon", "..."])
    }
}
