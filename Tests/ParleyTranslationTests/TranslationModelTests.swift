import Foundation
import ParleyTesting
import Testing

@testable import ParleyTranslation

/// The bundled models, loaded once for the suites that translate.
enum BundledModels {
    static let directory = Fixtures.modelsDirectory + "/translation"
    static let all: [TranslationModel] = {
        do {
            return [try TranslationModel(directory: directory, from: .french, to: .english),
                    try TranslationModel(directory: directory, from: .english, to: .french)]
        } catch {
            fatalError("bundled translation models do not load: \(error)")
        }
    }()
}

@Suite struct TranslationModelTests {
    @Test func bundledModelsLoadWithTheirTables() {
        for model in BundledModels.all {
            #expect(model.size.phrases > 10_000)
            #expect(model.size.options >= model.size.phrases)
            #expect(model.size.ngrams > 10_000)
            #expect(model.phrases.sourceIDs["<num>"] != nil)
        }
    }

    @Test func samePairIsUnsupported() {
        #expect(throws: TranslationError.unsupportedPair(from: "fr", to: "fr")) {
            try TranslationModel(directory: BundledModels.directory, from: .french, to: .french)
        }
    }

    @Test func missingFileIsNamed() {
        let path = "/nonexistent/fr-en.bin"
        #expect(throws: TranslationError.unreadableModel(file: path)) {
            try TranslationModel(contentsOf: path, parameters: DecoderParameters(), from: .french, to: .english)
        }
    }

    @Test func corruptFilesAreRefusedWithTheirName() throws {
        let path = BundledModels.directory + "/fr-en.bin"
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var altered = bytes
        altered[bytes.count / 2] ^= 0x5A
        let cases: [([UInt8], String)] = [
            (Array(bytes.prefix(bytes.count - 1000)), "checksum"),
            (altered, "checksum"),
            (Array("PLID".utf8) + bytes.dropFirst(4), "PRLYMT02"),
            ([], "PRLYMT02"),
            (Array("PRLYMT01".utf8) + bytes.dropFirst(8), "older model format"),
        ]
        for (data, reason) in cases {
            do {
                _ = try TranslationModel(bytes: data, file: "bad.bin", parameters: DecoderParameters(), from: .french, to: .english)
                Issue.record("a corrupt model loaded")
            } catch {
                guard case .corruptModel(let file, let message) = error else { Issue.record("\(error)"); continue }
                #expect(file == "bad.bin")
                #expect(message.contains(reason))
                #expect(error.description.hasPrefix("bad.bin: error:"))
            }
        }
    }

    @Test func parameterFilesReportLineAndColumn() {
        #expect(throws: TranslationError.badParameters(file: "p", line: 3, column: 11, reason: "`x` is not a number")) {
            try DecoderParameters(text: "# weights\nweight.lm 0.5\nweight.lm x\n", file: "p")
        }
        #expect(throws: TranslationError.badParameters(file: "p", line: 1, column: 3, reason: "unknown parameter `weight.nope`")) {
            try DecoderParameters(text: "  weight.nope 1", file: "p")
        }
        var parameters = DecoderParameters()
        #expect(throws: Never.self) { try parameters.set(["weight.lm=0.25", "search.beam=4"]) }
        #expect(parameters.languageModel == 0.25 && parameters.beamSize == 4 && parameters.forward == 1)
    }

    @Test func bundledParametersParse() throws {
        for pair in ["fr-en", "en-fr"] {
            let parameters = try DecoderParameters(contentsOf: BundledModels.directory + "/\(pair).params")
            #expect(parameters.beamSize >= 1)
        }
    }
}
