import ParleyLanguage
import ParleyModeration
import ParleyText
import ParleyTone

/// The answer to `POST /v1/analyze`: language with spans, moderation verdict, tone, counts.
public struct AnalyzeResponse: Codable, Hashable, Sendable {
    public var messageId: String
    public var conversationId: String
    public var moderation: Verdict
    public var language: LanguageJSON
    public var tone: ToneReport
    public var counts: CountsJSON
    /// The ``ResourceSnapshot/version`` that produced the answer.
    public var resourcesVersion: String
}

/// The answer to `POST /v1/moderate`: the verdict alone.
public struct ModerateResponse: Codable, Hashable, Sendable {
    public var messageId: String
    public var conversationId: String
    public var moderation: Verdict
    public var resourcesVersion: String
}

/// The language part of an analysis.
public struct LanguageJSON: Codable, Hashable, Sendable {
    public struct Hypothesis: Codable, Hashable, Sendable {
        public var language: String
        public var probability: Double
    }

    public struct Span: Codable, Hashable, Sendable {
        public var language: String
        /// Byte and UTF-16 offsets into the message text, `[start, end)`.
        public var utf8: [Int]
        public var utf16: [Int]
        public var words: Int
    }

    /// The dominant language (`fr`, `en`, `es`, `de`) or `und`.
    public var code: String
    public var hypotheses: [Hypothesis]
    public var spans: [Span]
    /// How many words carried evidence.
    public var evidence: Int

    init(_ result: LanguageResult) {
        code = result.code
        hypotheses = result.hypotheses.map { Hypothesis(language: $0.language.rawValue, probability: ($0.probability * 10000).rounded() / 10000) }
        spans = result.spans.map {
            Span(language: $0.language.rawValue, utf8: [$0.span.utf8.lowerBound, $0.span.utf8.upperBound],
                 utf16: [$0.span.utf16.lowerBound, $0.span.utf16.upperBound], words: $0.words)
        }
        evidence = result.evidence
    }
}

/// Sizes of a message.
public struct CountsJSON: Codable, Hashable, Sendable {
    public var utf8: Int
    public var utf16: Int
    public var scalars: Int
    public var graphemes: Int
    public var tokens: Int
    public var words: Int

    init(_ message: Message) {
        utf8 = message.counts.utf8
        utf16 = message.counts.utf16
        scalars = message.counts.scalars
        graphemes = message.counts.graphemes
        tokens = message.tokens.count
        words = message.tokens.reduce(0) { $0 + ($1.kind == .word ? 1 : 0) }
    }
}

/// One item of a batch answer: the analysis, or the problem of that message alone.
public struct BatchItem: Codable, Hashable, Sendable {
    public var index: Int
    public var result: AnalyzeResponse?
    public var problem: Problem?
}

/// The answer to `POST /v1/batch`.
public struct BatchResponse: Codable, Hashable, Sendable {
    public var results: [BatchItem]
    public var analysed: Int
    public var failed: Int
}
