/// A language the search analyzer stems and drops stop words for.
public enum SearchLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case french = "fr"
    case english = "en"

    /// The Snowball algorithm name in libstemmer.
    var snowballAlgorithm: String {
        switch self {
        case .french: "french"
        case .english: "english"
        }
    }

    /// Parses `fr`, `en`, `french`, `english` (any case).
    public init?(code: String) {
        switch code.lowercased() {
        case "fr", "fra", "fre", "french", "français", "francais": self = .french
        case "en", "eng", "english", "anglais": self = .english
        default: return nil
        }
    }
}
