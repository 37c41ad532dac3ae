/// One word of a literal lexicon phrase, already folded like message text.
public struct PhraseWord: Hashable, Sendable {
    /// Folded UTF-8 bytes of the word, without wildcards.
    public var bytes: [UInt8]
    /// `word*`: matches any unit that starts with ``bytes``.
    public var isPrefix: Bool
    /// `*word`: matches any unit that ends with ``bytes``.
    public var isSuffix: Bool

    public init(bytes: [UInt8], isPrefix: Bool = false, isSuffix: Bool = false) {
        self.bytes = bytes
        self.isPrefix = isPrefix
        self.isSuffix = isSuffix
    }

    /// The word as written in a lexicon, wildcards included.
    public var text: String {
        (isSuffix ? "*" : "") + String(decoding: bytes, as: UTF8.self) + (isPrefix ? "*" : "")
    }
}

/// What a lexicon line matches.
public enum LexiconPattern: Hashable, Sendable {
    /// Folded words matched on consecutive units of the folded view.
    case phrase([PhraseWord])
    /// An ICU regular expression run on the folded text (``ParleyText/FoldedText/bytes``).
    case regex(pattern: String, flags: String)

    /// The pattern as a moderator would write it (folded form for phrases).
    public var text: String {
        switch self {
        case .phrase(let words): words.map(\.text).joined(separator: " ")
        case .regex(let pattern, let flags): "/\(pattern)/\(flags)"
        }
    }
}

/// One line of a lexicon map file: a pattern, the symbol it fires (or an allow-list entry), and where
/// it was written.
public struct LexiconEntry: Hashable, Sendable {
    public var pattern: LexiconPattern
    /// The symbol fired on a match (also kept on allow entries, for reports).
    public var symbol: String
    /// A weight that overrides the symbol's weight from `rules.yaml` for this entry only.
    public var weight: Double?
    /// An allow-list entry (`!phrase`): a match suppresses every lexicon match it overlaps.
    public var isAllow: Bool
    public var source: LexiconSource

    public init(pattern: LexiconPattern, symbol: String, weight: Double? = nil, isAllow: Bool = false, source: LexiconSource) {
        self.pattern = pattern
        self.symbol = symbol
        self.weight = weight
        self.isAllow = isAllow
        self.source = source
    }
}

/// An inline example of a map file (`# ok: …`, `# hit SYMBOL: …`) that `parley lint` runs as a test.
public struct LexiconExample: Hashable, Sendable {
    public enum Expectation: Hashable, Sendable {
        /// The message must be allowed: no scored category reaches the review threshold.
        case ok
        /// The symbol must fire on the message.
        case hit(symbol: String)
    }

    public var expectation: Expectation
    public var text: String
    public var source: LexiconSource

    public init(expectation: Expectation, text: String, source: LexiconSource) {
        self.expectation = expectation
        self.text = text
        self.source = source
    }
}

/// A domain list entry (`@domains SYMBOL` section): matches a URL host or e-mail domain and its subdomains.
public struct DomainEntry: Hashable, Sendable {
    public var domain: String
    public var symbol: String
    public var weight: Double?
    public var source: LexiconSource
}

/// A protected brand (`@brands` section): its name, folded, and the domains that really belong to it.
/// A host whose confusable skeleton contains the name but that is not one of the domains is a lookalike.
public struct BrandEntry: Hashable, Sendable {
    public var name: String
    /// The symbol a lookalike fires (`@brands SYMBOL`, default `URL_LOOKALIKE`).
    public var symbol: String
    public var officialDomains: [String]
    public var source: LexiconSource
}
