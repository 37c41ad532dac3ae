import CStemmer

/// A Snowball stemmer (libstemmer) for one language.
///
/// Not thread-safe and not `Sendable`: libstemmer keeps its working buffer in the stemmer, so each
/// ``SearchAnalyzer`` owns its own and reuses it for every word.
public final class Stemmer {
    public let language: SearchLanguage
    private let handle: OpaquePointer

    /// Opens the stemmer of a language.
    /// - Throws: ``SearchError/stemmerUnavailable(_:)`` when libstemmer lacks the algorithm.
    public init(language: SearchLanguage) throws(SearchError) {
        guard let handle = sb_stemmer_new(language.snowballAlgorithm, "UTF_8") else {
            throw SearchError.stemmerUnavailable(language.snowballAlgorithm)
        }
        self.language = language
        self.handle = handle
    }

    deinit { sb_stemmer_delete(handle) }

    /// Stems a lower-case UTF-8 word and hands the stem to `body` (valid only during the call).
    /// - Complexity: O(word length); no allocation after the stemmer's buffer has grown once.
    public func withStem<Result>(of word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let base = word.baseAddress, word.count > 0,
              let stem = sb_stemmer_stem(handle, base, Int32(word.count)) else {
            return body(word)
        }
        return body(UnsafeBufferPointer(start: stem, count: Int(sb_stemmer_length(handle))))
    }

    /// The stem of a word (allocates the string).
    public func stem(_ word: String) -> String {
        var word = word.lowercased()
        return word.withUTF8 { bytes in withStem(of: bytes) { String(decoding: $0, as: UTF8.self) } }
    }
}
