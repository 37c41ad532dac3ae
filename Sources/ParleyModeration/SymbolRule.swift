/// A named rule from `rules.yaml`: the symbol lexicon entries and detectors fire, with its category,
/// weight and description, or a composite that fires when other symbols did.
public struct SymbolRule: Hashable, Sendable {
    public var name: String
    public var category: String
    public var weight: Double
    /// Descriptions by language (`fr`, `en`), shown in verdicts and `parley explain`.
    public var descriptions: [String: String]
    /// Composite: fires when every symbol of `all`, at least one of `any` (when not empty) and none of
    /// `none` fired, with the positioned hits of `all` within `within` units of each other (and of one
    /// `any` symbol too when `all` names at most one symbol).
    public var all: [String] = []
    public var any: [String] = []
    public var none: [String] = []
    public var within: Int?
    /// A minimum action when this symbol fires, whatever the score (policy limits use `block`).
    public var action: ModerationAction?
    public var source: LexiconSource

    public var isComposite: Bool { !all.isEmpty || !any.isEmpty }

    public func description(for language: String) -> String {
        descriptions[language] ?? descriptions["en"] ?? name
    }
}
