/// One suggestion for what the user is typing.
public struct Completion: Hashable, Sendable, Codable {
    /// The form to insert: the entry's canonical form (`café-concert`).
    public var text: String
    public var kind: VocabularyKind
    /// The form the prefix matched: the canonical form or one of its variants (`caf'conc`).
    public var matched: String
    /// The entry's weight (0–100).
    public var weight: Int
    /// The ranking score: weight, plus the boost from recent use, plus a bonus for a whole-word match.
    public var score: Double
    /// Edits between the prefix and the matched form's start: 0, or 1 for a typo-tolerant match.
    public var distance: Int
    /// Whether the caller's recent usage boosted this suggestion.
    public var recentlyUsed: Bool

    public init(text: String, kind: VocabularyKind, matched: String, weight: Int, score: Double, distance: Int, recentlyUsed: Bool) {
        self.text = text
        self.kind = kind
        self.matched = matched
        self.weight = weight
        self.score = score
        self.distance = distance
        self.recentlyUsed = recentlyUsed
    }
}
