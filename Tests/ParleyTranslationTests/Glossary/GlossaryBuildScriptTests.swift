import Foundation
import ParleyTesting
import ParleyText
import Testing
@testable import ParleyTranslation

/// Runs `Scripts/translation/build-glossary.py` on a tiny sample and on the shared term list: the
/// script that writes the shipped glossary stays runnable, its output loads, and it is reproducible.
@Suite("Glossary build script")
struct GlossaryBuildScriptTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let script = Fixtures.repositoryRoot + "/Scripts/translation/build-glossary.py"

    func build(_ tsv: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [Self.script, tsv]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: python != nil)) func buildsALoadableGlossaryFromASample() throws {
        let folder = try GlossaryFixtures.temporaryFolder("glossary-build")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try GlossaryFixtures.write(
            "cachet\tfee\tthe performer's fee\nbalances\tsoundcheck\tplural in French\nSMAC\tSMAC\tkeep as is\nprise en charge\tcoverage (of costs)\t\nrégisseur\tstage manager\t\nrégisseur plateau\tstage manager\t\n",
            to: folder + "/terms.tsv")
        let (status, output) = try build(folder + "/terms.tsv")
        #expect(status == 0)
        try GlossaryFixtures.write(output, to: folder + "/out/trade.tbx")
        let glossary = try Glossary.load(directory: folder + "/out", textResources: Fixtures.textResources)
        #expect(glossary.concepts.map(\.id) == ["cachet", "balances", "smac", "prise-en-charge", "regisseur", "regisseur-plateau"])
        #expect(glossary.concepts.map(\.doNotTranslate) == [false, false, true, false, false, false])
        #expect(glossary.concepts[1].terms[.french]?.first?.number == .plural)
        #expect(glossary.concepts[3].terms[.english]?.map(\.text) == ["coverage"])
        #expect(glossary.concepts[5].terms[.english]?.first?.status == .admitted)
        #expect(glossary.warnings.isEmpty)
        // Same input, same bytes.
        #expect(try build(folder + "/terms.tsv").output == output)
        // A row without its English side is refused with its line.
        try GlossaryFixtures.write("cachet\tfee\t\njauge\n", to: folder + "/bad.tsv")
        #expect(try build(folder + "/bad.tsv").status != 0)
    }

    @Test(.enabled(if: python != nil && FileManager.default.fileExists(atPath: ShippedGlossaryTests.rowsPath)))
    func theShippedGlossaryIsTheScriptsOutput() throws {
        let shipped = try String(contentsOfFile: Fixtures.lexiconsDirectory + "/glossary/trade.tbx", encoding: .utf8)
        #expect(try build(ShippedGlossaryTests.rowsPath).output == shipped)
    }
}
