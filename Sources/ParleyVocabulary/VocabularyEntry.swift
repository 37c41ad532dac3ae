/// One term of the trade vocabulary: the form to suggest, its other spellings, and how likely it is.
public struct VocabularyEntry: Hashable, Sendable, Codable {
    /// The lowest and highest weights a file may give.
    public static let weightRange = 0...100
    /// The weight of an entry that gives none.
    public static let defaultWeight = 10

    public var kind: VocabularyKind
    /// The form suggested, written properly (`café-concert`, `Shure SM58`).
    public var canonical: String
    /// Other spellings that complete to the canonical form (`cafe concert`, `SM58`).
    public var variants: [String]
    /// 0 to 100: how often the trade wants this term; ranks suggestions.
    public var weight: Int
    /// Where the entry was defined (`Lexicons/vocabulary/fr/venues.vocab:4`), for moderators.
    public var source: String

    public init(kind: VocabularyKind, canonical: String, variants: [String] = [], weight: Int = VocabularyEntry.defaultWeight,
                source: String = "") {
        self.kind = kind
        self.canonical = canonical
        self.variants = variants
        self.weight = weight
        self.source = source
    }

    /// The canonical form followed by the variants.
    public var forms: [String] { [canonical] + variants }
}
