#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ParleyText

/// One direction's trained model: phrase table, target language model and decoder parameters
/// (`Models/translation/<from>-<to>.bin` and `.params`, built by `Scripts/translation/train.py`).
/// Immutable and `Sendable`: load once, share between tasks.
public struct TranslationModel: Sendable {
    public let source: TranslationLanguage
    public let target: TranslationLanguage
    /// The model file it came from.
    public let file: String
    /// Weights, search limits and confidence coefficients; callers may adjust them (tuning).
    public var parameters: DecoderParameters
    let phrases: PhraseTable
    let languageModel: NGramModel

    /// Loads `<directory>/<from>-<to>.bin` and its `.params`.
    /// - Throws: ``TranslationError/unsupportedPair(from:to:)`` when `from == to`; model errors naming the file.
    /// - Complexity: reads and checks the file once (about 18 MB: a few hundred milliseconds), then
    ///   builds two vocabulary dictionaries; resident size is about the file's size.
    public init(directory: String, from source: TranslationLanguage, to target: TranslationLanguage) throws(TranslationError) {
        guard source != target else { throw .unsupportedPair(from: source.rawValue, to: target.rawValue) }
        let base = directory + "/\(source.rawValue)-\(target.rawValue)"
        try self.init(contentsOf: base + ".bin", parameters: try DecoderParameters(contentsOf: base + ".params"), from: source, to: target)
    }

    /// Loads a model file with the given parameters.
    public init(contentsOf path: String, parameters: DecoderParameters, from source: TranslationLanguage, to target: TranslationLanguage) throws(TranslationError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadableModel(file: path) }
        try self.init(bytes: [UInt8](data), file: path, parameters: parameters, from: source, to: target)
    }

    /// Reads a model from its bytes; `file` names it in errors.
    public init(bytes: [UInt8], file: String, parameters: DecoderParameters, from source: TranslationLanguage, to target: TranslationLanguage) throws(TranslationError) {
        var reader = try ModelReader(bytes: bytes, file: file)
        let sections = try reader.u32()
        try reader.check(sections == 6, "expected 6 sections, found \(sections) (retrain with Scripts/translation/train.py)")
        phrases = try PhraseTable(reader: &reader)
        languageModel = try NGramModel(reader: &reader, vocabularySize: phrases.targetWords.count)
        try reader.check(reader.offset == reader.end, "\(reader.end - reader.offset) bytes after the last section")
        self.file = file
        self.parameters = parameters
        self.source = source
        self.target = target
    }

    /// The bundled model of a pair, from ``ResourceLocator/modelsDirectory()``/translation.
    public static func bundled(from source: TranslationLanguage, to target: TranslationLanguage) throws(TranslationError) -> TranslationModel {
        guard let directory = ResourceLocator.modelsDirectory() else { throw .modelsDirectoryNotFound }
        return try TranslationModel(directory: directory + "/translation", from: source, to: target)
    }

    /// Number of source phrases and of translation options, for reports.
    public var size: (phrases: Int, options: Int, ngrams: Int) {
        (phrases.phraseCount, phrases.optionOffsets.count - 1, languageModel.keys.count)
    }
}
