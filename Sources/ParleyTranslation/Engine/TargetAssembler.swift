import ParleyText

/// One decoded phrase, in target order: source units `units`, target tokens `tokens` in
/// ``TargetAssembler/tokens`` (word ids ≥ 0, copies of source units, forced phrases).
struct DecodedPhrase {
    var units: Range<Int>
    var tokens: Range<Int>
}

/// Turns decoded phrases into text: words from the target vocabulary, pass-through spans from the
/// source (amounts in the target locale), forced phrases as given (capitalized at a sentence start); recasing (sentence-initial
/// capitals, capitals copied from names, English "I"); spacing and quotes of the target language.
struct TargetAssembler {
    enum Role { case word, verbatim, punctuation }

    struct Piece {
        var text: String
        var role: Role
        var phrase: Int
    }

    static let leftAttached: Set<String> = ["n't", "'s", "'m", "'re", "'ve", "'ll", "'d", ",", ".", "...", ")", "]", "}", "%"]
    static let frenchSpaced: Set<String> = ["?", "!", ":", ";"]
    static let sentenceEnds: Set<String> = [".", "!", "?", "..."]
    static let placeholderKinds: Set<String> = ["<url>", "<email>", "<mention>", "<tag>", "<amount>", "<num>", "<emoji>"]

    struct Output {
        var text = ""
        var alignments: [(phrase: Int, value: Translation.Alignment)] = []
        var glossaryHits: [Translation.GlossaryHit] = []
        var unknownWords: [String] = []
    }

    let message: Message
    let units: [SourceUnit]
    let targetWords: [String]
    let forced: [ForcedPhrase]
    let language: TranslationLanguage

    func assemble(_ phrases: [DecodedPhrase], tokens: [Int32]) -> Output {
        var pieces: [Piece] = []
        var hits: [(forced: Int, phrase: Int)] = []
        var unknown: [String] = []
        var used = [Bool](repeating: false, count: units.count)
        for (phraseIndex, phrase) in phrases.enumerated() {
            for t in phrase.tokens {
                let code = tokens[t]
                if code >= 0 {
                    let word = targetWords[Int(code)]
                    if Self.placeholderKinds.contains(word) {
                        let unit = phrase.units.first { !used[$0] && units[$0].isPlaceholder && units[$0].text == word }
                            ?? units.indices.first { !used[$0] && units[$0].isPlaceholder && units[$0].text == word }
                        if let unit {
                            used[unit] = true
                            pieces.append(Piece(text: passThrough(unit), role: .verbatim, phrase: phraseIndex))
                        }
                    } else {
                        pieces.append(Piece(text: word, role: Self.isPunctuation(word) ? .punctuation : .word, phrase: phraseIndex))
                    }
                } else if code <= -PhraseDecoder.forcedBase {
                    let index = Int(-PhraseDecoder.forcedBase - code)
                    pieces.append(Piece(text: forced[index].target, role: .word, phrase: phraseIndex))
                    hits.append((index, phraseIndex))
                    for unit in phrase.units { used[unit] = true }
                } else {
                    let unit = Int(-1 - code)
                    used[unit] = true
                    let text = copiedText(unit)
                    if !units[unit].isPlaceholder && !Self.isPunctuation(units[unit].text) { unknown.append(text) }
                    pieces.append(Piece(text: text, role: Self.isPunctuation(units[unit].text) ? .punctuation : .verbatim, phrase: phraseIndex))
                }
            }
            // A pass-through span the phrase did not place is kept at the end of the phrase.
            for unit in phrase.units where units[unit].isPlaceholder && !used[unit] {
                used[unit] = true
                pieces.append(Piece(text: passThrough(unit), role: .verbatim, phrase: phraseIndex))
            }
        }
        // A pronoun split off a verb ("-vous") that lost its verb in translation is written as a word.
        for index in pieces.indices where pieces[index].role == .word && pieces[index].text.count > 1 && pieces[index].text.hasPrefix("-")
            && (index == 0 || pieces[index - 1].role != .word) {
            pieces[index].text = String(pieces[index].text.dropFirst(pieces[index].text.hasPrefix("-t-") ? 3 : 1))
        }
        recase(&pieces, phrases)
        var output = render(pieces, phrases)
        output.unknownWords = unknown
        for hit in hits {
            guard let alignment = output.alignments.first(where: { $0.phrase == hit.phrase }) else { continue }
            output.glossaryHits.append(Translation.GlossaryHit(termID: forced[hit.forced].termID, source: alignment.value.source,
                                                               target: forced[hit.forced].target, targetSpan: alignment.value.target))
        }
        return output
    }

    static func isPunctuation(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first == "-", text.unicodeScalars.count > 1 { return false }  // "-vous"
        return !first.properties.isAlphabetic && first.properties.numericType == nil && !text.hasPrefix("'") && !text.hasPrefix("<")
    }

    /// The original text of a placeholder's token; amounts in the target's format (from their folded
    /// form, "1500eur" → "€1,500" / "1 500 €"); French clock times in English ("à 21h" → "at 9 pm").
    private func passThrough(_ unit: Int) -> String {
        let index = units[unit].token
        let token = message.tokens[index]
        let text = message.text(of: token)
        if token.kind == .number {
            switch language {
            case .english: return TimeFormat.englishTime(at: index, in: message) ?? text
            case .french: return TimeFormat.french(fromEnglish: text) ?? TimeFormat.frenchOrdinal(fromEnglish: text) ?? text
            }
        }
        guard token.kind == .amount,
            let folded = message.folded.units.first(where: { $0.kind == .amount && $0.tokens.contains(index) }) else { return text }
        return AmountFormat.render(folded: message.folded.text(of: folded), flags: token.flags, in: language) ?? text
    }

    /// A unit copied because the model does not know it: the token as written when the unit is the
    /// whole token, else the unit.
    private func copiedText(_ unit: Int) -> String {
        let token = units[unit].token
        let alone = (unit == 0 || units[unit - 1].token != token) && (unit + 1 == units.count || units[unit + 1].token != token)
        return alone ? message.text(of: message.tokens[token]) : units[unit].text
    }

    private func recase(_ pieces: inout [Piece], _ phrases: [DecodedPhrase]) {
        let firstWord = message.tokens.first { $0.kind == .word }
        let capitalizeStarts = firstWord.map { $0.flags.contains(.capitalized) || $0.flags.contains(.allCaps) } ?? false
        // Names: a one-unit phrase whose source word is capitalized in mid-sentence gives its capital to a one-word target.
        var sentenceStartUnits = Set<Int>()
        var atStart = true
        for (index, unit) in units.enumerated() {
            if Self.sentenceEnds.contains(unit.text) { atStart = true; continue }
            if atStart && !Self.isPunctuation(unit.text) { sentenceStartUnits.insert(index); atStart = false }
        }
        for (phraseIndex, phrase) in phrases.enumerated() where phrase.units.count == 1 {
            let unit = phrase.units.lowerBound
            if sentenceStartUnits.contains(unit) || units[unit].isPlaceholder { continue }
            let flags = message.tokens[units[unit].token].flags
            guard flags.contains(.capitalized) || flags.contains(.allCaps) else { continue }
            let wordPieces = pieces.indices.filter { pieces[$0].phrase == phraseIndex && pieces[$0].role == .word }
            if wordPieces.count == 1 {
                let i = wordPieces[0]
                pieces[i].text = flags.contains(.allCaps) ? pieces[i].text.uppercased() : Self.capitalized(pieces[i].text)
            }
        }
        var startOfSentence = capitalizeStarts
        for index in pieces.indices {
            if pieces[index].role == .punctuation {
                if Self.sentenceEnds.contains(pieces[index].text) && capitalizeStarts { startOfSentence = true }
                continue
            }
            if language == .english && pieces[index].role == .word && pieces[index].text == "i" { pieces[index].text = "I" }
            if startOfSentence {
                if pieces[index].role == .word { pieces[index].text = Self.capitalized(pieces[index].text) }
                startOfSentence = false
            }
        }
    }

    static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    private func render(_ pieces: [Piece], _ phrases: [DecodedPhrase]) -> Output {
        var output = Output()
        var utf16 = 0
        var openQuote = false
        var phraseSpans = [TextSpan?](repeating: nil, count: phrases.count)
        var previous: Piece?
        for piece in pieces {
            var text = piece.text
            var space = previous != nil
            if piece.role == .punctuation && text == "\"" {
                openQuote.toggle()
                if language == .french {
                    text = openQuote ? "«" : "»"
                } else if !openQuote {
                    space = false
                }
            } else if let previous {
                if Self.leftAttached.contains(text) && piece.role != .verbatim { space = false }
                if language == .english && Self.frenchSpaced.contains(text) { space = false }
                if previous.text.hasSuffix("'") && previous.role == .word { space = false }
                if ["(", "[", "{"].contains(previous.text) { space = false }
                if previous.text == "\"" && openQuote && language == .english { space = false }
                if text == "/" || previous.text == "/" { space = false }
                if text.count > 1 && text.hasPrefix("-") && piece.role == .word { space = false }  // avez + -vous
                if text == "-" || previous.text == "-" { space = previous.role == .word && piece.role == .word ? space : false }
            }
            if text == "n't", let previous, previous.text.hasSuffix("n") {
                text = "'t"  // "can" + "n't" → "can't"
            }
            if space {
                output.text += " "
                utf16 += 1
            }
            let start8 = output.text.utf8.count, start16 = utf16
            output.text += text
            utf16 += text.utf16.count
            let span = TextSpan(utf8: start8..<output.text.utf8.count, utf16: start16..<utf16)
            phraseSpans[piece.phrase] = phraseSpans[piece.phrase].map { $0.union(span) } ?? span
            previous = Piece(text: text == "«" ? "\"" : text, role: piece.role, phrase: piece.phrase)
        }
        for (index, phrase) in phrases.enumerated() {
            guard let target = phraseSpans[index], let first = phrase.units.first, let last = phrase.units.last else { continue }
            let source = message.tokens[units[first].token].span.union(message.tokens[units[last].token].span)
            output.alignments.append((index, Translation.Alignment(source: source, target: target)))
        }
        return output
    }
}
