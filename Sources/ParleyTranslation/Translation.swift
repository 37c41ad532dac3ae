import ParleyText

/// The translation of one message, with what a UI needs to show or hide it.
public struct Translation: Hashable, Sendable {
    /// One phrase of the translation: where it came from in the source message and where it is in ``text``.
    public struct Alignment: Hashable, Sendable {
        /// Span in the source message's original text.
        public var source: TextSpan
        /// Span in ``Translation/text``.
        public var target: TextSpan
    }

    /// A forced phrase (glossary term) that the translation kept.
    public struct GlossaryHit: Hashable, Sendable {
        /// The term's id in its glossary (empty for forced phrases given without one).
        public var termID: String
        /// Span of the term in the source message.
        public var source: TextSpan
        /// The form emitted.
        public var target: String
        /// Span of that form in ``Translation/text``.
        public var targetSpan: TextSpan
    }

    public var text: String
    public var source: TranslationLanguage
    public var target: TranslationLanguage
    /// Probability that the translation is usable (sentence chrF ≥ 50 on held-out data), from a logistic
    /// model over the decoder's score per word, unknown words, glossary coverage and length ratio,
    /// calibrated by `Scripts/translation/tune.py`.
    public var confidence: Double
    /// What ``confidence`` was computed from.
    public var features: ConfidenceFeatures
    /// Source words the model did not know (copied as written).
    public var unknownWords: [String]
    public var glossaryHits: [GlossaryHit]
    public var alignments: [Alignment]
    /// The translation memory's score when its stored translation was used (1 = exact match), else nil.
    public var memoryScore: Double?

    /// Whether the text came from the translation memory.
    public var usedMemory: Bool { memoryScore != nil }
}

/// A translation imposed on a range of the message's tokens (a glossary term): placed as one phrase,
/// it always wins over the model's options.
public struct ForcedPhrase: Hashable, Sendable {
    /// Token indices in `message.tokens`.
    public var tokens: Range<Int>
    /// The text to emit, as is.
    public var target: String
    /// The glossary term id, reported in ``Translation/glossaryHits``.
    public var termID: String

    public init(tokens: Range<Int>, target: String, termID: String = "") {
        self.tokens = tokens
        self.target = target
        self.termID = termID
    }
}

/// The per-message features of the confidence model.
public struct ConfidenceFeatures: Hashable, Sendable {
    /// Decoder score (log domain, weighted) per source unit; higher is better.
    public var scorePerUnit: Double
    /// Share of source words the model did not know.
    public var unknownRatio: Double
    /// Share of source units covered by forced (glossary) phrases.
    public var glossaryRatio: Double
    /// |target tokens − source units| / source units.
    public var lengthRatio: Double

    /// The logistic model of `parameters` over these features, in [0, 1].
    public func confidence(_ parameters: DecoderParameters) -> Double {
        let z = parameters.confidenceBias + parameters.confidenceScorePerWord * scorePerUnit
            + parameters.confidenceUnknownRatio * unknownRatio + parameters.confidenceGlossaryRatio * glossaryRatio
            + parameters.confidenceLengthRatio * lengthRatio
        return 1 / (1 + Self.exp(-z))
    }

    /// e^x without Foundation: range reduction by ln 2 and a Taylor series (relative error < 1e-15).
    static func exp(_ x: Double) -> Double {
        if x > 700 { return .infinity }
        if x < -700 { return 0 }
        let ln2 = 0.693_147_180_559_945_3
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0, sum = 1.0
        for n in 1...16 {
            term *= r / Double(n)
            sum += term
        }
        return Double(sign: .plus, exponent: Int(k), significand: 1) * sum
    }
}
