/// For each word id, the phrase tables (per language) that have a phrase starting with that word.
///
/// Every stage scans the message's units against its tables, and each table falls back to the other
/// language's: a dozen look-ups per unit, nearly all of which find nothing. One bit per table and
/// language, read once per unit into ``MessageView/starts``, lets a scan skip a unit with an AND.
struct PhraseStarts: Sendable {
    enum Table: Int, CaseIterable {
        case sentiment, modifiers, formality, address, urgency, conflict, dates
    }

    /// The bit of `table` in `language`.
    static func bit(_ table: Table, _ language: ToneLanguage) -> UInt16 {
        1 << UInt16(table.rawValue * ToneLanguage.allCases.count + language.index)
    }

    /// The bits of `table` in every language (a scan with a fallback to the other language).
    static func any(_ table: Table) -> UInt16 {
        ToneLanguage.allCases.reduce(0) { $0 | bit(table, $1) }
    }

    private let masks: [UInt16]

    /// - Complexity: O(words × tables); at load time.
    init(wordCount: Int, lexicons: [LanguageLexicons]) {
        var masks = [UInt16](repeating: 0, count: wordCount)
        for language in ToneLanguage.allCases {
            let lexicon = lexicons[language.index]
            func mark<Payload>(_ phrases: PhraseTable<Payload>, _ table: Table) {
                let bit = Self.bit(table, language)
                for word in 0..<wordCount where phrases.startsPhrase(Int32(word)) { masks[word] |= bit }
            }
            mark(lexicon.sentiment, .sentiment)
            mark(lexicon.modifiers, .modifiers)
            mark(lexicon.formality, .formality)
            mark(lexicon.address, .address)
            mark(lexicon.urgency, .urgency)
            mark(lexicon.conflict, .conflict)
            mark(lexicon.dates, .dates)
        }
        self.masks = masks
    }

    /// The tables `word` starts a phrase of; 0 for an unknown word.
    @inline(__always)
    func mask(_ word: Int32) -> UInt16 {
        word >= 0 && Int(word) < masks.count ? masks[Int(word)] : 0
    }
}
