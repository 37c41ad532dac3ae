import ParleyText

/// A stretch of a message in one language, from its first to its last word with language evidence.
///
/// Tokens without evidence (numbers, URLs, e-mails, emoji, names) between two spans belong to
/// neither; inside a span they are covered by its range.
public struct LanguageSpan: Hashable, Sendable {
    /// The language of the stretch (``Language/und`` for a language Parley does not answer).
    public var language: Language
    /// Where the stretch is in the original text (UTF-8 and UTF-16 offsets).
    public var span: TextSpan
    /// Indices into ``Message/tokens`` from the first to the last word of the stretch.
    public var tokens: Range<Int>
    /// The number of words that gave evidence.
    public var words: Int

    public init(language: Language, span: TextSpan, tokens: Range<Int>, words: Int) {
        self.language = language
        self.span = span
        self.tokens = tokens
        self.words = words
    }
}
