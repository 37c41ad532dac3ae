import Foundation
import Testing

@Suite("parley glossary")
struct GlossaryCommandTests {
    func json(_ line: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    func folder(_ files: [String: String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-glossary-cli-\(UUID().uuidString)").path
        for (name, text) in files {
            let file = path + "/" + name
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        return path
    }

    static let header = "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\" xml:lang=\"en\"><text><body>\n"

    @Test func lintOfTheShippedFoldersIsClean() throws {
        let result = try CommandRunner.run(["glossary", "lint", "--strict"], input: "")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("0 error(s), 0 warning(s)"))
    }

    @Test func lintPrintsLocatedErrorsAndFails() throws {
        let root = try folder([
            "glossary/trade.tbx": Self.header
                + "<conceptEntry id=\"a\"><langSec xml:lang=\"fr\"><termSec><term>cachet</term></termSec></langSec></conceptEntry>\n"
                + "<conceptEntry id=\"b\"><langSec xml:lang=\"fr\"><termSec><term>jauge</term></termSec></langSec>"
                + "<langSec xml:lang=\"en\"><termSec><term></term></termSec></langSec></conceptEntry>\n</body></text></tbx>\n",
            "glossary/local/broken.tbx": Self.header + "<conceptEntry id=\"c\">\n</body></text></tbx>\n",
            "memory/phrases.tmx": "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"fr\"/><body>\n<tu><tuv xml:lang=\"fr\"><seg>Salut</seg></tuv></tu>\n</body></tmx>\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try CommandRunner.run(["glossary", "lint", root + "/glossary", root + "/memory"], input: "")
        #expect(result.status == 1)
        let lines = result.lines
        #expect(lines.count == 4, "\(lines)")
        #expect(lines.contains(root + "/glossary/trade.tbx:3:1: error: concept 'a' has no en term: every concept needs both languages"))
        #expect(lines.contains(root + "/glossary/trade.tbx:4:124: error: empty term"))
        #expect(lines.contains { $0.hasPrefix(root + "/glossary/local/broken.tbx:4:") && $0.contains(": error: malformed XML:") })
        #expect(lines.contains(root + "/memory/phrases.tmx:3:1: error: translation unit without its en segment: every unit needs both languages"))
    }

    @Test func lintWarnsOnDuplicatesAndStrictFails() throws {
        let entry = { (id: String, fr: String, en: String) in
            "<conceptEntry id=\"\(id)\"><langSec xml:lang=\"fr\"><termSec><term>\(fr)</term></termSec></langSec><langSec xml:lang=\"en\"><termSec><term>\(en)</term></termSec></langSec></conceptEntry>\n"
        }
        let root = try folder(["dup.tbx": Self.header + entry("a", "cachet", "fee") + entry("b", "cachet", "artist fee") + "</body></text></tbx>\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let lenient = try CommandRunner.run(["glossary", "lint", root + "/dup.tbx"], input: "")
        #expect(lenient.status == 0)
        #expect(lenient.lines.count == 1)
        #expect(lenient.lines.first?.hasPrefix(root + "/dup.tbx:4:") == true)
        #expect(lenient.lines.first?.contains(": warning: fr term 'cachet' is also a term of concept 'a'") == true)
        #expect(try CommandRunner.run(["glossary", "lint", "--strict", root + "/dup.tbx"], input: "").status == 1)
        #expect(try CommandRunner.run(["glossary", "lint", root + "/missing.tbx"], input: "").status == 1)
    }

    @Test func lookupPrintsMatchesAsJSONLines() throws {
        let result = try CommandRunner.run(["glossary", "lookup", "--from", "fr", "--to", "en"], input: "Les cachets et la fiche technique\nrien ici\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 2)
        let first = try json(result.lines[0])
        let matches = try #require(first["matches"] as? [[String: Any]])
        #expect(matches.map { $0["target"] as? String } == ["fees", "tech rider"])
        #expect(matches.first?["utf8"] as? [Int] == [4, 11])
        #expect(matches.first?["termID"] as? String == "cachet")
        #expect(first["memory"] == nil)
        #expect((try json(result.lines[1])["matches"] as? [Any])?.isEmpty == true)
    }

    @Test func lookupShowsTheMemoryHit() throws {
        let result = try CommandRunner.run(["glossary", "lookup", "--from", "en", "--to", "fr", "--json"], input: "{\"text\": \"The contract is signed, thank you!\"}\n")
        #expect(result.status == 0, "\(result.stderr)")
        let memory = try #require(try json(result.lines[0])["memory"] as? [String: Any])
        #expect(memory["target"] as? String == "Le contrat est signé, merci !")
        #expect(memory["score"] as? Double == 1)
    }

    @Test func lookupRejectsBadLanguages() throws {
        let unsupported = try CommandRunner.run(["glossary", "lookup", "--from", "fr", "--to", "de"], input: "")
        #expect(unsupported.status != 0)
        #expect(unsupported.stderr.contains("unsupported language 'de' for --to"))
        let same = try CommandRunner.run(["glossary", "lookup", "--from", "en", "--to", "en"], input: "")
        #expect(same.status != 0)
        let broken = try folder(["bad.tbx": "<tbx><text>"])
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let failed = try CommandRunner.run(["glossary", "lookup", "--from", "fr", "--to", "en", "--glossary", broken], input: "cachet\n")
        #expect(failed.status == 2)
        #expect(failed.stderr.contains(broken + "/bad.tbx:1:"))
    }
}
