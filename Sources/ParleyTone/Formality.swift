import ParleyText

/// The register of a message.
public struct Formality: Hashable, Sendable, Codable {
    public enum Level: String, Hashable, Sendable, Codable, CaseIterable {
        case familiar, neutral, formal
    }

    /// How the writer addresses the reader, in French.
    public enum Address: String, Hashable, Sendable, Codable, CaseIterable {
        case tu, vous, none
    }

    public struct Cue: Hashable, Sendable, Codable {
        public var kind: FormalityCueKind
        public var span: TextSpan
        /// > 0 formal, < 0 familiar.
        public var weight: Double
        public var source: LexiconSource?
    }

    public var level: Level
    /// Sum of the cues' weights.
    public var score: Double
    public var address: Address
    public var cues: [Cue]

    public init(level: Level = .neutral, score: Double = 0, address: Address = .none, cues: [Cue] = []) {
        self.level = level
        self.score = score
        self.address = address
        self.cues = cues
    }
}

/// Named thresholds of the register reading.
enum FormalityHeuristics {
    /// A score at or above this is formal: one closing formula ("Cordialement", 2) or a greeting with a
    /// title and "vous" (1.5 + 1) is enough; "Bonjour" alone (0.3) is not.
    static let formalThreshold = 1.5
    /// A score at or below this is familiar: "Salut" (-1) alone is not enough; "Salut, tu…" is.
    static let familiarThreshold = -1.5
    /// Emoji per word from which emoji make a message familiar ("trop bien 🔥🔥🎉").
    static let emojiDensity = 0.2
    static let emojiWeight = -1.0
    /// "!!" and longer runs are familiar.
    static let exclamationRun = 2
    static let exclamationWeight = -0.5
}

/// Reads the register from the formality lexicons of both languages (mixed chat), emoji and punctuation.
struct FormalityDetector {
    func detect(_ message: Message, view: MessageView, language: ToneLanguage, resources: ToneResources) -> Formality {
        typealias H = FormalityHeuristics
        let primary = resources.lexicon(language)
        let secondary = resources.lexicon(language.other)
        let units = message.folded.units
        var cues: [Formality.Cue] = []
        primary.formality.scan(
            view.ids, starts: view.starts, bits: PhraseStarts.any(.formality), fallback: secondary.formality
        ) { entry, covered in
            let span = units[covered.lowerBound].span.union(units[covered.upperBound - 1].span)
            cues.append(Formality.Cue(kind: entry.payload.kind, span: span, weight: entry.payload.weight, source: entry.source))
        }
        // Address words are matched on their own, so they count inside longer cues ("pourriez-vous"),
        // and only in the message's language (English "a ton of" says nothing about "tu").
        var tu = 0
        var vous = 0
        primary.address.scan(
            view.ids, starts: view.starts, bits: PhraseStarts.bit(.address, language), fallback: nil
        ) { entry, covered in
            var weight = entry.payload.weight
            // Only the first "tu" or "vous" counts towards the score: a message that says "vous"
            // five times is not five times as formal.
            if weight < 0 {
                tu += 1
                if tu > 1 { weight = 0 }
            } else {
                vous += 1
                if vous > 1 { weight = 0 }
            }
            let span = units[covered.lowerBound].span.union(units[covered.upperBound - 1].span)
            cues.append(Formality.Cue(kind: .address, span: span, weight: weight, source: entry.source))
        }
        let words = max(1, view.wordTokens)
        if view.emojiCount >= 2 && Double(view.emojiCount) / Double(words) >= H.emojiDensity {
            let first = message.tokens.first { $0.kind == .emoji || $0.kind == .emoticon }
            if let first { cues.append(Formality.Cue(kind: .emoji, span: first.span, weight: H.emojiWeight, source: nil)) }
        }
        if view.longestExclamationRun >= H.exclamationRun {
            let normalized = message.normalized
            let run = message.tokens.first { token in
                token.kind == .punctuation
                    && normalized[token.normalizedRange].reduce(0) { $0 + ($1 == UInt8(ascii: "!") ? 1 : 0) } >= H.exclamationRun
            }
            if let run { cues.append(Formality.Cue(kind: .punctuation, span: run.span, weight: H.exclamationWeight, source: nil)) }
        }
        let score = cues.reduce(0) { $0 + $1.weight }
        // "vous" is also the plural of "tu": when both appear, the writer is on "tu" terms.
        let address: Formality.Address = tu > 0 ? .tu : vous > 0 ? .vous : .none
        let level: Formality.Level = score >= H.formalThreshold ? .formal : score <= H.familiarThreshold ? .familiar : .neutral
        return Formality(level: level, score: score, address: address, cues: cues)
    }
}
