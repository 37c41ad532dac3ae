#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The log-linear weights, search limits and confidence coefficients of one direction, read from
/// `Models/translation/<from>-<to>.params` (`key value` lines, `#` comments; tuned by
/// `Scripts/translation/tune.py`).
public struct DecoderParameters: Hashable, Sendable {
    public var forward: Float = 1.0
    public var backward: Float = 0.3
    public var lexicalForward: Float = 0.3
    public var lexicalBackward: Float = 0.2
    public var languageModel: Float = 0.7
    public var wordPenalty: Float = -0.3
    public var distortion: Float = -0.3
    public var unknown: Float = -5.0
    /// Hypotheses kept per stack (histogram pruning).
    public var beamSize = 6
    /// How far (in source units) the decoder may jump ahead of the first untranslated word.
    public var distortionLimit = 4
    /// Translations tried per source phrase (the file keeps the best 8).
    public var optionsPerPhrase = 4
    /// Logistic confidence: bias and coefficients of its features (see ``Translation/confidence``).
    public var confidenceBias: Double = 0
    public var confidenceScorePerWord: Double = 1
    public var confidenceUnknownRatio: Double = -3
    public var confidenceGlossaryRatio: Double = 1
    public var confidenceLengthRatio: Double = 0

    public init() {}

    /// The names used in the files, with their values.
    static var keys: [String: WritableKeyPath<DecoderParameters, Double>] { [
        "weight.tm.forward": \.forwardValue, "weight.tm.backward": \.backwardValue,
        "weight.tm.lex-forward": \.lexicalForwardValue, "weight.tm.lex-backward": \.lexicalBackwardValue,
        "weight.lm": \.languageModelValue, "weight.word-penalty": \.wordPenaltyValue,
        "weight.distortion": \.distortionValue, "weight.unknown": \.unknownValue,
        "search.beam": \.beamSizeValue, "search.distortion-limit": \.distortionLimitValue,
        "search.options": \.optionsPerPhraseValue,
        "confidence.bias": \.confidenceBias, "confidence.score-per-word": \.confidenceScorePerWord,
        "confidence.unknown-ratio": \.confidenceUnknownRatio, "confidence.glossary-ratio": \.confidenceGlossaryRatio,
        "confidence.length-ratio": \.confidenceLengthRatio,
    ] }

    /// Reads a parameter file; unknown keys and bad numbers are errors with file:line:col.
    /// - Complexity: start-up only (Foundation file read).
    public init(contentsOf path: String) throws(TranslationError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadableModel(file: path) }
        try self.init(text: String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses parameter text; `file` names it in errors.
    public init(text: String, file: String) throws(TranslationError) {
        try apply(text, file: file)
    }

    /// Sets the parameters named in `text` (same syntax as the files), keeping the others.
    public mutating func apply(_ text: String, file: String) throws(TranslationError) {
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.isEmpty { continue }
            let column = (line.firstIndex(where: { $0 != " " && $0 != "\t" }).map { line.distance(from: line.startIndex, to: $0) } ?? 0) + 1
            guard fields.count == 2 else {
                throw .badParameters(file: file, line: number + 1, column: column, reason: "expected `key value`")
            }
            guard let path = Self.keys[String(fields[0])] else {
                throw .badParameters(file: file, line: number + 1, column: column, reason: "unknown parameter `\(fields[0])`")
            }
            guard let value = Double(fields[1]), value.isFinite else {
                let valueColumn = line.distance(from: line.startIndex, to: fields[1].startIndex) + 1
                throw .badParameters(file: file, line: number + 1, column: valueColumn, reason: "`\(fields[1])` is not a number")
            }
            self[keyPath: path] = value
        }
        guard beamSize >= 1, distortionLimit >= 0, optionsPerPhrase >= 1 else {
            throw .badParameters(file: file, line: 1, column: 1, reason: "search.beam and search.options must be ≥ 1, search.distortion-limit ≥ 0")
        }
    }

    /// Overrides values from `key=value` pairs (the CLI's `--set`, used by the tuning script).
    public mutating func set(_ assignments: [String]) throws(TranslationError) {
        let lines = assignments.map { $0.split(separator: "=", maxSplits: 1).joined(separator: " ") }
        try apply(lines.joined(separator: "\n"), file: "--set")
    }

    var forwardValue: Double { get { Double(forward) } set { forward = Float(newValue) } }
    var backwardValue: Double { get { Double(backward) } set { backward = Float(newValue) } }
    var lexicalForwardValue: Double { get { Double(lexicalForward) } set { lexicalForward = Float(newValue) } }
    var lexicalBackwardValue: Double { get { Double(lexicalBackward) } set { lexicalBackward = Float(newValue) } }
    var languageModelValue: Double { get { Double(languageModel) } set { languageModel = Float(newValue) } }
    var wordPenaltyValue: Double { get { Double(wordPenalty) } set { wordPenalty = Float(newValue) } }
    var distortionValue: Double { get { Double(distortion) } set { distortion = Float(newValue) } }
    var unknownValue: Double { get { Double(unknown) } set { unknown = Float(newValue) } }
    var beamSizeValue: Double { get { Double(beamSize) } set { beamSize = Int(newValue) } }
    var distortionLimitValue: Double { get { Double(distortionLimit) } set { distortionLimit = Int(newValue) } }
    var optionsPerPhraseValue: Double { get { Double(optionsPerPhrase) } set { optionsPerPhrase = Int(newValue) } }
}
