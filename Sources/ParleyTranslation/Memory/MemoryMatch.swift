/// A translation memory hit for a whole message.
public struct MemoryMatch: Sendable, Hashable {
    /// The stored translation, with the message's numbers, amounts (in the target's format), names,
    /// links and contacts put in place of the stored ones.
    public var target: String
    /// 1 for an exact match after folding (case, accents, spacing); below 1 for a fuzzy one: the
    /// token-level similarity, where numbers, amounts, names, links and contacts match any of their
    /// kind and each substituted one costs ``TranslationMemory/substitutionCost``.
    public var score: Double
    /// The stored source segment that matched, as written in the memory.
    public var sourceSegment: String

    public init(target: String, score: Double, sourceSegment: String) {
        self.target = target
        self.score = score
        self.sourceSegment = sourceSegment
    }
}
