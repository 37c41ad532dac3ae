import Foundation
import ParleyModeration
import ParleyTesting
import ParleyText
import Testing

@Suite("ModerationResources")
struct ModerationResourcesTests {
    @Test("the bundled lexicons load with no warning and pass lint")
    func bundled() {
        let resources = ModerationTestSupport.bundled
        #expect(resources.warnings.isEmpty, "\(resources.warnings)")
        #expect(resources.entries.count > 1_000)
        #expect(resources.domains.count > 5_000)
        #expect(LexiconLinter.checkExamples(resources).isEmpty, "\(LexiconLinter.checkExamples(resources))")
    }

    @Test("a broken lexicon returns every diagnostic with file:line:col")
    func broken() {
        let maps = [
            ("fr/a.map", "@symbol NOT_DECLARED\nbonjour\n@symbol INSULT\n/(unclosed/\n"),
            ("en/b.map", "@symbol INSULT\nhello = 12x\n"),
        ]
        #expect(throws: DiagnosticList.self) { try ModerationTestSupport.compile(maps: maps) }
        do {
            _ = try ModerationTestSupport.compile(maps: maps)
        } catch {
            let lines = error.diagnostics.map { "\($0.file):\($0.line)" }
            #expect(lines.contains("fr/a.map:2"))
            #expect(lines.contains("fr/a.map:4"))
            #expect(lines.contains("en/b.map:2"))
            let regex = error.diagnostics.first { $0.line == 4 }!
            #expect(regex.description.contains("invalid regex"))
            #expect(regex.column > 1)
        }
    }

    @Test("bad YAML is reported at its line")
    func badYAML() {
        let rules = ModerationTestSupport.rulesText.replacingOccurrences(of: "  review: 4", with: "  review: [4")
        do {
            _ = try ModerationTestSupport.compile(maps: [], rules: rules)
            Issue.record("broken YAML loaded")
        } catch {
            #expect(error.diagnostics.contains { $0.file == "rules.yaml" && $0.line > 0 })
        }
    }

    @Test("rules must declare what they use")
    func undeclared() {
        let rules = ModerationTestSupport.rulesText.replacingOccurrences(of: "  CAPS_FLOOD:", with: "  CAPS_FLOODED:")
        do {
            _ = try ModerationTestSupport.compile(maps: [], rules: rules)
            Issue.record("missing detector symbol accepted")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("CAPS_FLOOD") })
        }
    }

    @Test("duplicates are warnings, the snapshot still builds")
    func duplicates() throws {
        let resources = try ModerationTestSupport.compile(maps: [("fr/a.map", "@symbol INSULT\nconnard\nconnard\n")])
        #expect(resources.warnings.count == 1)
        #expect(resources.warnings[0].line == 3)
        #expect(resources.warnings[0].severity == .warning)
    }

    @Test("local/ overrides rules and replaces map files; a failed reload keeps the snapshot in use")
    func localAndReload() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-lexicons-\(UInt64.random(in: 0...UInt64.max))").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/fr", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/local/fr", withIntermediateDirectories: true)
        try manager.copyItem(atPath: Fixtures.lexiconsDirectory + "/text", toPath: root + "/text")
        try ModerationTestSupport.rulesText.write(toFile: root + "/rules.yaml", atomically: true, encoding: .utf8)
        try "@symbol INSULT_STRONG\nfripouille\n".write(toFile: root + "/fr/moderation-test.map", atomically: true, encoding: .utf8)
        try "actions:\n  review: 2\n".write(toFile: root + "/local/rules.yaml", atomically: true, encoding: .utf8)

        let store = try ModerationResourcesStore(directory: root)
        #expect(store.resources.rules.flagThreshold == 2)
        #expect(ModerationTestSupport.verdict("quelle fripouille", resources: store.resources).label == "harassment")

        try "@symbol INSULT_STRONG\nchenapan\n".write(toFile: root + "/local/fr/moderation-test.map", atomically: true, encoding: .utf8)
        try store.reload()
        #expect(ModerationTestSupport.verdict("quelle fripouille", resources: store.resources).label == "ok")
        #expect(ModerationTestSupport.verdict("quel chenapan", resources: store.resources).label == "harassment")

        try "@symbol INSULT_STRONG\n/(broken/\n".write(toFile: root + "/local/fr/moderation-test.map", atomically: true, encoding: .utf8)
        let before = store.resources
        #expect(throws: DiagnosticList.self) { try store.reload() }
        #expect(store.resources === before)
        #expect(ModerationTestSupport.verdict("quel chenapan", resources: store.resources).label == "harassment")
    }
}

extension ModerationResourcesTests {
    @Test("only the map files named by 'lexicons:' are moderation lexicons")
    func lexiconPatterns() {
        let book = ModerationTestSupport.bundled.rules
        #expect(book.isLexicon("/x/Lexicons/fr/scam.map"))
        #expect(book.isLexicon("Lexicons/local/en/moderation-venue.map"))
        #expect(book.isLexicon("common/url-shorteners.map"))
        #expect(!book.isLexicon("/x/Lexicons/fr/sentiment.map"))
        #expect(!book.isLexicon("/x/Lexicons/text/leet.map"))
        #expect(!ModerationTestSupport.bundled.files.contains { $0.hasSuffix("/stopwords.map") })
    }
}
