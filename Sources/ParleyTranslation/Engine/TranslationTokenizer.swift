import ParleyText

/// One unit the translation model reads: a lower-cased word, a clitic, a punctuation mark or a
/// placeholder (`<url>`, `<amount>`…) standing for a span that passes through untouched.
struct SourceUnit: Hashable, Sendable {
    /// The unit as the model spells it.
    var text: String
    /// Index of the message token it comes from.
    var token: Int
    /// A placeholder: the token's original text is emitted (amounts reformatted) instead of a translation.
    var isPlaceholder: Bool
}

/// Builds translation units from a segmented ``Message``, exactly as `Scripts/translation/mt_tokenize.py`
/// does from raw text (checked on a shared sample by the tests): lower case, elisions and clitics
/// split, French pronouns after a hyphen split, one unit per punctuation mark, placeholders.
enum TranslationTokenizer {
    static let clitics = ["'s", "'m", "'re", "'ve", "'ll", "'d"]

    /// The placeholder of a pass-through token kind, nil for kinds that are translated.
    static func placeholder(for kind: TokenKind) -> String? {
        switch kind {
        case .url: "<url>"
        case .email: "<email>"
        case .mention: "<mention>"
        case .hashtag: "<tag>"
        case .amount: "<amount>"
        case .number, .phone: "<num>"
        case .emoji, .emoticon: "<emoji>"
        case .word, .punctuation, .symbol, .whitespace: nil
        }
    }

    /// Appends the units of `message` to `units` (cleared first).
    /// - Complexity: O(message length); small strings only (no allocation for units of ≤ 15 bytes).
    static func units(of message: Message, into units: inout [SourceUnit]) {
        units.removeAll(keepingCapacity: true)
        for (index, token) in message.tokens.enumerated() {
            if let placeholder = placeholder(for: token.kind) {
                units.append(SourceUnit(text: placeholder, token: index, isPlaceholder: true))
                continue
            }
            switch token.kind {
            case .whitespace: continue
            case .word:
                appendWord(normalizedApostrophes(message.normalizedText(of: token)).lowercased(), token: index, to: &units)
            default:
                appendPunctuation(normalizedApostrophes(message.normalizedText(of: token)), token: index, to: &units)
            }
        }
    }

    /// The units of a message, as strings (for tests and `parley translate --units`).
    static func units(of message: Message) -> [String] {
        var result: [SourceUnit] = []
        units(of: message, into: &result)
        return result.map(\.text)
    }

    static func normalizedApostrophes(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\u{2019}" || $0 == "\u{02BC}" || $0 == "\u{2018}" }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar == "\u{2019}" || scalar == "\u{02BC}" || scalar == "\u{2018}" ? "'" : scalar)
        }
        return String(scalars)
    }

    private static func appendWord(_ word: String, token: Int, to units: inout [SourceUnit]) {
        if let (stem, clitic) = splitClitic(word) {
            units.append(SourceUnit(text: stem, token: token, isPlaceholder: false))
            units.append(SourceUnit(text: clitic, token: token, isPlaceholder: false))
            return
        }
        var stem = Substring(word)
        var suffixes: [Substring] = []
        while let (rest, suffix) = splitInversion(stem) {
            stem = rest
            suffixes.append(suffix)
        }
        units.append(SourceUnit(text: String(stem), token: token, isPlaceholder: false))
        for suffix in suffixes.reversed() { units.append(SourceUnit(text: String(suffix), token: token, isPlaceholder: false)) }
    }

    /// French pronouns joined to a verb by a hyphen: `avez-vous` → (`avez`, `-vous`), `dispose-t-elle`
    /// → (`dispose`, `-t-elle`); the last one only (callers repeat: `donne-le-moi`).
    static let hyphenPronouns: Set<Substring> = ["je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "moi", "toi",
                                                 "le", "la", "les", "lui", "leur", "y", "en", "ce"]

    static func splitInversion(_ word: Substring) -> (Substring, Substring)? {
        guard let hyphen = word.lastIndex(of: "-") else { return nil }
        let pronoun = word[word.index(after: hyphen)...]
        guard hyphenPronouns.contains(pronoun) else { return nil }
        var start = hyphen
        // the euphonic t: dispose-t-elle
        if word[..<hyphen].hasSuffix("-t"), word.distance(from: word.startIndex, to: hyphen) > 2 {
            start = word.index(hyphen, offsetBy: -2)
        }
        let stem = word[..<start]
        guard let last = stem.unicodeScalars.last, last.properties.isAlphabetic || last.properties.numericType != nil || last == "_" else {
            return nil
        }
        return (stem, word[start...])
    }

    /// `don't` → (`do`, `n't`), `it's` → (`it`, `'s`); the stem holds no apostrophe.
    static func splitClitic(_ word: String) -> (String, String)? {
        let suffix: String?
        if word.hasSuffix("n't") {
            suffix = "n't"
        } else {
            suffix = clitics.first { word.hasSuffix($0) }
        }
        guard let suffix else { return nil }
        let stem = word.utf8.dropLast(suffix.utf8.count)
        guard !stem.isEmpty, !stem.contains(UInt8(ascii: "'")), let first = String(stem)?.unicodeScalars.first,
            first.properties.isAlphabetic || first.properties.numericType != nil || first == "_"
        else { return nil }
        return (String(stem)!, suffix)
    }

    /// One unit per mark; `...` and `…` are one unit `...`; typographic double quotes become `"`.
    private static func appendPunctuation(_ text: String, token: Int, to units: inout [SourceUnit]) {
        var characters = Substring(text)
        while let first = characters.first {
            if characters.hasPrefix("...") {
                units.append(SourceUnit(text: "...", token: token, isPlaceholder: false))
                characters = characters.dropFirst(3)
                continue
            }
            characters = characters.dropFirst()
            if first.isWhitespace { continue }
            let unit: String
            switch first {
            case "…": unit = "..."
            case "«", "»", "“", "”", "„": unit = "\""
            default: unit = String(first)
            }
            units.append(SourceUnit(text: unit, token: token, isPlaceholder: false))
        }
    }
}
