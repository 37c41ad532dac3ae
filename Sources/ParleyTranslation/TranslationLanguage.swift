/// A language Parley translates from or to. French and English are the pairs the trade needs; the
/// engine answers `TranslationError.unsupportedPair` for anything else.
public enum TranslationLanguage: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case french = "fr"
    case english = "en"

    /// Parses an ISO 639-1 code or a BCP 47 tag whose language is French or English ("fr", "fr-CA",
    /// "EN_gb"); nil for any other language.
    public init?(code: String) {
        let language = code.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        self.init(rawValue: language)
    }

    /// The other language of the pair.
    public var other: TranslationLanguage {
        switch self {
        case .french: .english
        case .english: .french
        }
    }

    public var description: String { rawValue }
}
