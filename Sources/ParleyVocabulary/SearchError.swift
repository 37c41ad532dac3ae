/// Why search analysis could not start or run.
public enum SearchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// libstemmer has no stemmer for this algorithm.
    case stemmerUnavailable(String)
    /// A language code that the analyzer does not support.
    case unknownLanguage(String)
    /// No language was given.
    case noLanguage
    /// The segmenter could not open (ICU failure).
    case segmenterUnavailable(String)

    public var description: String {
        switch self {
        case .stemmerUnavailable(let name): "libstemmer has no '\(name)' stemmer"
        case .unknownLanguage(let code): "unsupported search language '\(code)' (expected fr or en)"
        case .noLanguage: "at least one search language is needed"
        case .segmenterUnavailable(let reason): "cannot open a segmenter: \(reason)"
        }
    }
}
