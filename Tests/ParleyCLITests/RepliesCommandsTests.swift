import Foundation
import ParleyTesting
import Testing

@Suite("parley replies and parley templates")
struct RepliesCommandsTests {
    func json(_ line: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func repliesGivesTheIntentAndThreeReplies() throws {
        let input = """
            {"text": "Quel est votre cachet habituel ?", "context": {"fee": "1 500 €"}}
            {"text": "Hey, are you free on June 12?", "context": {"date": "June 12"}}
            {"text": "Salut, tu peux m'envoyer ta fiche technique ?"}

            """
        let result = try CommandRunner.run(["replies", "--json"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 3)
        let fee = try json(result.lines[0])
        #expect(fee["intent"] as? String == "fee-question")
        let replies = try #require(fee["replies"] as? [[String: Any]])
        #expect(replies.map { $0["move"] as? String } == ["answer", "discuss", "share"])
        #expect(replies[0]["text"] as? String == "Pour ce type de lieu, notre cachet est de 1 500 €.")
        let cues = try #require(fee["cues"] as? [[String: Any]])
        #expect(cues.contains { $0["text"] as? String == "Quel est votre cachet" && ($0["source"] as? String)?.contains("intents.cues:") == true })

        let english = try json(result.lines[1])
        #expect(english["intent"] as? String == "availability")
        #expect(english["language"] as? String == "en")
        let answer = try #require((english["replies"] as? [[String: Any]])?.first)
        #expect(answer["text"] as? String == "Yes, we're available on June 12, happy to!")

        let tu = try json(result.lines[2])
        #expect(tu["intent"] as? String == "technical")
        #expect(tu["register"] as? String == "tu")
        let texts = try #require(tu["replies"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        #expect(texts.contains("Je te joins notre fiche technique et notre plan de scène ici."))
    }

    @Test func plainLinesUseSetValuesAndLeaveTheRestVisible() throws {
        let result = try CommandRunner.run(["replies", "--set", "venue=Le Périscope"], input: "Quel est votre cachet ?\n")
        #expect(result.status == 0)
        let reply = try #require((try json(result.lines[0])["replies"] as? [[String: Any]])?.first)
        #expect(reply["text"] as? String == "Pour ce type de lieu, notre cachet est de [CACHET].")
        #expect(reply["unfilled"] as? [String] == ["CACHET"])
    }

    @Test func badLinesAreReportedWithTheirFieldAndLine() throws {
        let input = "{\"text\": \"Bonjour\", \"context\": {\"venu\": \"x\"}}\n{\"txt\": 1}\n{\"text\": \"Hi\", \"register\": \"thou\"}\n{\"text\": \"Merci !\"}\n"
        let result = try CommandRunner.run(["replies", "--json"], input: input)
        #expect(result.status == 1)
        #expect(result.stderr.contains("stdin:1: error: context: unknown context key 'venu'"))
        #expect(result.stderr.contains("stdin:2: error: expected a JSON object"))
        #expect(result.stderr.contains("stdin:3: error: register: 'thou' is not tu or vous"))
        #expect(result.lines.count == 1)
        #expect(try json(result.lines[0])["intent"] as? String == "thanks")
        var invalid = Data("Bonjour\n".utf8)
        invalid.append(contentsOf: [0x63, 0x61, 0xC3, 0x28, 0x0A])
        let bytes = try CommandRunner.run(["replies"], input: invalid)
        #expect(bytes.status == 1)
        #expect(bytes.stderr.contains("stdin:2: error:"))
        #expect(bytes.lines.count == 1)
        let option = try CommandRunner.run(["replies", "--set", "novalue"], input: "x\n")
        #expect(option.status != 0)
        #expect(option.stderr.contains("key=value"))
    }

    @Test func templatesListFiltersAndRanks() throws {
        let result = try CommandRunner.run(
            ["templates", "list", "--language", "en", "--stage", "first-contact", "--direction", "venue-artist"], input: "")
        #expect(result.status == 0)
        #expect(result.lines.count == 5)
        #expect(result.lines.allSatisfy { $0.split(separator: "\t")[4] == "venue-artist" })
        let genre = try CommandRunner.run(["templates", "list", "--stage", "first-contact", "--genre", "techno"], input: "")
        #expect(genre.lines.first?.hasPrefix("first-contact/artist-venue/style-electro\tfr") == true)
        let bad = try CommandRunner.run(["templates", "list", "--stage", "haggling"], input: "")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("first-contact, follow-up, negotiation"))
    }

    @Test func templatesRenderFillsAndChecksTheTier() throws {
        let result = try CommandRunner.run(
            ["templates", "render", "--id", "follow-up/soft-reminder", "--language", "fr", "--set", "recipient=Camille", "--set", "date=14 juin"],
            input: "")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Bonjour Camille,\n\nJuste pour savoir si vous avez eu le temps de réfléchir à notre proposition pour le 14 juin."))
        #expect(result.stdout.contains("[SIGNATURE]"))

        let long = String(repeating: "septembre, octobre et novembre ", count: 40)
        let over = try CommandRunner.run(
            ["templates", "render", "--id", "first-contact/artist-venue/presentation", "--set", "availability=\(long)", "--json"], input: "")
        #expect(over.status == 1)
        let output = try json(over.lines[0])
        #expect(output["fits"] as? Bool == false)
        #expect(output["limit"] as? Int == 1000)
        let cut = try #require((output["cuts"] as? [[String: Any]])?.first)
        #expect(cut["placeholder"] as? String == "PERIODE_DISPO")
        #expect(cut["by"] as? Int == output["overBy"] as? Int)
        #expect(over.stderr.contains("shorten [PERIODE_DISPO]"))

        let pro = try CommandRunner.run(
            ["templates", "render", "--id", "first-contact/artist-venue/presentation", "--tier", "booker_pro", "--set", "availability=\(long)"],
            input: "")
        #expect(pro.status == 0)

        let missing = try CommandRunner.run(["templates", "render", "--id", "nope"], input: "")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no template 'nope'"))
    }

    @Test func iceBreakersAreRankedInTheRecipientsLanguage() throws {
        let result = try CommandRunner.run(
            ["templates", "icebreakers", "--language", "en", "--influence", "Nina Simone", "--influence", "Miles Davis", "--press", "FIP"],
            input: "")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines == [
            "3.5\tshared-influences\tWe share 2 musical influences: Nina Simone and Miles Davis.",
            "2.5\tpress\tCongratulations on your feature on FIP!",
        ])
        let bad = try CommandRunner.run(["templates", "icebreakers", "--register", "toi"], input: "")
        #expect(bad.status != 0)
    }

    @Test func templatesLintIsCleanOnTheShippedLexicons() throws {
        let result = try CommandRunner.run(["templates", "lint", "--strict", Fixtures.lexiconsDirectory], input: "")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stderr.contains("0 error(s), 0 warning(s)"))
    }

    @Test func templatesLintLocatesProblems() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-cli-templates-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for folder in ["templates", "replies", "text", "fr", "en", "common"] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.lexiconsDirectory + "/" + folder, toPath: directory + "/" + folder)
        }
        try FileManager.default.copyItem(atPath: Fixtures.lexiconsDirectory + "/rules.yaml", toPath: directory + "/rules.yaml")
        let path = directory + "/templates/fr/follow-up.tpl"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "Belle journée,", with: "Belle journée [PRENOM],").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["templates", "lint", directory], input: "")
        #expect(result.status == 1)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "Belle journée," }) + 1
        #expect(result.stdout.contains("\(path):\(line):15: error: unknown placeholder [PRENOM]"), "\(result.stdout)")
    }
}
