/// The languages ParleyTone has lexicons for.
public enum ToneLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case fr, en

    /// The other language, consulted when a word is missing from this one's lexicon (mixed FR/EN chat).
    public var other: ToneLanguage { self == .fr ? .en : .fr }

    /// Reads a language code (`fr`, `en`, `fr-FR`, `en_GB`); nil for any other language. O(1).
    public init?(code: String) {
        let prefix = code.lowercased().prefix(2)
        switch prefix {
        case "fr": self = .fr
        case "en": self = .en
        default: return nil
        }
    }
}
