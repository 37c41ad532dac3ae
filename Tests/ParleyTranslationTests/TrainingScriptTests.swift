import Foundation
import ParleyTesting
import ParleyText
import Testing

@testable import ParleyTranslation

@Suite struct TrainingScriptTests {
    func train(into directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.repositoryRoot + "/Scripts/translation/train.py",
                             "--data", Fixtures.sharedDataDirectory + "/parallel", "--out", directory, "--limit", "400",
                             "--dictionary", Fixtures.sharedDataDirectory + "/../lexicon-sources/wiktionary-fr-en/frwiktionary-20140612-fr-en.csv"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// Trains on 400 pairs twice (a few seconds): the files are identical and the model loads and translates;
    /// words the 400 pairs lack come from the dictionary fallback and the calendar list.
    @Test func trainsALoadableModelReproducibly() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("parley-mt-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        try train(into: base + "/a")
        try train(into: base + "/b")
        for file in ["fr-en.bin", "en-fr.bin", "fr-en.params", "en-fr.params", "splits.tsv"] {
            let a = FileManager.default.contents(atPath: base + "/a/" + file)
            #expect(a != nil && a == FileManager.default.contents(atPath: base + "/b/" + file), "\(file) differs between runs")
        }
        let model = try TranslationModel(directory: base + "/a", from: .french, to: .english)
        #expect(model.size.phrases > 100)
        let translator = Translator(models: [model, try TranslationModel(directory: base + "/a", from: .english, to: .french)])
        let segmenter = Fixtures.segmenter()
        let translation = try translator.translate(try segmenter.read("Salut !"), from: .french, to: .english)
        #expect(!translation.text.isEmpty)
        let month = try translator.translate(try segmenter.read("en novembre"), from: .french, to: .english)
        #expect(month.text == "in November", "\(month.text)")
        let day = try translator.translate(try segmenter.read("next Friday"), from: .english, to: .french)
        #expect(day.text == "vendredi prochain", "\(day.text)")
        let word = try translator.translate(try segmenter.read("guitare"), from: .french, to: .english)
        #expect(word.text == "guitar" && word.unknownWords.isEmpty, "\(word.text)")
    }
}
