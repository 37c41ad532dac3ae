import Foundation
import ParleyNegotiation
import ParleyTesting
import ParleyText
import Testing

@Suite("Negotiation resources: loading, errors, reload")
struct NegotiationResourcesTests {
    /// A copy of the files the negotiation resources read, to edit.
    func copyLexicons() throws -> String {
        let root = try TemporaryFiles.directory()
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/tone", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/text", withIntermediateDirectories: true)
        try manager.copyItem(atPath: Fixtures.lexiconsDirectory + "/text/number-words.map", toPath: root + "/text/number-words.map")
        try manager.copyItem(atPath: Fixtures.lexiconsDirectory + "/negotiation", toPath: root + "/negotiation")
        try manager.copyItem(atPath: Fixtures.lexiconsDirectory + "/tone/language-hints.map", toPath: root + "/tone/language-hints.map")
        return root
    }

    func append(_ line: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(("\n" + line + "\n").utf8))
        try handle.close()
    }

    @Test func theShippedFilesLoadWithoutWarnings() {
        let resources = NegotiationFixtures.resources
        #expect(resources.files.contains { $0.hasSuffix("negotiation/proposals.map") })
        #expect(resources.files.contains { $0.hasSuffix("sample-deals.csv") })
        #expect(resources.settings.warnBelow == 0.30)
    }

    @Test func badLexiconLinesAreReportedWithFileLineAndColumn() throws {
        let root = try copyLexicons()
        try append("fr bargain nous proposons", to: root + "/negotiation/proposals.map")
        try append("en basis:week per week", to: root + "/negotiation/prices.map")
        try append("fr rider discuss fiche technique", to: root + "/negotiation/topics.map")
        try append("warn.below lots", to: root + "/negotiation/settings.map")
        try append("warning.below de Preis zu niedrig", to: root + "/negotiation/texts.map")
        let error = #expect(throws: DiagnosticList.self) {
            try NegotiationResources.load(lexiconsDirectory: root, dealsPath: NegotiationFixtures.dealsPath, textResources: Fixtures.textResources)
        }
        let found = try #require(error).diagnostics
        func line(of path: String) throws -> Int {
            try String(contentsOfFile: root + path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        }
        let expected = [
            "\(root)/negotiation/proposals.map:\(try line(of: "/negotiation/proposals.map")):4: error: unknown proposal kind 'bargain'",
            "\(root)/negotiation/prices.map:\(try line(of: "/negotiation/prices.map")):4: error: unknown price role 'basis:week'",
            "\(root)/negotiation/topics.map:\(try line(of: "/negotiation/topics.map")):10: error: expected 'mention' or 'settle'",
            "\(root)/negotiation/settings.map:\(try line(of: "/negotiation/settings.map")):12: error: 'warn.below' expects one number in 0.0…1.0",
            "\(root)/negotiation/texts.map:\(try line(of: "/negotiation/texts.map")):15: error: expected '<key> <fr|en> <text…>'",
        ]
        for description in expected {
            #expect(found.map(\.description).contains(description), "\(description)\nnot in\n\(found)")
        }
    }

    @Test func aMissingTextOrTopicIsNamed() throws {
        let root = try copyLexicons()
        let texts = root + "/negotiation/texts.map"
        let kept = try String(contentsOfFile: texts, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("missing.rider en") }
        try kept.joined(separator: "\n").write(toFile: texts, atomically: true, encoding: .utf8)
        let error = #expect(throws: DiagnosticList.self) {
            try NegotiationResources.load(lexiconsDirectory: root, dealsPath: NegotiationFixtures.dealsPath, textResources: Fixtures.textResources)
        }
        #expect(error?.diagnostics.map(\.description) == ["\(texts): error: missing text 'missing.rider' in en"])
    }

    @Test func reloadReturnsANewSnapshotOrEveryError() throws {
        let root = try copyLexicons()
        let deals = try TemporaryFiles.write(
            "genre,venue_type,capacity,region,weekday,month,fee,outcome\n" + (0..<30).map { "jazz,club,200,bretagne,6,3,\(1000 + $0 * 10),signed" }.joined(separator: "\n"),
            name: "deals.csv")
        let first = try NegotiationResources.load(lexiconsDirectory: root, dealsPath: deals, textResources: Fixtures.textResources)
        #expect(first.dealCount == 30)
        try append("jazz,club,200,bretagne,6,3,1200,signed", to: deals)
        let second = try first.reloaded()
        #expect(second.dealCount == 31)
        #expect(first.dealCount == 30)
        try append("jazz,club,200,bretagne,6,3,lots,signed", to: deals)
        let error = #expect(throws: DiagnosticList.self) { try second.reloaded() }
        let lines = try String(contentsOfFile: deals, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(error?.diagnostics.map(\.description) == ["\(deals):\(lines.count - 1):28: error: fee 'lots' is not a positive amount"])
        #expect(second.dealCount == 31)  // the old snapshot keeps serving
    }
}
