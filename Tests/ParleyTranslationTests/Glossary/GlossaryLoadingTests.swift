import Foundation
import ParleyTesting
import ParleyText
import Testing
@testable import ParleyTranslation

@Suite("Glossary loading")
struct GlossaryLoadingTests {
    typealias F = GlossaryFixtures

    @Test func readsConceptsTermsAndNotes() throws {
        let glossary = try F.glossary(
            F.tbx(
                """
                    <conceptEntry id="fee">
                      <descrip type="definition">the performer's fee</descrip>
                      <langSec xml:lang="fr"><termSec><term>cachet</term><termNote type="partOfSpeech">noun</termNote></termSec></langSec>
                      <langSec xml:lang="en-GB"><termSec><term>fee</term></termSec><termSec><term>artist fee</term></termSec></langSec>
                    </conceptEntry>
                """))
        #expect(glossary.termCount == 1)
        let concept = try #require(glossary.concepts.first)
        #expect(concept.id == "fee")
        #expect(concept.note == "the performer's fee")
        #expect(concept.terms[.french]?.map(\.text) == ["cachet"])
        #expect(concept.terms[.french]?.first?.partOfSpeech == "noun")
        #expect(concept.terms[.english]?.map(\.text) == ["fee", "artist fee"])
        #expect(concept.terms[.french]?.first?.line == 7)
        #expect(concept.terms[.french]?.first?.column == 39)
        #expect(glossary.warnings.isEmpty)
    }

    @Test func readsTheOlderMartifNames() throws {
        let glossary = try F.glossary(
            """
            <?xml version="1.0"?>
            <martif type="TBX-Basic" xml:lang="en"><text><body>
              <termEntry id="c1">
                <langSet xml:lang="fr"><tig><term>jauge</term></tig></langSet>
                <langSet xml:lang="en"><tig><term>capacity</term></tig></langSet>
              </termEntry>
            </body></text></martif>
            """)
        let segmenter = Fixtures.segmenter()
        #expect(glossary.matches(in: try segmenter.read("une jauge de 300"), from: .french, to: .english).map(\.target) == ["capacity"])
    }

    @Test func malformedXMLHasLineAndColumn() {
        let errors = F.errors(F.tbx(F.concept("a", fr: "cachet", en: "fee") + "\n    <conceptEntry id=\"b\"><langSec></conceptEntry>"))
        #expect(errors.count == 1)
        #expect(errors.first?.line == 9)
        #expect(errors.first?.column == 50)
        #expect(errors.first?.message.hasPrefix("malformed XML:") == true)
    }

    @Test func missingTermIsAnError() {
        let errors = F.errors(
            F.tbx(
                """
                    <conceptEntry id="a">
                      <langSec xml:lang="fr"><termSec><termNote type="partOfSpeech">noun</termNote></termSec></langSec>
                      <langSec xml:lang="en"><termSec><term>fee</term></termSec></langSec>
                    </conceptEntry>
                """))
        #expect(errors.map(\.description).contains { $0.hasSuffix("test.tbx:6:30: error: missing <term> in <termSec>") })
    }

    @Test func emptyTermIsAnError() {
        let errors = F.errors(F.tbx(F.concept("a", fr: " ", en: "fee")))
        #expect(errors.map(\.message) == ["empty term"])
        #expect(errors.first?.line == 6)
        #expect(errors.first?.column == 39)
    }

    @Test func unknownLanguageIsAnError() {
        let errors = F.errors(
            F.tbx(
                """
                    <conceptEntry id="a">
                      <langSec xml:lang="fr"><termSec><term>cachet</term></termSec></langSec>
                      <langSec xml:lang="de"><termSec><term>Gage</term></termSec></langSec>
                      <langSec xml:lang="en"><termSec><term>fee</term></termSec></langSec>
                    </conceptEntry>
                """))
        #expect(errors.count == 1)
        #expect(errors.first?.line == 7)
        #expect(errors.first?.column == 7)
        #expect(errors.first?.message.contains("unknown language 'de'") == true)
        #expect(F.errors(F.tbx("    <conceptEntry id=\"a\"><langSec><termSec><term>x</term></termSec></langSec></conceptEntry>")).first?.message
            == "<langSec> without xml:lang")
    }

    @Test func aConceptWithOneLanguageIsAnError() {
        let errors = F.errors(
            F.tbx("    <conceptEntry id=\"solo\">\n      <langSec xml:lang=\"fr\"><termSec><term>cachet</term></termSec></langSec>\n    </conceptEntry>"))
        #expect(errors.count == 1)
        #expect(errors.first?.line == 5)
        #expect(errors.first?.column == 5)
        #expect(errors.first?.message.contains("concept 'solo' has no en term") == true)
    }

    @Test func duplicateIDsAreAnError() {
        let errors = F.errors(F.tbx(F.concept("a", fr: "cachet", en: "fee") + "\n" + F.concept("a", fr: "jauge", en: "capacity")))
        #expect(errors.count == 1)
        #expect(errors.first?.line == 9)
        #expect(errors.first?.message == "duplicate concept id 'a' (first at line 5)")
    }

    @Test func otherErrorKinds() {
        #expect(F.errors("<?xml version=\"1.0\"?>\n<tmx/>\n").first?.message.contains("expected a TBX document") == true)
        #expect(F.errors(F.tbx("    <conceptEntry><langSec xml:lang=\"fr\"/></conceptEntry>")).first?.message == "<conceptEntry> without an id")
        let number = F.errors(
            F.tbx(F.concept("a", fr: "cachet", en: "fee").replacingOccurrences(of: "<term>fee</term>", with: "<term>fee</term><termNote type=\"grammaticalNumber\">many</termNote>")))
        #expect(number.first?.message.contains("unknown grammaticalNumber 'many'") == true)
        #expect(F.errors(F.tbx(F.concept("a", fr: "www.example.com", en: "site"))).first?.message.contains("holds a url") == true)
        #expect(F.errors(F.tbx(F.concept("a", fr: "!!", en: "site"))).first?.message.contains("has no word to match") == true)
    }

    @Test func duplicateTermsAreWarnings() throws {
        let glossary = try F.glossary(F.tbx(F.concept("a", fr: "cachet", en: "fee") + "\n" + F.concept("b", fr: "cachet", en: "gig fee")))
        #expect(glossary.warnings.map(\.severity) == [.warning])
        #expect(glossary.warnings.first?.line == 10)
        #expect(glossary.warnings.first?.message.contains("also a term of concept 'a'") == true)
        // The first concept of the file wins.
        let segmenter = Fixtures.segmenter()
        #expect(glossary.matches(in: try segmenter.read("le cachet"), from: .french, to: .english).map(\.termID) == ["a"])
    }

    @Test func doNotTranslateMarkers() throws {
        let glossary = try F.glossary(
            F.tbx(
                F.concept("sacem", fr: "SACEM", en: "SACEM", extra: "<descrip type=\"transferComment\">do not translate</descrip>") + "\n"
                    + F.concept("guso", fr: "GUSO", en: "GUSO").replacingOccurrences(
                        of: "<term>GUSO</term></termSec></langSec>\n      <langSec xml:lang=\"en\">",
                        with: "<term>GUSO</term><termNote type=\"transferComment\">doNotTranslate</termNote></termSec></langSec>\n      <langSec xml:lang=\"en\">")
                    + "\n" + F.concept("fee", fr: "cachet", en: "fee")))
        #expect(glossary.concepts.map(\.doNotTranslate) == [true, true, false])
    }

    @Test func localOverridesByConceptID() throws {
        let folder = try F.temporaryFolder("tbx-local")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try F.write(F.tbx(F.concept("fee", fr: "cachet", en: "fee")), to: folder + "/trade.tbx")
        try F.write(F.tbx(F.concept("fee", fr: "cachet", en: "artist fee")), to: folder + "/local/platform.tbx")
        let glossary = try Glossary.load(directory: folder, textResources: Fixtures.textResources)
        #expect(glossary.termCount == 1)
        #expect(glossary.files.map { ($0 as NSString).lastPathComponent } == ["trade.tbx", "platform.tbx"])
        let message = try Fixtures.segmenter().read("les cachets")
        #expect(glossary.matches(in: message, from: .french, to: .english).map(\.target) == ["artist fees"])
    }

    /// What a server reload relies on: a broken local/ file fails the load with located errors, and
    /// the glossary already loaded is a value nobody can change.
    @Test func aBrokenLocalFileFailsTheWholeLoad() throws {
        let folder = try F.temporaryFolder("tbx-broken")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try F.write(F.tbx(F.concept("fee", fr: "cachet", en: "fee")), to: folder + "/trade.tbx")
        let serving = try Glossary.load(directory: folder, textResources: Fixtures.textResources)
        try F.write(F.tbx(F.concept("x", fr: "jauge", en: "capacity") + "\n    <conceptEntry id=\"y\">\n"), to: folder + "/local/mine.tbx")
        do {
            _ = try Glossary.load(directory: folder, textResources: Fixtures.textResources)
            Issue.record("a broken local file must fail the load")
        } catch {
            #expect(error.diagnostics.count == 1)
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.file.hasSuffix("local/mine.tbx"))
            #expect(diagnostic.line > 0 && diagnostic.column > 0)
        }
        let message = try Fixtures.segmenter().read("le cachet")
        #expect(serving.matches(in: message, from: .french, to: .english).map(\.target) == ["fee"])
    }

    @Test func aMissingFolderIsAnError() {
        #expect(throws: DiagnosticList.self) {
            try Glossary.load(directory: "/nonexistent/parley-glossary", textResources: Fixtures.textResources)
        }
    }
}
