import ParleyTesting
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@testable import ParleyText

@Suite("Text tables")
struct TextResourcesTests {
    func temporaryTables(_ files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-text-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["leet.map", "number-words.map", "tlds.map", "mail-providers.map", "currencies.map", "emoticons.map"] {
            let source = Fixtures.lexiconsDirectory + "/text/" + name
            let text = try files[name] ?? String(contentsOfFile: source, encoding: .utf8)
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory.path
    }

    @Test func bundledTablesLoad() throws {
        let resources = try TextResources.load(from: Fixtures.lexiconsDirectory + "/text")
        #expect(resources.files.count == 6)
        #expect(resources.numberWordValue("douze".utf8) == 12)
        #expect(resources.leetASCII[Int(UInt8(ascii: "3"))] == UInt8(ascii: "e"))
    }

    @Test func badLinesAreReportedWithFileLineAndColumn() throws {
        let directory = try temporaryTables([
            "leet.map": "# comment\n3 e\n  33 ee\n",
            "currencies.map": "€ EUR\neuros euro\n",
        ])
        do {
            _ = try TextResources.load(from: directory)
            Issue.record("a broken table loaded")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.contains("\(directory)/leet.map:3:3: error: expected '<ASCII character> <lower-case letter>'"))
            #expect(lines.contains("\(directory)/currencies.map:2:1: error: expected '<symbol or word> <ISO 4217 code>'"))
        }
    }

    @Test func aMissingTableNamesTheFile() throws {
        let directory = try temporaryTables([:])
        try FileManager.default.removeItem(atPath: directory + "/tlds.map")
        do {
            _ = try TextResources.load(from: directory)
            Issue.record("a missing table loaded")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].file == directory + "/tlds.map")
        }
    }

    @Test func tableFileSplitsFieldsAndComments() {
        let table = TableFile.parse("# header\n\nfr  zéro 0 # trailing\n:# 1\n", path: "x.map")
        #expect(table.lines.count == 2)
        #expect(table.lines[0].texts == ["fr", "zéro", "0"])
        #expect(table.lines[0].number == 3)
        #expect(table.lines[0].columns == [1, 5, 10])
        #expect(table.lines[1].texts == [":#", "1"])
    }
}
