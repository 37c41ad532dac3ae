/// Everything the recognizer found in one message.
public struct LanguageResult: Sendable {
    /// The language, or `nil` when the evidence is missing or not reliable enough (see
    /// ``LanguageRecognizer/threshold``).
    public var dominantLanguage: Language?
    /// The allowed languages and ``Language/und`` (the mass of languages Parley does not answer), most
    /// probable first; the probabilities sum to 1. `[(und, 1)]` when nothing gave evidence.
    public var hypotheses: [(language: Language, probability: Double)]
    /// Language stretches in text order (one for a message in one language, several when mixed).
    public var spans: [LanguageSpan]
    /// Words (and `¿`/`¡` marks) that gave evidence.
    public var evidence: Int

    public init(dominantLanguage: Language?, hypotheses: [(language: Language, probability: Double)], spans: [LanguageSpan], evidence: Int) {
        self.dominantLanguage = dominantLanguage
        self.hypotheses = hypotheses
        self.spans = spans
        self.evidence = evidence
    }

    /// The answer as a code: the dominant language, or `und`.
    public var code: String { (dominantLanguage ?? .und).rawValue }
}
