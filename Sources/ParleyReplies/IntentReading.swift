import ParleyText

/// What a received message is about: the winning intent, how sure the reading is, and the cues that
/// decided it (with their spans in the original text and the cue file line).
public struct IntentReading: Sendable, Hashable {
    public struct Cue: Sendable, Hashable {
        public var intent: ReplyIntent
        public var span: TextSpan
        public var weight: Double
        /// `file:line` of the cue.
        public var source: String
    }

    public var intent: ReplyIntent
    /// In [0, 1]: the winner's share of all cue weight, damped when the winner's own weight is small
    /// (one weak cue is not a sure reading). 0 for ``ReplyIntent/other``.
    public var confidence: Double
    /// The cues kept after overlaps were resolved (longest phrase wins), in text order.
    public var cues: [Cue]
    /// Every intent with cue weight, strongest first (the winner first).
    public var scores: [(intent: ReplyIntent, score: Double)]

    public init(intent: ReplyIntent = .other, confidence: Double = 0, cues: [Cue] = [], scores: [(intent: ReplyIntent, score: Double)] = []) {
        self.intent = intent
        self.confidence = confidence
        self.cues = cues
        self.scores = scores
    }

    public static func == (lhs: IntentReading, rhs: IntentReading) -> Bool {
        lhs.intent == rhs.intent && lhs.confidence == rhs.confidence && lhs.cues == rhs.cues
            && lhs.scores.map(\.intent) == rhs.scores.map(\.intent) && lhs.scores.map(\.score) == rhs.scores.map(\.score)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(intent)
        hasher.combine(confidence)
        hasher.combine(cues)
    }

    mutating func reset() {
        intent = .other
        confidence = 0
        cues.removeAll(keepingCapacity: true)
        scores.removeAll(keepingCapacity: true)
    }
}

/// Named constants of the intent reading.
enum IntentHeuristics {
    /// The weight at which one intent's cues make a sure reading on their own: a strong phrase
    /// ("quel est votre cachet", 3) is; a lone weak word ("prix", 1) gives about half the confidence.
    static let sureWeight = 3.0
    /// Greetings and thanks open and close messages that are about something else ("Bonjour, quel est
    /// votre cachet ? Merci"): they win only when nothing else is said, so their weight counts this much
    /// against other intents.
    static let courtesyFactor = 0.5
}
