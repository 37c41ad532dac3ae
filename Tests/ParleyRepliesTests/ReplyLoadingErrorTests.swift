import Foundation
import ParleyReplies
import ParleyTesting
import ParleyText
import Testing

/// Bad files are reported with file:line:col and never load.
@Suite struct ReplyLoadingErrorTests {
    /// A copy of the shipped `templates/` and `replies/` folders in a fresh temporary Lexicons folder.
    static func lexiconsCopy() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-replies-\(UUID().uuidString)").path
        for folder in ["templates", "replies"] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.lexiconsDirectory + "/" + folder, toPath: directory + "/" + folder)
        }
        return directory
    }

    static func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try change(text).write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func errors(in directory: String) -> [Diagnostic] {
        do {
            _ = try ReplyResources.load(from: directory, textResources: Fixtures.textResources, moderation: RepliesFixtures.moderation)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    @Test func unknownPlaceholderIsLocatedAtItsBracket() throws {
        let directory = try Self.lexiconsCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/replies/fr/replies.txt"
        try Self.edit(path) { $0.replacingOccurrences(of: "notre cachet est de [CACHET].", with: "notre cachet est de [TARIF].") }
        let errors = Self.errors(in: directory)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let number = try #require(lines.firstIndex { $0.contains("[TARIF]") }) + 1
        let column = try #require(lines[number - 1].firstRange(of: "[TARIF]")).lowerBound.utf16Offset(in: lines[number - 1]) + 1
        #expect(errors.contains { $0.file == path && $0.line == number && $0.column == column && $0.message.contains("unknown placeholder [TARIF]") },
                "\(errors)")
    }

    @Test func anIntentWithTwoMovesIsAnError() throws {
        let directory = try Self.lexiconsCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/replies/en/replies.txt"
        try Self.edit(path) { $0.replacingOccurrences(of: "share    any  Here is our rate card for the different line-ups, attached right here.\n", with: "") }
        let errors = Self.errors(in: directory)
        #expect(errors.contains { $0.file == path && $0.line > 0 && $0.message.contains("@intent fee-question has 2 moves") }, "\(errors)")
    }

    @Test func aBadCueWeightAndAnUnknownIntentAreLocated() throws {
        let directory = try Self.lexiconsCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/replies/fr/intents.cues"
        try Self.edit(path) { "@intent fee-question\ncachet mirobolant 42\n@intent gossip\n" + $0 }
        let errors = Self.errors(in: directory)
        #expect(errors.contains { $0.file == path && $0.line == 2 && $0.column == 19 && $0.message.contains("out of range") }, "\(errors)")
        #expect(errors.contains { $0.file == path && $0.line == 3 && $0.column == 9 && $0.message.contains("@intent NAME") }, "\(errors)")
    }

    @Test func contactDetailsAndFlaggedTextsNeverLoad() throws {
        let directory = try Self.lexiconsCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let replies = directory + "/replies/fr/replies.txt"
        try Self.edit(replies) {
            $0.replacingOccurrences(
                of: "ask      vous  Pourriez-vous m'en dire un peu plus ?",
                with: "ask      vous  Appelez-moi au 06 12 34 56 78 pour en dire plus ?")
                .replacingOccurrences(
                    of: "defer    tu    Je regarde ça et je reviens vers toi rapidement.",
                    with: "defer    tu    Ajoute-moi sur WhatsApp, on verra ça là-bas.")
        }
        let template = directory + "/templates/en/follow-up.tpl"
        try Self.edit(template) { $0.replacingOccurrences(of: "Let me know what suits you best.", with: "Write to me at lea.music@gmail.com instead.") }
        let errors = Self.errors(in: directory)
        #expect(errors.contains { $0.file == replies && $0.message.contains("phone") && $0.message.contains("contact details") }, "\(errors)")
        #expect(errors.contains { $0.file == replies && $0.message.contains("moderation would") }, "\(errors)")
        #expect(errors.contains { $0.file == template && $0.message.contains("email") }, "\(errors)")
    }

    @Test func templateHeaderErrorsAndMissingVariantsAreReported() throws {
        let directory = try Self.lexiconsCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/templates/fr/negotiation.tpl"
        try Self.edit(path) {
            $0 + "\n=== negotiation/only-french\nstage: negotiation\nkind: price\n---\nBonjour [NOM_DESTINATAIRE], parlons du prix.\n"
                + "\n=== negotiation/broken\nstage: haggling\ngenre: polka\n---\nTexte.\n"
        }
        let diagnostics = lint(directory)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let only = try #require(lines.firstIndex { $0 == "=== negotiation/only-french" }) + 1
        let stage = try #require(lines.firstIndex { $0 == "stage: haggling" }) + 1
        #expect(diagnostics.contains { $0.file == path && $0.line == only && $0.severity == .warning && $0.message.contains("no en variant") })
        #expect(diagnostics.contains { $0.file == path && $0.line == stage && $0.column == 8 && $0.message.contains("'haggling' is not a valid stage") })
        #expect(diagnostics.contains { $0.file == path && $0.line == stage + 1 && $0.column == 8 && $0.message.contains("'polka' is not a valid genre") })
    }

    @Test func lintReportsOverLongFirstMessagesWithWhatToCut() throws {
        let directory = try Self.lexiconsCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/templates/en/first-contact.tpl"
        let padding = String(repeating: "We have played many festivals and clubs across the country over the years. ", count: 14)
        try Self.edit(path) { $0.replacingOccurrences(of: "Up for a chat?", with: padding + "Up for a chat?") }
        let diagnostics = lint(directory)
        let over = try #require(diagnostics.first { $0.file == path && $0.message.contains("first-contact/artist-venue/casual") })
        #expect(over.severity == .error)
        #expect(over.message.contains("over the standard limit of 1000"))
        #expect(over.message.contains("drop 'We have played") || over.message.contains("shorten 'We have played"))
    }

    @Test func aLanguageWithoutTemplatesOrRepliesIsAnError() throws {
        let directory = try Self.lexiconsCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.removeItem(atPath: directory + "/templates/en")
        try FileManager.default.removeItem(atPath: directory + "/replies/en/replies.txt")
        let errors = Self.errors(in: directory)
        #expect(errors.contains { $0.file == directory + "/templates/en" && $0.message.contains("no template file") }, "\(errors)")
        #expect(errors.contains { $0.file == directory + "/replies/en/replies.txt" && $0.message.hasPrefix("cannot read file") }, "\(errors)")
    }

    @Test func aLocalFileReplacesTheShippedOne() throws {
        let directory = try Self.lexiconsCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/local/replies/en", withIntermediateDirectories: true)
        let shipped = try String(contentsOfFile: directory + "/replies/en/replies.txt", encoding: .utf8)
        try shipped.replacingOccurrences(of: "For this kind of venue, our fee is [CACHET].", with: "Our fee for this venue is [CACHET].")
            .write(toFile: directory + "/local/replies/en/replies.txt", atomically: true, encoding: .utf8)
        let resources = try ReplyResources.load(from: directory, textResources: Fixtures.textResources, moderation: RepliesFixtures.moderation)
        #expect(resources.files.contains(directory + "/local/replies/en/replies.txt"))
        let values = try PlaceholderValues(catalog: resources.placeholders, ["fee": "€900"])
        #expect(resources.replies(.en).slots(for: .feeQuestion)[0].text(.vous).rendered(values) == "Our fee for this venue is €900.")
    }

    private func lint(_ directory: String) -> [Diagnostic] {
        TemplateLinter.lint(directory: directory, textResources: Fixtures.textResources, moderation: RepliesFixtures.moderation)
    }
}
