import Foundation
import ParleyTesting
import ParleyText
import Testing
@testable import ParleyTranslation

@Suite("Translation memory")
struct TranslationMemoryTests {
    let segmenter = Fixtures.segmenter()

    static let shipped: TranslationMemory = {
        do {
            return try TranslationMemory.load(directory: Fixtures.lexiconsDirectory + "/memory", textResources: Fixtures.textResources)
        } catch {
            fatalError("shipped memory does not load:\n\(error)")
        }
    }()

    static func tmx(_ units: String, srclang: String = "fr") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
          <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="tmx" adminlang="en" srclang="\(srclang)" datatype="plaintext"/>
          <body>
        \(units)
          </body>
        </tmx>

        """
    }

    static func unit(_ id: String, fr: String, en: String) -> String {
        "    <tu tuid=\"\(id)\"><tuv xml:lang=\"fr\"><seg>\(fr)</seg></tuv><tuv xml:lang=\"en\"><seg>\(en)</seg></tuv></tu>"
    }

    func load(_ files: [String: String]) throws(DiagnosticList) -> TranslationMemory {
        let folder: String
        do {
            folder = try GlossaryFixtures.temporaryFolder("tmx")
            for (name, text) in files { try GlossaryFixtures.write(text, to: folder + "/" + name) }
        } catch {
            fatalError("cannot write a temporary file: \(error)")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try TranslationMemory.load(directory: folder, textResources: Fixtures.textResources)
    }

    func errors(_ text: String) -> [Diagnostic] {
        do {
            _ = try load(["memory.tmx": text])
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    func lookup(_ text: String, _ from: TranslationLanguage = .french, in memory: TranslationMemory = shipped) throws -> MemoryMatch? {
        memory.lookup(try segmenter.read(text), from: from, to: from.other)
    }

    @Test func shippedMemoryLoadsBothDirections() throws {
        #expect(Self.shipped.unitCount >= 40)
        #expect(Self.shipped.warnings.isEmpty)
        #expect(try lookup("Le contrat est signé, merci !")?.target == "The contract is signed, thank you!")
        #expect(try lookup("The contract is signed, thank you!", .english)?.target == "Le contrat est signé, merci !")
    }

    @Test func exactMatchAfterFolding() throws {
        let match = try #require(try lookup("le CONTRAT est signe merci"))
        #expect(match.score == 1)
        #expect(match.target == "The contract is signed, thank you!")
        #expect(match.sourceSegment == "Le contrat est signé, merci !")
    }

    @Test func fuzzyMatchSubstitutesAmountsInTheTargetFormat() throws {
        let match = try #require(try lookup("Notre cachet est de 2 300 € HT."))
        #expect(match.target == "Our fee is €2,300 excl. VAT.")
        #expect(match.score == 1 - TranslationMemory.substitutionCost)
        let back = try #require(try lookup("Our fee is €950 excl. VAT.", .english))
        #expect(back.target == "Notre cachet est de 950 € HT.")
    }

    @Test func fuzzyMatchSubstitutesNumbersAndNames() throws {
        #expect(try lookup("Nous serons 5 musiciens et 2 techniciens.")?.target == "We will be 5 musicians and 2 technician.")
        #expect(try lookup("Merci Marc, à samedi !")?.target == "Thanks Marc, see you on Saturday!")
    }

    @Test func fuzzyScoreIsTokenSimilarity() throws {
        // One word out of five differs: 1 - 1/5.
        let match = try #require(try lookup("La salle est toujours disponible ?"))
        #expect(abs(match.score - 0.8) < 1e-9)
        #expect(match.target == "Is the date still available?")
        #expect(match.sourceSegment == "La date est toujours disponible ?")
        #expect(try lookup("Le batteur a raté son train ce matin") == nil)
    }

    @Test func minimumScoreIsTheCallersChoice() throws {
        let message = try segmenter.read("La salle est toujours disponible ?")
        #expect(Self.shipped.lookup(message, from: .french, to: .english, minimumScore: 0.9) == nil)
        #expect(Self.shipped.lookup(message, from: .french, to: .french) == nil)
    }

    @Test func localOverridesShipped() throws {
        let memory = try load([
            "a.tmx": Self.tmx(Self.unit("1", fr: "Bonne journée !", en: "Have a nice day!")),
            "local/b.tmx": Self.tmx(Self.unit("1", fr: "Bonne journée !", en: "Have a good one!")),
        ])
        #expect(try lookup("Bonne journée !", in: memory)?.target == "Have a good one!")
    }

    @Test func inlineCodesAreLeftOut() throws {
        let memory = try load(["a.tmx": Self.tmx(Self.unit("1", fr: "Voir <bpt i=\"1\">&lt;b&gt;</bpt>le plan<ept i=\"1\">&lt;/b&gt;</ept>", en: "See <ph>&lt;br/&gt;</ph>the plot"))])
        #expect(try lookup("Voir le plan", in: memory)?.target == "See the plot")
    }

    @Test func errorsAreLocated() throws {
        let malformed = errors(Self.tmx("    <tu><tuv xml:lang=\"fr\"><seg>a</tuv></tu>"))
        #expect(malformed.count == 1)
        #expect(malformed.first?.line == 5)
        #expect((malformed.first?.column ?? 0) > 0)
        #expect(malformed.first?.message.hasPrefix("malformed XML") == true)

        let oneLanguage = errors(Self.tmx("    <tu tuid=\"x\"><tuv xml:lang=\"fr\"><seg>Salut</seg></tuv></tu>"))
        #expect(oneLanguage.map(\.line) == [5])
        #expect(oneLanguage.map(\.column) == [5])
        #expect(oneLanguage.first?.message.contains("en segment") == true)

        let empty = errors(Self.tmx(Self.unit("1", fr: "", en: "Hi")))
        #expect(empty.first?.message == "empty segment")
        #expect(empty.first?.column == 37)

        let duplicate = errors(Self.tmx(Self.unit("1", fr: "Salut", en: "Hi") + "\n" + Self.unit("1", fr: "Merci", en: "Thanks")))
        #expect(duplicate.map(\.line) == [6])
        #expect(duplicate.first?.message.contains("duplicate tuid") == true)

        #expect(errors(Self.tmx(Self.unit("1", fr: "Salut", en: "Hi"), srclang: "xx")).first?.message.contains("unknown source language") == true)
        #expect(errors("<?xml version=\"1.0\"?>\n<tbx/>\n").first?.message.contains("expected a TMX document") == true)
        let noLanguage = errors(Self.tmx("    <tu><tuv><seg>Salut</seg></tuv><tuv xml:lang=\"en\"><seg>Hi</seg></tuv></tu>"))
        #expect(noLanguage.first?.message == "<tuv> without xml:lang")
    }

    @Test func otherLanguagesAreIgnoredWithAWarning() throws {
        let memory = try load([
            "a.tmx": Self.tmx(
                "    <tu><tuv xml:lang=\"fr\"><seg>Salut</seg></tuv><tuv xml:lang=\"de\"><seg>Hallo</seg></tuv><tuv xml:lang=\"en\"><seg>Hi</seg></tuv></tu>")
        ])
        #expect(memory.warnings.map(\.severity) == [.warning])
        #expect(try lookup("salut", in: memory)?.target == "Hi")
    }

    @Test func aBrokenLocalFileFailsTheWholeLoadWithEveryDiagnostic() throws {
        do {
            _ = try load([
                "a.tmx": Self.tmx(Self.unit("1", fr: "Salut", en: "Hi")),
                "local/broken.tmx": Self.tmx("    <tu><tuv xml:lang=\"fr\"><seg>a</seg></tuv></tu>\n    <tu><tuv xml:lang=\"en\"/></tu>"),
            ])
            Issue.record("a broken local file must fail the load")
        } catch {
            #expect(error.diagnostics.count >= 2)
            #expect(error.diagnostics.allSatisfy { $0.file.hasSuffix("local/broken.tmx") && $0.line > 0 && $0.column > 0 })
        }
    }
}
