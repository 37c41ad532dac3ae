import CICUBridge

/// Turns one chat message into a ``Message``: validated, NFC-normalized, segmented into typed
/// tokens with spans, and folded for matching.
///
/// A segmenter owns ICU break iterators and scratch buffers that it reuses from one message to the
/// next, so it is not `Sendable`: keep one per thread or task. The ``TextResources`` it reads are
/// shared and immutable.
///
/// ```swift
/// let segmenter = try Segmenter(resources: .loadDefault())
/// let message = try segmenter.read("Dispo le 15 ? Cachet 1 500 € HT")
/// for token in message.tokens where token.kind == .amount { print(message.text(of: token)) }
/// ```
public final class Segmenter {
    public let resources: TextResources
    public let limits: TextLimits
    private let words: ICUBreaker
    private let characters: ICUBreaker
    private let table = CharacterTable.shared
    private var folder: Folder

    /// Opens the ICU iterators; the character table is built on first use in the process.
    /// - Throws: ``TextError/icu(operation:code:)`` if ICU cannot open a break iterator.
    public init(resources: TextResources, limits: TextLimits = TextLimits()) throws(TextError) {
        self.resources = resources
        self.limits = limits
        words = try ICUBreaker(kind: ParleyBreakWord)
        characters = try ICUBreaker(kind: ParleyBreakCharacter)
        folder = Folder(resources: resources, table: .shared)
    }

    /// Reads a message given as a string.
    /// - Complexity: O(n) in the length of the text; allocates the returned message's buffers.
    public func read(_ text: String) throws(TextError) -> Message {
        var message = Message()
        try read(Array(text.utf8), into: &message)
        return message
    }

    /// Reads a message from bytes claimed to be UTF-8.
    /// - Throws: ``TextError/invalidUTF8(byteOffset:)`` or ``TextError/tooLong(bytes:limit:)``.
    public func read(_ bytes: [UInt8]) throws(TextError) -> Message {
        var message = Message()
        try read(bytes, into: &message)
        return message
    }

    /// Reads a message into an existing ``Message``, reusing its buffers: after warm-up on messages
    /// of similar size, this allocates nothing.
    ///
    /// With `folding: false` the folded view is left empty (for callers that only need tokens);
    /// contacts spelled out in words are found from the folded view, so they stay separate words then.
    /// - Complexity: O(n) in the length of the text.
    public func read(_ bytes: [UInt8], into message: inout Message, folding: Bool = true) throws(TextError) {
        message.reset()
        guard bytes.count <= limits.maximumBytes else {
            throw TextError.tooLong(bytes: bytes.count, limit: limits.maximumBytes)
        }
        if let offset = bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset($0) }) {
            throw TextError.invalidUTF8(byteOffset: offset)
        }
        message.original.append(contentsOf: bytes)
        try normalize(&message)
        if message.wasNormalized {
            try message.normalizedStorage.withUnsafeBufferPointer { t throws(TextError) in try analyze(t, into: &message, folding: folding) }
        } else {
            try message.original.withUnsafeBufferPointer { t throws(TextError) in try analyze(t, into: &message, folding: folding) }
        }
    }

    /// Folds any text exactly as messages are folded (the space-joined folded units), so lexicon
    /// entries and queries match what messages become. Invalid or oversize text folds to "".
    public func fold(_ text: String) -> String {
        guard let message = try? read(text) else { return "" }
        return message.folded.string
    }

    // MARK: - Normalization

    private func normalize(_ message: inout Message) throws(TextError) {
        let allASCII = message.original.allSatisfy { $0 < 0x80 }
        if allASCII { return }
        var error: Int32 = 0
        let normalized = message.original.withUnsafeBufferPointer { parley_nfc_is_normalized($0.baseAddress, Int32($0.count), &error) }
        if error > 0 { throw TextError.icu(operation: "isNormalizedUTF8", code: error) }
        if normalized == 1 { return }
        // NFC can grow text up to three times (e.g. some Hebrew and Indic compositions).
        let capacity = message.original.count * 3 + 16
        message.normalizedStorage = [UInt8](repeating: 0, count: capacity)
        message.normalizedToOriginal = [Int32](repeating: 0, count: capacity + 1)
        let length = message.original.withUnsafeBufferPointer { source in
            message.normalizedStorage.withUnsafeMutableBufferPointer { dest in
                message.normalizedToOriginal.withUnsafeMutableBufferPointer { map in
                    parley_nfc_normalize(source.baseAddress, Int32(source.count), dest.baseAddress, Int32(capacity), map.baseAddress, &error)
                }
            }
        }
        if error > 0 { throw TextError.icu(operation: "normalizeUTF8", code: error) }
        message.normalizedStorage.removeLast(capacity - Int(length))
        message.normalizedToOriginal.removeLast(capacity - Int(length))
    }

    // MARK: - Analysis

    private func analyze(_ t: UnsafeBufferPointer<UInt8>, into message: inout Message, folding: Bool) throws(TextError) {
        try words.segment(t)
        let features = TextFeatures.scan(t)
        let scanner = EntityScanner(t: t, resources: resources, table: table)
        buildTokens(t, scanner: scanner, into: &message.tokens)
        TokenPasses(t: t, table: table, resources: resources).run(&message.tokens, features: features)
        finishTokens(t, message: &message, describeWords: !folding)
        if folding {
            message.scripts.formUnion(folder.fold(t, tokens: &message.tokens, into: &message.folded))
            if folder.rewriteSpelledContacts(t, tokens: &message.tokens, folded: message.folded, features: features) {
                finishTokens(t, message: &message, describeWords: false)
                message.scripts.formUnion(folder.fold(t, tokens: &message.tokens, into: &message.folded))
            }
        }
        // Graphemes: when no scalar can join a cluster (no marks, ZWJ, flags, jamo…) and there is no
        // CR LF pair, there are as many graphemes as scalars; otherwise ICU counts them.
        if features.isDisjoint(with: [.nonASCII, .carriageReturn]) {
            message.counts.scalars = t.count
            message.counts.graphemes = t.count
            return
        }
        var scalars = 0
        var simple = true
        var i = 0
        while i < t.count {
            let b = t[i]
            if b >= 0x80 {
                let (scalar, length) = UTF8Decoding.decode(t, at: i)
                if table.properties(of: scalar).contains(.graphemeJoins) { simple = false }
                i += length
            } else {
                if b == 0x0D && i + 1 < t.count && t[i + 1] == 0x0A { simple = false }
                i += 1
            }
            scalars += 1
        }
        message.counts.scalars = scalars
        if simple {
            message.counts.graphemes = scalars
            return
        }
        // Otherwise per token (token boundaries are word boundaries, which never fall inside a
        // grapheme cluster): scalars where none can join, ICU's count on that token alone where one can.
        scalars = 0
        var graphemes = 0
        for token in message.tokens {
            var tokenScalars = 0
            var joins = false
            var i = token.normalizedRange.lowerBound
            while i < token.normalizedRange.upperBound {
                let b = t[i]
                if b >= 0x80 {
                    let (scalar, length) = UTF8Decoding.decode(t, at: i)
                    if table.properties(of: scalar).contains(.graphemeJoins) { joins = true }
                    i += length
                } else {
                    if b == 0x0D && i + 1 < token.normalizedRange.upperBound && t[i + 1] == 0x0A { joins = true }
                    i += 1
                }
                tokenScalars += 1
            }
            scalars += tokenScalars
            graphemes += joins ? try characters.count(UnsafeBufferPointer(rebasing: t[token.normalizedRange])) : tokenScalars
        }
        message.counts.scalars = scalars
        message.counts.graphemes = graphemes
    }

    /// Walks ICU's segments; entities found by the scanner replace the segments they cover.
    private func buildTokens(_ t: UnsafeBufferPointer<UInt8>, scanner: EntityScanner, into tokens: inout [Token]) {
        let n = t.count
        var pos = 0
        var segment = 0
        let count = words.count
        let ends = words.ends
        let statuses = words.statuses
        while pos < n {
            while segment < count && Int(ends[segment]) <= pos { segment += 1 }
            let segmentEnd = segment < count ? Int(ends[segment]) : n
            let status = segment < count ? statuses[segment] : 0
            if shouldScan(t, at: pos, segmentEnd: segmentEnd), let match = scanner.scan(at: pos) {
                tokens.append(Token(kind: match.kind, span: Self.emptySpan, normalizedRange: pos..<match.end, scripts: [], flags: match.flags))
                pos = match.end
                continue
            }
            let kind = classify(t, from: pos, to: segmentEnd, status: status)
            // Runs of punctuation (`!!!`, `?!`, `...`) and of white space are one token each.
            if kind == .punctuation || kind == .whitespace, let last = tokens.last, last.kind == kind, last.normalizedRange.upperBound == pos {
                tokens[tokens.count - 1].normalizedRange = last.normalizedRange.lowerBound..<segmentEnd
            } else {
                tokens.append(Token(kind: kind, span: Self.emptySpan, normalizedRange: pos..<segmentEnd, scripts: [], flags: []))
            }
            pos = segmentEnd
        }
    }

    static let emptySpan = TextSpan(utf8: 0..<0, utf16: 0..<0)

    /// Cheap test of whether any entity scanner could match at `pos` (most words cannot).
    @inline(__always)
    private func shouldScan(_ t: UnsafeBufferPointer<UInt8>, at pos: Int, segmentEnd: Int) -> Bool {
        let b = t[pos]
        if EntityScanner.isDigit(b) { return true }
        if EntityScanner.isAlpha(b) || b >= 0xC0 {
            // Links and e-mails need a dot, '@', ':', or a hyphen or underscore leading to one
            // (`promo-musique.fr`) right after the segment, or a dot inside it (ICU keeps `bit.ly`
            // whole); emoticons starting with a letter ("xD") are a few bytes long.
            let next = segmentEnd < t.count ? t[segmentEnd] : 0
            if next == UInt8(ascii: "@") || next == UInt8(ascii: ":") || next == UInt8(ascii: ".") || next == UInt8(ascii: "-")
                || next == UInt8(ascii: "_") || next == 0xE2 || next == 0xEF || next == 0xC2
            {
                return true
            }
            var i = pos
            while i < segmentEnd {
                if t[i] == UInt8(ascii: ".") { return true }
                i += 1
            }
            if b >= 0xC0 {
                // Currency symbols before a number (€800, £50).
                return (b == 0xE2 && pos + 1 < t.count && t[pos + 1] == 0x82) || (b == 0xC2 && pos + 1 < t.count && (t[pos + 1] == 0xA3 || t[pos + 1] == 0xA5))
            }
            return segmentEnd - pos <= 3 && !resources.emoticonsByFirstByte[Int(b)].isEmpty
        }
        return b < 0x80 && (b == UInt8(ascii: "+") || b == UInt8(ascii: "(") || b == UInt8(ascii: "$") || b == UInt8(ascii: "@")
            || b == UInt8(ascii: "#") || !resources.emoticonsByFirstByte[Int(b)].isEmpty)
    }

    /// The kind of an ICU segment (or the rest of one after an entity).
    private func classify(_ t: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, status: Int32) -> TokenKind {
        let (scalar, length) = UTF8Decoding.decode(t, at: start)
        if scalar < 0x80 {
            let b = UInt8(scalar)
            if EntityScanner.isAlpha(b) { return .word }
            if EntityScanner.isDigit(b) {
                // Keycap emoji: digit + VS16 + U+20E3.
                if start + length < end { return isKeycap(t, start + length, end) ? .emoji : .number }
                return .number
            }
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return .whitespace }
            if (b == UInt8(ascii: "#") || b == UInt8(ascii: "*")) && start + 1 < end && isKeycap(t, start + 1, end) { return .emoji }
            if b == 0x5F { return .word }
            let properties = table.properties(of: scalar)
            return properties.contains(.symbol) ? .symbol : .punctuation
        }
        let properties = table.properties(of: scalar)
        if properties.contains(.whitespace) { return .whitespace }
        if properties.contains(.regionalIndicator) { return .emoji }
        if properties.contains(.pictographic) {
            let next = start + length < end ? UTF8Decoding.decode(t, at: start + length).scalar : 0
            if properties.contains(.emojiPresentation) || next == 0xFE0F || next == 0x200D || scalar >= 0x1F000 {
                return .emoji
            }
            return .symbol
        }
        if properties.contains(.emojiModifier) { return .emoji }
        if status >= 100 && status < 200 { return .number }
        if status >= 200 && status < 500 { return .word }
        if properties.contains(.letter) || properties.contains(.mark) { return .word }
        if properties.contains(.digit) { return .number }
        if properties.contains(.punctuation) { return .punctuation }
        if properties.contains(.symbol) { return .symbol }
        // Invisible characters standing alone behave like spacing.
        return .whitespace
    }

    private func isKeycap(_ t: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Bool {
        var i = from
        while i < end {
            let (scalar, length) = UTF8Decoding.decode(t, at: i)
            if scalar == 0x20E3 { return true }
            if scalar != 0xFE0F { return false }
            i += length
        }
        return false
    }

    /// Computes each token's scripts, letter-case and evasion flags, and its spans in the original.
    private func finishTokens(_ t: UnsafeBufferPointer<UInt8>, message: inout Message, describeWords: Bool) {
        let original = message.original
        let map = message.normalizedToOriginal
        let table = self.table
        var result = (scripts: ScriptSet(), utf16: 0)
        original.withUnsafeBufferPointer { original in
            map.withUnsafeBufferPointer { map in
                message.tokens.withUnsafeMutableBufferPointer { tokens in
                    result = Self.finish(t, original: original, map: map, tokens: tokens, table: table, describeWords: describeWords)
                }
            }
        }
        message.scripts = result.scripts
        message.counts.utf8 = original.count
        message.counts.utf16 = result.utf16
    }

    /// UTF-16 offsets of increasing UTF-8 offsets of the original, in one walk.
    private struct UTF16Cursor {
        var byte = 0
        var utf16 = 0

        @inline(__always)
        mutating func advance(to target: Int, in original: UnsafeBufferPointer<UInt8>) -> Int {
            while byte < target {
                let b = original[byte]
                if b & 0xC0 != 0x80 { utf16 += b >= 0xF0 ? 2 : 1 }
                byte += 1
            }
            return utf16
        }
    }

    private static func finish(_ t: UnsafeBufferPointer<UInt8>, original: UnsafeBufferPointer<UInt8>, map: UnsafeBufferPointer<Int32>,
                               tokens: UnsafeMutableBufferPointer<Token>, table: CharacterTable, describeWords: Bool) -> (scripts: ScriptSet, utf16: Int) {
        var messageScripts: ScriptSet = []
        let mapped = !map.isEmpty
        var cursor = UTF16Cursor()
        for index in tokens.indices {
            var token = tokens[index]
            let range = token.normalizedRange
            let start = mapped ? Int(map[range.lowerBound]) : range.lowerBound
            let end = mapped ? Int(map[range.upperBound]) : range.upperBound
            let start16 = cursor.advance(to: start, in: original)
            let end16 = cursor.advance(to: end, in: original)
            token.span = TextSpan(utf8: start..<end, utf16: start16..<end16)
            switch token.kind {
            case .whitespace, .punctuation, .symbol, .emoji, .emoticon, .number, .amount, .phone:
                // No letters to describe.
                tokens[index] = token
                continue
            default:
                break
            }
            // Words are described by the folder, in the same pass that folds them.
            if token.kind == .word && !describeWords {
                tokens[index] = token
                continue
            }
            LetterFacts.describe(&token, in: t, table: table)
            let scripts = token.scripts
            messageScripts.formUnion(scripts)
            tokens[index] = token
        }
        return (messageScripts, cursor.advance(to: original.count, in: original))
    }
}
