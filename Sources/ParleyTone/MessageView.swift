import ParleyText

/// What the tone stages read from a ``Message``, computed once per message into buffers that a
/// ``ToneAnalyzer`` reuses: the word id of each folded unit, clause breaks, capitals, elongation,
/// emoji with their valence, and punctuation counts.
///
/// A class owned by one ``ToneAnalyzer`` (never shared across threads), so stages read it without
/// copying its arrays; its storage skips the runtime exclusivity checks, which would cost more than
/// the analysis itself, as only the owning analyzer ever touches it.
final class MessageView {
    /// An emoji or emoticon the lexicon knows.
    struct Symbol {
        var token: Int
        var id: Int32
        /// How many units precede it (its place among the words).
        var unitPosition: Int
    }

    @exclusivity(unchecked) var ids: [Int32] = []
    /// The ``PhraseStarts`` mask of each unit's word.
    @exclusivity(unchecked) var starts: [UInt16] = []
    /// Punctuation (or a line break) separates unit i-1 from unit i.
    @exclusivity(unchecked) var breakBefore: [Bool] = []
    /// An ellipsis ("...", "…") directly follows unit i.
    @exclusivity(unchecked) var ellipsisAfter: [Bool] = []
    @exclusivity(unchecked) var allCaps: [Bool] = []
    @exclusivity(unchecked) var elongated: [Bool] = []
    @exclusivity(unchecked) var symbols: [Symbol] = []
    @exclusivity(unchecked) var wordTokens = 0
    @exclusivity(unchecked) var capsWords = 0
    @exclusivity(unchecked) var exclamations = 0
    @exclusivity(unchecked) var questionMarks = 0
    @exclusivity(unchecked) var longestExclamationRun = 0
    /// Emoji and emoticon tokens, known or not.
    @exclusivity(unchecked) var emojiCount = 0
    @exclusivity(unchecked) private var keyBuffer: [UInt8] = []
    /// Scratch for the date grammar: the `dates.map` entry starting at each unit (-1: none) and its length.
    @exclusivity(unchecked) var dateEntries: [Int32] = []
    @exclusivity(unchecked) var dateLengths: [Int32] = []

    /// Some but not all words are in capitals: then capitals are emphasis (VADER's "cap differential").
    var capsAreEmphasis: Bool { capsWords > 0 && capsWords < wordTokens }

    func load(_ message: Message, resources: ToneResources) {
        ids.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        breakBefore.removeAll(keepingCapacity: true)
        ellipsisAfter.removeAll(keepingCapacity: true)
        allCaps.removeAll(keepingCapacity: true)
        elongated.removeAll(keepingCapacity: true)
        symbols.removeAll(keepingCapacity: true)
        wordTokens = 0
        capsWords = 0
        exclamations = 0
        questionMarks = 0
        longestExclamationRun = 0
        emojiCount = 0

        let tokens = message.tokens
        let units = message.folded.units
        message.folded.bytes.withUnsafeBufferPointer { folded in
            for unit in units {
                var range = unit.folded
                // "#fail", "#love": a hashtag reads as its word.
                if unit.kind == .hashtag, range.count > 1, folded[range.lowerBound] == UInt8(ascii: "#") {
                    range = (range.lowerBound + 1)..<range.upperBound
                }
                let id = resources.words.lookup(UnsafeBufferPointer(rebasing: folded[range]))
                ids.append(id)
                starts.append(resources.phraseStarts.mask(id))
                var caps = false
                var long = false
                for index in unit.tokens where index < tokens.count {
                    caps = caps || tokens[index].flags.contains(.allCaps)
                    long = long || tokens[index].flags.contains(.elongated)
                }
                allCaps.append(caps)
                elongated.append(long)
                breakBefore.append(false)
                ellipsisAfter.append(false)
            }
        }

        // Walk the tokens once, tracking which unit comes next, for breaks, emoji and punctuation.
        let normalized = message.normalized
        var nextUnit = 0
        for (index, token) in tokens.enumerated() {
            while nextUnit < units.count && units[nextUnit].tokens.upperBound <= index { nextUnit += 1 }
            switch token.kind {
            case .word:
                wordTokens += 1
                if token.flags.contains(.allCaps) { capsWords += 1 }
            case .punctuation:
                var run = 0
                var dots = 0
                for byte in normalized[token.normalizedRange] {
                    switch byte {
                    case UInt8(ascii: "!"):
                        exclamations += 1
                        run += 1
                        longestExclamationRun = max(longestExclamationRun, run)
                    case UInt8(ascii: "?"):
                        questionMarks += 1
                        run = 0
                    case UInt8(ascii: "."):
                        dots += 1
                        run = 0
                    default:
                        run = 0
                    }
                }
                let isEllipsis = dots >= 2 || Self.contains(normalized[token.normalizedRange], Self.ellipsis)
                if isEllipsis, nextUnit > 0 { ellipsisAfter[nextUnit - 1] = true }
                if nextUnit < units.count && units[nextUnit].tokens.lowerBound > index { breakBefore[nextUnit] = true }
            case .whitespace:
                if normalized[token.normalizedRange].contains(UInt8(ascii: "\n")), nextUnit < units.count,
                    units[nextUnit].tokens.lowerBound > index
                {
                    breakBefore[nextUnit] = true
                }
            case .emoji, .emoticon:
                emojiCount += 1
                keyBuffer.removeAll(keepingCapacity: true)
                var offset = token.normalizedRange.lowerBound
                while offset < token.normalizedRange.upperBound {
                    if offset + 2 < token.normalizedRange.upperBound, normalized[offset] == 0xEF,
                        normalized[offset + 1] == 0xB8, normalized[offset + 2] == 0x8F
                    {
                        offset += 3
                        continue
                    }
                    keyBuffer.append(normalized[offset])
                    offset += 1
                }
                let id = keyBuffer.withUnsafeBufferPointer { resources.symbols.lookup($0) }
                if id != WordTable.unknown { symbols.append(Symbol(token: index, id: id, unitPosition: nextUnit)) }
            default:
                break
            }
        }
    }

    /// "…" in UTF-8.
    static let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]

    static func contains(_ bytes: ArraySlice<UInt8>, _ pattern: [UInt8]) -> Bool {
        guard bytes.count >= pattern.count else { return false }
        var start = bytes.startIndex
        while start + pattern.count <= bytes.endIndex {
            if bytes[start..<start + pattern.count].elementsEqual(pattern) { return true }
            start += 1
        }
        return false
    }

    /// Whether the folded unit at `index` is exactly `word` (ASCII).
    static func unit(_ message: Message, _ index: Int, is word: StaticString) -> Bool {
        guard index >= 0, index < message.folded.units.count else { return false }
        let range = message.folded.units[index].folded
        guard range.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { expected in
            var offset = 0
            for byte in message.folded.bytes[range] {
                if byte != expected[offset] { return false }
                offset += 1
            }
            return true
        }
    }
}
