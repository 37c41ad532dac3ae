/// What a token is. Kinds are decided once, by the segmenter, so every stage agrees.
public enum TokenKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Letters (possibly with digits, leet or masking characters): `concert`, `café-concert`, `s3xy`, `l'`.
    case word
    /// Digits, grouped numbers and digit-led words: `15`, `2 500`, `17h`, `4pm`, `2x2m`.
    case number
    /// A sum of money: `1 500 €`, `2k€`, `2 000 euros HT`, `$1,200`, `800 balles`.
    case amount
    /// A link: `https://…`, `www.…`, bare domains (`bit.ly/x`, `example.fr`), IP literals, punycode.
    case url
    /// An e-mail address, also obfuscated (`jean at gmail dot com`, `jean[at]gmail.com`).
    case email
    /// A phone number: `06 12 34 56 78`, `+33 6 12 34 56 78`, international, or spelled out in words.
    case phone
    /// `@name`.
    case mention
    /// `#tag`.
    case hashtag
    /// One whole emoji grapheme cluster (ZWJ sequences, flags, skin tones, keycaps).
    case emoji
    /// A text emoticon: `:)`, `:-(`, `<3`, `xD`, `^^`.
    case emoticon
    /// A run of punctuation: `!!!`, `?!`, `...`.
    case punctuation
    /// Other symbols: `+`, `€` alone, `&`.
    case symbol
    /// A run of white space (including NBSP and line breaks).
    case whitespace

    /// Whether the token carries words of a language (what language ID and lexicons look at).
    public var isLexical: Bool { self == .word }
}
