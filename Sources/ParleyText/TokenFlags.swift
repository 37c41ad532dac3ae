/// Facts about a token beyond its kind.
public struct TokenFlags: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// A French elided article or pronoun split off its word: `l'`, `d'`, `j'`, `qu'`, `jusqu'`.
    public static let elision = TokenFlags(rawValue: 1 << 0)
    /// A compound joined by hyphens and kept whole: `café-concert`, `sound-check`.
    public static let hyphenated = TokenFlags(rawValue: 1 << 1)
    /// Written to slip past filters: spelled-out e-mails (`at`/`dot`), phones in words, `[at]`.
    public static let obfuscated = TokenFlags(rawValue: 1 << 2)
    /// Letters mixed with digits or symbols read as letters (`s3xy`, `arn@que`, `sal*pe`).
    public static let leet = TokenFlags(rawValue: 1 << 3)
    /// Letters of more than one script in one word (`pаypal` with a Cyrillic `а`).
    public static let mixedScript = TokenFlags(rawValue: 1 << 4)
    /// Every letter is upper case (and there are at least two).
    public static let allCaps = TokenFlags(rawValue: 1 << 5)
    /// The first letter is upper case.
    public static let capitalized = TokenFlags(rawValue: 1 << 6)
    /// Contains invisible characters (zero-width, soft hyphen, bidi controls, variation selectors).
    public static let invisibles = TokenFlags(rawValue: 1 << 7)
    /// An amount marked before tax (`HT`, `hors taxes`, `excl. VAT`).
    public static let beforeTax = TokenFlags(rawValue: 1 << 8)
    /// An amount marked tax included (`TTC`, `incl. VAT`).
    public static let taxIncluded = TokenFlags(rawValue: 1 << 9)
    /// A URL whose host is an IP literal.
    public static let ipLiteral = TokenFlags(rawValue: 1 << 10)
    /// A URL whose host has a punycode (`xn--`) label.
    public static let punycode = TokenFlags(rawValue: 1 << 11)
    /// A word with a letter repeated three times or more (`siiiick`).
    public static let elongated = TokenFlags(rawValue: 1 << 12)
    /// A word masked with asterisks (`f***ing`, `sal*pe`).
    public static let masked = TokenFlags(rawValue: 1 << 13)
}
