import Foundation
import ParleyTesting
import ParleyText
import Testing
@testable import ParleyTranslation

/// The shipped trade glossary against its source list: every row is found on both of its sides.
@Suite("Shipped glossary")
struct ShippedGlossaryTests {
    static let rowsPath = Fixtures.sharedDataDirectory + "/parallel/glossary-terms.tsv"

    static let rows: [(fr: String, en: String)] = {
        guard let text = try? String(contentsOfFile: rowsPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { return nil }
            // A parenthesised part ("coverage (of costs)") is a note, not part of the term.
            let english = fields[1].split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            return (String(fields[0]), english)
        }
    }()

    let glossary = GlossaryFixtures.shipped
    let segmenter = Fixtures.segmenter()

    @Test func loadsWithoutWarnings() {
        #expect(glossary.termCount >= 150)
        #expect(glossary.warnings.filter { $0.severity != .note }.isEmpty, "\(glossary.warnings)")
    }

    @Test(.enabled(if: !rows.isEmpty)) func everyRowIsFoundOnBothSides() throws {
        #expect(Self.rows.count == glossary.termCount)
        for (fr, en) in Self.rows {
            for (text, language, other) in [(fr, TranslationLanguage.french, en), (en, .english, fr)] {
                let message = try segmenter.read("« \(text) »")
                let found = glossary.matches(in: message, from: language, to: language.other)
                #expect(found.count == 1 && found.first?.source == text, "\(language) '\(text)': \(found)")
                guard let match = found.first else { continue }
                // Where several concepts share the term, the preferred concept answers for all of them.
                let concept = try #require(glossary.concepts.first { $0.id == match.termID })
                let sides = concept.terms[language.other]?.map(\.text) ?? []
                let forms = sides + sides.flatMap { PluralRules.plurals(of: $0, in: language.other) }
                #expect(match.target == text || forms.contains(match.target), "\(language) '\(text)' → '\(match.target)'")
                if concept.terms[language]?.first?.text == text && concept.terms[language.other]?.first?.text == other {
                    #expect(match.target == other || concept.doNotTranslate)
                }
            }
        }
    }

    @Test func tradeTermsNeverBecomeTheirCommonMeaning() throws {
        let message = try segmenter.read("Le cachet et la fiche technique sont dans le mail, balances à 17h, jauge 300.")
        #expect(glossary.matches(in: message, from: .french, to: .english).map(\.target) == ["fee", "tech rider", "soundcheck", "capacity"])
    }
}
