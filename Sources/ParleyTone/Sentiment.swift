import ParleyText

/// The mood of a message.
public struct Sentiment: Hashable, Sendable, Codable {
    public enum Label: String, Hashable, Sendable, Codable, CaseIterable {
        case pos, neu, neg
    }

    /// One word, phrase, emoji or emoticon that moved the score, after the heuristics.
    public struct Contribution: Hashable, Sendable, Codable {
        public var span: TextSpan
        /// Its valence after negation, boosters, capitals, contrast (VADER's scale, about -4..4).
        public var valence: Double
        /// The lexicon line it comes from.
        public var source: LexiconSource?
        /// The word was negated (pas, not, sans…).
        public var negated: Bool
    }

    /// VADER's normalized sum of valences, in [-1, 1].
    public var compound: Double
    public var label: Label
    public var contributions: [Contribution]

    public init(compound: Double = 0, label: Label = .neu, contributions: [Contribution] = []) {
        self.compound = compound
        self.label = label
        self.contributions = contributions
    }
}
