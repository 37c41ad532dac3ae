import ParleyText

/// How heated a message is, and where the conversation is going.
public struct Tension: Hashable, Sendable, Codable {
    public struct Cue: Hashable, Sendable, Codable {
        public var kind: ConflictCueKind
        public var span: TextSpan
        public var weight: Double
        public var source: LexiconSource?
    }

    /// The conversation's tension over its last messages.
    public struct Trend: Hashable, Sendable, Codable {
        /// Exponentially weighted tension of the recent messages, this one included, in [0, 1).
        public var level: Double
        /// This message is clearly more tense than the ones before it.
        public var rising: Bool
        /// The level crossed the alert threshold: time for mediation tips.
        public var alert: Bool

        public init(level: Double, rising: Bool, alert: Bool) {
            self.level = level
            self.rising = rising
            self.alert = alert
        }
    }

    /// This message's tension, in [0, 1).
    public var score: Double
    public var cues: [Cue]
    public var shouting: Bool
    public var sarcasm: Bool
    public var trend: Trend

    public init(
        score: Double = 0, cues: [Cue] = [], shouting: Bool = false, sarcasm: Bool = false,
        trend: Trend = Trend(level: 0, rising: false, alert: false)
    ) {
        self.score = score
        self.cues = cues
        self.shouting = shouting
        self.sarcasm = sarcasm
        self.trend = trend
    }
}

/// Named weights of the conflict reading.
enum ConflictHeuristics {
    /// Raw tension r maps to r / (r + halfPoint): a single threat to call a lawyer (3) gives 0.6,
    /// an "inadmissible" (2) gives 0.5, a mild negative message well under 0.3.
    static let halfPoint = 2.0
    /// Shouting: at least this many words in capitals, and at least this share of the words.
    static let shoutingWords = 2
    static let shoutingShare = 0.5
    static let shoutingWeight = 1.5
    /// "!!!" and longer.
    static let exclamationRun = 3
    static let exclamationWeight = 0.5
    /// Ironic praise ("génial 🙄", "Bravo…").
    static let sarcasmWeight = 1.5
    /// Negative sentiment adds this times the negative compound score.
    static let negativeSentimentWeight = 1.5
    /// Weight of the newest message in the conversation's moving average.
    static let trendSmoothing = 0.5
    /// Messages of history the trend looks at.
    static let historyLength = 5
    /// A message is "rising" when it is this much more tense than the average before it.
    static let risingMargin = 0.15
    /// Trend level at which mediation tips appear.
    static let alertLevel = 0.4
}

/// Reads conflict cues (both languages), shouting and sarcasm, and the trend over a short history.
struct ConflictDetector {
    func detect(
        _ message: Message, view: MessageView, language: ToneLanguage, resources: ToneResources,
        sentiment: Sentiment, sarcasm: [TextSpan], history: [Double]
    ) -> Tension {
        typealias H = ConflictHeuristics
        let units = message.folded.units
        var cues: [Tension.Cue] = []
        resources.lexicon(language).conflict.scan(
            view.ids, starts: view.starts, bits: PhraseStarts.any(.conflict), fallback: resources.lexicon(language.other).conflict
        ) { entry, covered in
            let span = units[covered.lowerBound].span.union(units[covered.upperBound - 1].span)
            cues.append(Tension.Cue(kind: entry.payload.kind, span: span, weight: entry.payload.weight, source: entry.source))
        }
        let shouting =
            view.capsWords >= H.shoutingWords
            && Double(view.capsWords) >= H.shoutingShare * Double(max(1, view.wordTokens))
        if shouting, let first = message.tokens.first(where: { $0.kind == .word && $0.flags.contains(.allCaps) }) {
            cues.append(Tension.Cue(kind: .shouting, span: first.span, weight: H.shoutingWeight, source: nil))
        }
        if view.longestExclamationRun >= H.exclamationRun,
            let run = message.tokens.last(where: { $0.kind == .punctuation })
        {
            cues.append(Tension.Cue(kind: .hostility, span: run.span, weight: H.exclamationWeight, source: nil))
        }
        for span in sarcasm where !cues.contains(where: { $0.kind == .sarcasm && $0.span.utf8.overlaps(span.utf8) }) {
            cues.append(Tension.Cue(kind: .sarcasm, span: span, weight: H.sarcasmWeight, source: nil))
        }
        var raw = cues.reduce(0) { $0 + $1.weight }
        if sentiment.compound < 0 { raw += -sentiment.compound * H.negativeSentimentWeight }
        let score = raw / (raw + H.halfPoint)

        let recent = history.suffix(H.historyLength)
        var level = recent.first ?? score
        for value in recent.dropFirst() { level = H.trendSmoothing * value + (1 - H.trendSmoothing) * level }
        if !recent.isEmpty { level = H.trendSmoothing * score + (1 - H.trendSmoothing) * level }
        let average = recent.isEmpty ? 0 : recent.reduce(0, +) / Double(recent.count)
        let rising = score >= average + H.risingMargin
        let trend = Tension.Trend(level: level, rising: rising, alert: level >= H.alertLevel)
        return Tension(score: score, cues: cues, shouting: shouting, sarcasm: cues.contains { $0.kind == .sarcasm }, trend: trend)
    }
}
