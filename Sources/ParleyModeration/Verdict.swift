import ParleyText

/// One place in the message that made a rule fire.
public struct RuleMatch: Hashable, Sendable, Codable {
    /// Where, in the original text (UTF-8 bytes and UTF-16 units).
    public var span: TextSpan
    /// The original text under the span.
    public var text: String
    /// The lexicon line that matched (`Lexicons/fr/scam.map:12`), or nil for detectors.
    public var source: String?
}

/// A rule that fired, with the weight it added and everything a moderator needs to see why.
public struct FiredRule: Hashable, Sendable, Codable {
    public var symbol: String
    public var category: String
    /// The weight added to the category (0 for signals).
    public var weight: Double
    public var description: String
    /// Matched places; empty for whole-message rules (floods, limits, composites of unplaced rules).
    public var matches: [RuleMatch]
    /// Where the rule is defined: the lexicon line of the first match, or the `rules.yaml` line.
    public var source: String
    /// Extra facts (`count=51 limit=50`, `brand=flowstage`).
    public var detail: String?
}

/// What Parley decided about one message, and why.
public struct Verdict: Hashable, Sendable, Codable {
    public var action: ModerationAction
    /// `ok` or the category with the highest score when it reaches the first action threshold.
    public var label: String
    /// The report category of the spec for ``label`` (`arnaque`…), nil when `ok`.
    public var report: String?
    /// Score per scored category (every category, zeros included).
    public var scores: [String: Double]
    /// Every rule that fired, strongest first.
    public var rules: [FiredRule]
    /// One sentence in the message's language saying why (empty when allowed with nothing fired).
    public var reason: String
    /// The language the reason is written in (the caller's, else a guess).
    public var language: String
}
