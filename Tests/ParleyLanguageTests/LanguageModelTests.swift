import Foundation
import ParleyLanguage
import ParleyTesting
import ParleyText
import Testing

@Suite struct LanguageModelTests {
    let modelPath = Fixtures.modelsDirectory + "/langid/langid.bin"

    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-langid-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func bundledModelHasTargetsAndGuards() {
        #expect(Array(bundledModel.targets) == [.french, .english, .spanish, .german])
        #expect(bundledModel.languages.suffix(3) == [.italian, .portuguese, .dutch])
        #expect(bundledModel.defaultThreshold > 0.5 && bundledModel.defaultThreshold < 1)
    }

    @Test func missingFileIsNamed() {
        let path = "/nonexistent/langid.bin"
        #expect(throws: LanguageModelError.unreadable(file: path)) { try LanguageModel(contentsOf: path) }
        #expect(LanguageModelError.unreadable(file: path).description.hasPrefix(path + ": error:"))
    }

    @Test func corruptFilesAreRejectedWithTheirName() throws {
        let good = try #require(FileManager.default.contents(atPath: modelPath))
        var flipped = [UInt8](good)
        flipped[flipped.count / 2] ^= 0x40
        let cases: [(String, [UInt8], String)] = [
            ("garbage", Array("not a model at all".utf8), "PLID"),
            ("empty", [], "PLID"),
            ("truncated", Array(good.prefix(5000)), "checksum"),
            ("flipped", flipped, "checksum"),
        ]
        for (name, bytes, reason) in cases {
            let file = "/models/\(name).bin"
            do {
                _ = try LanguageModel(bytes: bytes, file: file)
                Issue.record("\(name) loaded")
            } catch {
                guard case .corrupt(let named, let why) = error else {
                    Issue.record("\(name): \(error)")
                    continue
                }
                #expect(named == file)
                #expect(why.contains(reason), "\(name): \(why)")
                #expect(error.description.hasPrefix(file + ": error: corrupt language model"))
            }
        }
    }

    @Test func corruptFileOnDisk() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/langid.bin"
        try Data("PLID\u{1}\u{0}\u{0}\u{0}".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try LanguageModel(contentsOf: path)
        } throws: { error in
            guard case LanguageModelError.corrupt(let file, _) = error else { return false }
            return file == path
        }
    }

    /// Runs `Scripts/langid/train.py` on a tiny corpus written here, twice, and loads the result.
    @Test func trainingScriptOnATinySample() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sentences: [String: [String]] = [
            "fr": ["Le concert commence à vingt heures ce soir.", "Nous avons reçu le contrat hier, merci beaucoup.",
                   "Les musiciens arrivent pour la balance vers dix-sept heures."],
            "en": ["The show starts at eight tonight.", "We received the contract yesterday, thank you.",
                   "The band will arrive for the soundcheck around five."],
            "es": ["El concierto empieza a las ocho esta noche.", "Recibimos el contrato ayer, muchas gracias.",
                   "Los músicos llegan para la prueba de sonido hacia las cinco."],
            "de": ["Das Konzert beginnt heute Abend um acht.", "Wir haben den Vertrag gestern bekommen, vielen Dank.",
                   "Die Musiker kommen gegen fünf zum Soundcheck."],
            "it": ["Il concerto inizia stasera alle otto.", "Abbiamo ricevuto il contratto ieri, grazie mille.",
                   "I musicisti arrivano per il soundcheck verso le cinque."],
            "pt": ["O concerto começa hoje à noite às oito.", "Recebemos o contrato ontem, muito obrigado.",
                   "Os músicos chegam para a passagem de som por volta das cinco."],
            "nl": ["Het concert begint vanavond om acht uur.", "We hebben het contract gisteren ontvangen, dank je wel.",
                   "De muzikanten komen rond vijf uur voor de soundcheck."],
        ]
        let corpora = directory + "/corpora"
        let wordfreq = directory + "/wordfreq"
        try FileManager.default.createDirectory(atPath: corpora, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: wordfreq, withIntermediateDirectories: true)
        for (code, lines) in sentences {
            // 30 lines so that the train split (line % 10 not in {0, 5}) holds every sentence.
            let text = (0..<30).map { lines[$0 % lines.count] }.joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(corpora)/\(code).txt"))
        }
        let frequencies = ["fr": "merci\t5.6\nconcert\t4.9\n", "en": "thanks\t5.5\nshow\t5.2\n", "es": "gracias\t5.5\n", "de": "danke\t5.2\n"]
        for (code, body) in frequencies {
            try Data(("# word\tzipf\n" + body).utf8).write(to: URL(fileURLWithPath: "\(wordfreq)/wordfreq_small_\(code).tsv"))
        }
        try Data("fr\tmdr\t4.3\nen\tthx\t3.8\n".utf8).write(to: URL(fileURLWithPath: directory + "/chat.tsv"))

        func train(_ output: String) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "python3", Fixtures.repositoryRoot + "/Scripts/langid/train.py", "--corpora", corpora, "--wordfreq", wordfreq,
                "--chat-words", directory + "/chat.tsv", "--out", output,
            ]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(try train(directory + "/a.bin") == 0)
        #expect(try train(directory + "/b.bin") == 0)
        let first = try #require(FileManager.default.contents(atPath: directory + "/a.bin"))
        let second = try #require(FileManager.default.contents(atPath: directory + "/b.bin"))
        #expect(first == second, "training is not reproducible bit for bit")

        let model = try LanguageModel(contentsOf: directory + "/a.bin")
        #expect(Array(model.targets) == [.french, .english, .spanish, .german])
        let recognizer = LanguageRecognizer(model: model)
        #expect(recognizer.dominantLanguage(for: read("merci beaucoup pour le contrat")) == .french)
        #expect(recognizer.dominantLanguage(for: read("thank you for the contract")) == .english)
        #expect(recognizer.dominantLanguage(for: read("muchas gracias por el contrato")) == .spanish)
        #expect(recognizer.dominantLanguage(for: read("vielen Dank für den Vertrag")) == .german)
    }
}
