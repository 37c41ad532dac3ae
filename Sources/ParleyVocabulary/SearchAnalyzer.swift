import CICUBridge
import ParleyText

/// The analysis a search index applies to messages and to queries, so that `cafe concert` finds
/// `Café-Concert`, `concerts` finds `concert` and `reservé` finds `réservée`.
///
/// Per folded unit of the message (ParleyText's segmenter and folding, never re-tokenized):
/// - words: dropped when a stop word of any of the analyzer's languages or an elided article
///   (`l'`, `d'`), leaving a position gap,
///   else stemmed with Snowball. The stem of the lower-case accented word comes first (Snowball's
///   French rules need the accents), folded; the stem of the folded word follows as an alternative
///   at the same position when it differs, so an unaccented spelling still matches. With several
///   languages, each language's stems are alternatives of the first language's.
/// - numbers, amounts, URLs, e-mails, phones, mentions, hashtags: kept whole as typed terms, in
///   their folded form (`1 500 €` → `1500eur`, `06 12 34 56 78` → `0612345678`); in a document,
///   the words of an address (`booking` in `booking@example.fr`) follow as alternatives.
/// - dates: `15/03/2025`, `2025-03-15` and `15 mars 2025` give a `<DATE>` term in ISO form
///   (`2025-03-15`, or `--03-15` without a year); see ``SearchMode`` for queries and documents.
///
/// Not thread-safe and not `Sendable` (it owns a segmenter and Snowball stemmers): one per task,
/// reused across messages; its buffers stop allocating once warm.
public final class SearchAnalyzer {
    public let languages: [SearchLanguage]
    public let resources: SearchResources
    let segmenter: Segmenter
    let stemmers: [Stemmer]
    let stopWords: [ByteStringTable]
    let folder = CodePointFolder.shared

    private var message = Message()
    private var input: [UInt8] = []
    private var caseFolded: [UInt8] = []
    private var refolded: [UInt8] = []
    private var candidates: [UInt8] = []
    private var candidateEnds: [Int] = []
    private var dateBytes: [UInt8] = []

    /// Opens an analyzer for one or more languages (the first one's stems come first).
    /// - Parameter limits: the segmenter's limits (longest message accepted).
    /// - Throws: ``SearchError`` for no language, a language without loaded stop words, a missing
    ///   stemmer, or a segmenter that cannot open.
    public init(resources: SearchResources, languages: [SearchLanguage], limits: TextLimits = TextLimits()) throws(SearchError) {
        guard !languages.isEmpty else { throw SearchError.noLanguage }
        var unique: [SearchLanguage] = []
        for language in languages where !unique.contains(language) { unique.append(language) }
        var tables: [ByteStringTable] = []
        var stemmers: [Stemmer] = []
        for language in unique {
            guard let table = resources.stopWords[language] else { throw SearchError.unknownLanguage(language.rawValue) }
            tables.append(table)
            stemmers.append(try Stemmer(language: language))
        }
        do {
            self.segmenter = try Segmenter(resources: resources.textResources, limits: limits)
        } catch {
            throw SearchError.segmenterUnavailable("\(error)")
        }
        self.languages = unique
        self.resources = resources
        self.stemmers = stemmers
        self.stopWords = tables
    }

    /// Analyzes a text into terms.
    /// - Parameter mode: `.document` to index, `.query` for what a user searches, `.prefix` for
    ///   prefix queries (`conc*`), whose words are folded but not stemmed.
    /// - Throws: ``TextError`` when the text is too long for the segmenter's limits.
    /// - Complexity: O(n); allocates the result and each term's string.
    public func analyze(_ text: String, mode: SearchMode = .document) throws(TextError) -> [SearchTerm] {
        var terms: [SearchTerm] = []
        try forEachTerm(in: Array(text.utf8), mode: mode) { view in terms.append(view.term) }
        return terms
    }

    /// Analyzes an already segmented message into terms.
    public func analyze(_ message: Message, mode: SearchMode = .document) -> [SearchTerm] {
        var terms: [SearchTerm] = []
        forEachTerm(in: message, mode: mode) { view in terms.append(view.term) }
        return terms
    }

    /// Segments UTF-8 bytes with the analyzer's own segmenter and message buffer, then hands out
    /// each term. The hot path of an index (the SQLite FTS5 tokenizer uses it).
    /// - Throws: ``TextError`` for invalid UTF-8 or a text over the limits.
    /// - Complexity: O(n); no allocation once the buffers are warm.
    public func forEachTerm(in utf8: UnsafeBufferPointer<UInt8>, mode: SearchMode = .document,
                            _ body: (SearchTermView) -> Void) throws(TextError) {
        input.removeAll(keepingCapacity: true)
        input.append(contentsOf: utf8)
        try segmenter.read(input, into: &message)
        forEachTerm(in: message, mode: mode, body)
    }

    /// Same as ``forEachTerm(in:mode:_:)-(UnsafeBufferPointer<UInt8>,_,_)`` on an array.
    public func forEachTerm(in utf8: [UInt8], mode: SearchMode = .document, _ body: (SearchTermView) -> Void) throws(TextError) {
        try segmenter.read(utf8, into: &message)
        forEachTerm(in: message, mode: mode, body)
    }

    /// Hands out each term of a message, in order. The view's bytes are valid only during the call.
    /// - Complexity: O(n); no allocation once the buffers are warm.
    public func forEachTerm(in message: Message, mode: SearchMode = .document, _ body: (SearchTermView) -> Void) {
        let units = message.folded.units
        var position = -1
        var index = 0
        message.folded.bytes.withUnsafeBufferPointer { foldedBytes in
            while index < units.count {
                let unit = units[index]
                let bytes = UnsafeBufferPointer(rebasing: foldedBytes[unit.folded])
                index += 1
                guard !bytes.isEmpty else { continue }
                position += 1
                switch unit.kind {
                case .word:
                    // Elided articles and pronouns (`l'`, `d'`, `qu'`) go like stop words, as in
                    // Elasticsearch's elision filter.
                    if isStopWord(bytes) || message.tokens[unit.tokens.lowerBound].flags.contains(.elision) { continue }
                    emitWord(unit, bytes: bytes, message: message, position: position, mode: mode, alternative: false, body)
                case .number:
                    if let last = emitDate(at: index - 1, message: message, foldedBytes: foldedBytes, position: position, mode: mode, body) {
                        index = last + 1
                    } else {
                        body(SearchTermView(bytes: bytes, type: .number, span: unit.span, position: position, isAlternative: false))
                    }
                case .url, .email:
                    body(SearchTermView(bytes: bytes, type: Self.termType(unit.kind), span: unit.span, position: position, isAlternative: false))
                    if mode == .document { emitParts(of: bytes, span: unit.span, position: position, body) }
                case .amount, .phone, .mention, .hashtag:
                    body(SearchTermView(bytes: bytes, type: Self.termType(unit.kind), span: unit.span, position: position, isAlternative: false))
                case .emoji, .emoticon, .punctuation, .symbol, .whitespace:
                    position -= 1
                }
            }
        }
    }

    /// In a document, the words inside an address (`booking`, `lesoiseauxdenuit`, `fr` in
    /// `booking@lesoiseauxdenuit.fr`) as alternatives, so searching a name finds its address.
    private func emitParts(of bytes: UnsafeBufferPointer<UInt8>, span: TextSpan, position: Int, _ body: (SearchTermView) -> Void) {
        var start = 0
        for index in 0...bytes.count {
            let isWordByte = index < bytes.count && (bytes[index] >= 0x80 || bytes[index] >= 0x30 && bytes[index] <= 0x39
                || bytes[index] >= 0x61 && bytes[index] <= 0x7A)
            if isWordByte { continue }
            if index - start >= Self.minimumAddressPart && index - start < bytes.count {
                body(SearchTermView(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index]), type: .word, span: span,
                                    position: position, isAlternative: true))
            }
            start = index + 1
        }
    }

    /// Shorter pieces of an address (`fr`, `me`) are not indexed on their own.
    static let minimumAddressPart = 3

    private static func termType(_ kind: TokenKind) -> SearchTermType {
        switch kind {
        case .url: .url
        case .email: .email
        case .phone: .phone
        case .mention: .mention
        case .hashtag: .hashtag
        case .amount: .amount
        case .number: .number
        default: .word
        }
    }

    private func isStopWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for table in stopWords where table.contains(bytes) { return true }
        return false
    }

    // MARK: - Words

    /// Emits a word's stems (see the type's documentation); all of them alternatives when `alternative`.
    private func emitWord(_ unit: FoldedUnit, bytes: UnsafeBufferPointer<UInt8>, message: Message, position: Int, mode: SearchMode,
                          alternative: Bool, _ body: (SearchTermView) -> Void) {
        candidates.removeAll(keepingCapacity: true)
        candidateEnds.removeAll(keepingCapacity: true)
        if mode == .prefix {
            addCandidate(bytes)
        } else {
            var accented = caseFoldOriginal(unit, message: message, folded: bytes)
            // Without accents the lower-case word is the folded one: stem it once.
            if accented == bytes.count && caseFolded[0..<accented].elementsEqual(bytes) { accented = 0 }
            for stemmer in stemmers {
                if accented > 0 {
                    caseFolded.withUnsafeBufferPointer { source in
                        stemmer.withStem(of: UnsafeBufferPointer(rebasing: source[0..<accented])) { stemmed in
                            let length = refold(stemmed)
                            refolded.withUnsafeBufferPointer { addCandidate(UnsafeBufferPointer(rebasing: $0[0..<length])) }
                        }
                    }
                }
                stemmer.withStem(of: bytes) { addCandidate($0) }
            }
        }
        candidates.withUnsafeBufferPointer { all in
            var start = 0
            for (index, end) in candidateEnds.enumerated() {
                body(SearchTermView(bytes: UnsafeBufferPointer(rebasing: all[start..<end]), type: .word, span: unit.span,
                                    position: position, isAlternative: alternative || index > 0))
                start = end
            }
        }
    }

    /// Adds a candidate term unless it is empty or already there.
    private func addCandidate(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        var start = 0
        for end in candidateEnds {
            if end - start == bytes.count && candidates[start..<end].elementsEqual(bytes) { return }
            start = end
        }
        candidates.append(contentsOf: bytes)
        candidateEnds.append(candidates.count)
    }

    /// Writes the unit's original text, lower-cased with its accents, into `caseFolded` and returns
    /// its length; 0 when that text does not fold back to the unit (NFC changed the message, or
    /// folding read leetspeak, confusables, masking or joined letters), so only the folded form is
    /// stemmed.
    private func caseFoldOriginal(_ unit: FoldedUnit, message: Message, folded: UnsafeBufferPointer<UInt8>) -> Int {
        guard !message.wasNormalized else { return 0 }
        let range = unit.span.utf8
        guard range.lowerBound >= 0, range.upperBound <= message.original.count, !range.isEmpty else { return 0 }
        let needed = range.count * 3 + 16
        if caseFolded.count < needed { caseFolded = [UInt8](repeating: 0, count: needed) }
        let length = message.original.withUnsafeBufferPointer { original in
            caseFolded.withUnsafeMutableBufferPointer { out -> Int in
                var error: Int32 = 0
                let written = parley_fold_case_utf8(original.baseAddress! + range.lowerBound, Int32(range.count),
                                                    out.baseAddress, Int32(out.count), &error)
                return error > 0 || Int(written) > out.count ? 0 : Int(written)
            }
        }
        guard length > 0 else { return 0 }
        let refoldedLength = caseFolded.withUnsafeBufferPointer { refold(UnsafeBufferPointer(rebasing: $0[0..<length])) }
        let same = refolded.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[0..<refoldedLength]).elementsEqual(folded) }
        return same ? length : 0
    }

    /// Folds bytes code point by code point into `refolded`; returns the length.
    private func refold(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let needed = bytes.count * 4 + 16
        if refolded.count < needed { refolded = [UInt8](repeating: 0, count: needed) }
        return refolded.withUnsafeMutableBufferPointer { folder.fold(bytes, into: $0) }
    }

    // MARK: - Dates

    /// Reads a date starting at a number unit: digits joined by one separator (`15/03`,
    /// `15/03/2025`, `2025-03-15`, `15.03.25`, in one token or several), or a day followed by a month
    /// name and maybe a year (`15 mars`, `1er mai 2025`). The date's units share one position.
    /// A query gets the ISO date alone; a document gets it first, then the date without its year,
    /// then each part (`15`, `mars`, `2025`) as alternatives, so a search for any of them finds it.
    /// - Returns: the index of the date's last unit, or `nil` when the number is not a date.
    private func emitDate(at index: Int, message: Message, foldedBytes: UnsafeBufferPointer<UInt8>, position: Int,
                          mode: SearchMode, _ body: (SearchTermView) -> Void) -> Int? {
        let units = message.folded.units
        let unit = units[index]
        var span = unit.span
        dateBytes.removeAll(keepingCapacity: true)
        appendNormalized(unit, message: message)
        var last = index
        while last + 1 < units.count, last - index < 2, units[last + 1].kind == .number,
              let separator = separator(between: units[last], units[last + 1], message) {
            dateBytes.append(separator)
            appendNormalized(units[last + 1], message: message)
            last += 1
        }
        var date = dateBytes.withUnsafeBufferPointer { DateReader.numeric($0, monthFirst: languages[0] == .english) }
        if date == nil {
            last = index
            if let day = DateReader.day(UnsafeBufferPointer(rebasing: foldedBytes[unit.folded])),
               index + 1 < units.count, units[index + 1].kind == .word, onlySpaceBetween(unit, units[index + 1], message),
               let month = resources.months.value(of: UnsafeBufferPointer(rebasing: foldedBytes[units[index + 1].folded])) {
                date = (nil, month, day)
                last = index + 1
                if index + 2 < units.count, units[index + 2].kind == .number, onlySpaceBetween(units[index + 1], units[index + 2], message),
                   let year = DateReader.year(UnsafeBufferPointer(rebasing: foldedBytes[units[index + 2].folded])) {
                    date = (year, month, day)
                    last = index + 2
                }
            }
        }
        guard let date, DateReader.isValid(month: date.month, day: date.day) else { return nil }
        for part in index...last { span = span.union(units[part].span) }
        dateBytes.removeAll(keepingCapacity: true)
        DateReader.writeISO(year: date.year, month: date.month, day: date.day, into: &dateBytes)
        dateBytes.withUnsafeBufferPointer { bytes in
            body(SearchTermView(bytes: bytes, type: .date, span: span, position: position, isAlternative: false))
        }
        guard mode == .document else { return last }
        if date.year != nil {
            dateBytes.removeAll(keepingCapacity: true)
            DateReader.writeISO(year: nil, month: date.month, day: date.day, into: &dateBytes)
            dateBytes.withUnsafeBufferPointer { bytes in
                body(SearchTermView(bytes: bytes, type: .date, span: span, position: position, isAlternative: true))
            }
        }
        for part in index...last {
            let partUnit = units[part]
            let bytes = UnsafeBufferPointer(rebasing: foldedBytes[partUnit.folded])
            if partUnit.kind == .word {
                emitWord(partUnit, bytes: bytes, message: message, position: position, mode: mode, alternative: true, body)
            } else {
                body(SearchTermView(bytes: bytes, type: .number, span: partUnit.span, position: position, isAlternative: true))
            }
        }
        return last
    }

    /// Appends the NFC text of a unit's tokens to `dateBytes`.
    private func appendNormalized(_ unit: FoldedUnit, message: Message) {
        message.normalized.withUnsafeBufferPointer { normalized in
            for token in unit.tokens {
                dateBytes.append(contentsOf: UnsafeBufferPointer(rebasing: normalized[message.tokens[token].normalizedRange]))
            }
        }
    }

    /// The date separator (`/`, `.` or `-`) that is the only token between two units, if so.
    private func separator(between first: FoldedUnit, _ second: FoldedUnit, _ message: Message) -> UInt8? {
        guard second.tokens.lowerBound == first.tokens.upperBound + 1 else { return nil }
        let token = message.tokens[first.tokens.upperBound]
        guard token.kind == .punctuation || token.kind == .symbol, token.normalizedRange.count == 1 else { return nil }
        let byte = message.normalized[token.normalizedRange.lowerBound]
        return byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") ? byte : nil
    }

    private func onlySpaceBetween(_ first: FoldedUnit, _ second: FoldedUnit, _ message: Message) -> Bool {
        guard first.tokens.upperBound <= second.tokens.lowerBound else { return false }
        for index in first.tokens.upperBound..<second.tokens.lowerBound where message.tokens[index].kind != .whitespace {
            return false
        }
        return true
    }
}

/// One term as the analyzer hands it out: bytes valid only during the callback.
public struct SearchTermView {
    /// The term's UTF-8 bytes.
    public var bytes: UnsafeBufferPointer<UInt8>
    public var type: SearchTermType
    public var span: TextSpan
    public var position: Int
    /// Same position as the previous term (an alternative stem or a date).
    public var isAlternative: Bool

    /// A copy that outlives the callback (allocates the string).
    public var term: SearchTerm {
        SearchTerm(term: String(decoding: bytes, as: UTF8.self), type: type, span: span, position: position, isAlternative: isAlternative)
    }
}
