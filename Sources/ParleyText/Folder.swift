/// Builds the folded view of a message: for each token that carries words or an entity, one or more
/// units in matching form (see ``FoldTransforms``), each mapped back to its span.
///
/// Owned by a ``Segmenter`` and reused; its scratch buffer grows to the longest unit seen.
struct Folder {
    let resources: TextResources
    let table: CharacterTable
    var scratch: [UInt8] = []
    /// Indices of the tokens of a run of joined letters.
    private(set) var joinScratch: [Int] = []

    init(resources: TextResources, table: CharacterTable) {
        self.resources = resources
        self.table = table
        scratch.reserveCapacity(64)
    }

    // MARK: - Units

    /// Folds every token into units, describing word tokens' letters (scripts, capitals, stretched
    /// letters) in the same pass. Returns the scripts of the words.
    @discardableResult
    mutating func fold(_ t: UnsafeBufferPointer<UInt8>, tokens: inout [Token], into folded: inout FoldedText) -> ScriptSet {
        folded.removeAll()
        var scripts: ScriptSet = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .word:
                if joinedLetters(t, tokens: tokens, from: index) {
                    for letter in joinScratch {
                        LetterFacts.describe(&tokens[letter], in: t, table: table)
                        scripts.formUnion(tokens[letter].scripts)
                    }
                    appendJoined(t, tokens: tokens, letters: joinScratch, into: &folded)
                    index = joinScratch[joinScratch.count - 1] + 1
                    continue
                }
                var described = token
                if !(token.flags.isDisjoint(with: [.leet, .elision, .hyphenated]) && Self.appendPlainASCIIWord(t, &described, index: index, into: &folded)) {
                    LetterFacts.describe(&described, in: t, table: table)
                    appendWord(t, token: described, index: index, into: &folded)
                }
                tokens[index] = described
                scripts.formUnion(described.scripts)
            case .number:
                appendNumber(t, token: token, index: index, into: &folded)
            case .amount:
                appendAmount(t, token: token, index: index, into: &folded)
            case .phone:
                appendPhone(t, token: token, index: index, into: &folded)
            case .url, .email:
                appendLink(t, token: token, index: index, into: &folded)
            case .mention, .hashtag:
                appendTag(t, token: token, index: index, into: &folded)
            case .emoji, .emoticon, .punctuation, .symbol, .whitespace:
                break
            }
            index += 1
        }
        return scripts
    }

    /// Starts a unit: writes the separator and returns where its text begins.
    @inline(__always)
    private func beginUnit(_ folded: inout FoldedText) -> Int {
        if !folded.bytes.isEmpty { folded.bytes.append(UInt8(ascii: " ")) }
        return folded.bytes.count
    }

    /// Ends a unit; an empty unit (a word of invisible characters) is dropped with its separator.
    @inline(__always)
    private func endUnit(_ folded: inout FoldedText, start: Int, span: TextSpan, tokens: Range<Int>, kind: TokenKind, transforms: FoldTransforms) {
        if folded.bytes.count == start {
            if start > 0 { folded.bytes.removeLast() }
            return
        }
        folded.units.append(FoldedUnit(folded: start..<folded.bytes.count, span: span, tokens: tokens, kind: kind, transforms: transforms))
    }

    /// Appends the folded form of one scalar, reading look-alikes as Latin when asked.
    @inline(__always)
    private func appendScalar(_ scalar: UInt32, confusables: Bool, to out: inout [UInt8], transforms: inout FoldTransforms) {
        Self.appendScalar(scalar, table: table, confusables: confusables, to: &out, transforms: &transforms)
    }

    /// Static, so that a buffer owned by the folder can be passed without copying the folder.
    @inline(__always)
    static func appendScalar(_ scalar: UInt32, table: CharacterTable, confusables: Bool, to out: inout [UInt8], transforms: inout FoldTransforms) {
        if scalar < 0x80 {
            let b = UInt8(scalar)
            if b >= 0x41 && b <= 0x5A {
                out.append(b | 0x20)
                transforms.insert(.caseFolded)
            } else {
                out.append(b)
            }
            return
        }
        if confusables {
            let c = table.confusable(of: scalar)
            if c != 0 {
                out.append(c)
                transforms.insert(.confusables)
                return
            }
        }
        let before = out.count
        table.appendFolded(scalar, to: &out)
        if out.count == before {
            transforms.insert(.invisiblesRemoved)
        } else {
            let properties = table.properties(of: scalar)
            transforms.insert(properties.contains(.uppercase) ? .caseFolded : .accentsStripped)
        }
    }

    /// Squeezes runs of three or more identical letters in `bytes[start...]` to one letter.
    private static func squeeze(_ bytes: inout [UInt8], from start: Int, transforms: inout FoldTransforms) {
        var read = start
        var write = start
        let n = bytes.count
        while read < n {
            let b = bytes[read]
            var end = read + 1
            while end < n && bytes[end] == b { end += 1 }
            let run = end - read
            if run >= 3 && EntityScanner.isAlpha(b) {
                bytes[write] = b
                write += 1
                transforms.insert(.squeezed)
            } else {
                for _ in 0..<run {
                    bytes[write] = b
                    write += 1
                }
            }
            read = end
        }
        if write < n { bytes.removeLast(n - write) }
    }

    /// A word: one unit, or one per part for a hyphenated compound, joined when every part is a single letter.
    private mutating func appendWord(_ t: UnsafeBufferPointer<UInt8>, token: Token, index: Int, into folded: inout FoldedText) {
        let range = token.normalizedRange
        let leet = token.flags.contains(.leet)
        let confusables = token.flags.contains(.mixedScript)
        // Split points: hyphens (compounds), dots and underscores (s.e.x, w_h_a_t) — kept apart
        // unless every part is one letter, in which case they are letters spaced out to evade.
        var parts = 0
        var singleLetterParts = 0
        var partLength = 0
        var i = range.lowerBound
        while i <= range.upperBound {
            let atEnd = i == range.upperBound
            let b = atEnd ? 0 : t[i]
            if atEnd || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") {
                if partLength > 0 {
                    parts += 1
                    if partLength == 1 { singleLetterParts += 1 }
                }
                partLength = 0
                i += 1
                continue
            }
            let length = UTF8Decoding.length(lead: b)
            let (scalar, _) = UTF8Decoding.decode(t, at: i)
            if scalar >= 0x80 && table.properties(of: scalar).contains(.defaultIgnorable) {
                i += length
                continue
            }
            if !(scalar >= 0x80 && table.properties(of: scalar).contains(.mark)) { partLength += 1 }
            i += length
        }
        let joinParts = parts >= 2 && singleLetterParts == parts
        // Parts of a compound (`café-concert`, `Merci.De`, `hello_world`) are matched one by one.
        let splitParts = parts >= 2 && !joinParts

        var transforms: FoldTransforms = []
        if joinParts { transforms.insert(.joined) }
        var start = beginUnit(&folded)
        var unitStart = range.lowerBound
        var previousWasApostrophe = false
        i = range.lowerBound
        while i < range.upperBound {
            let (scalar, length) = UTF8Decoding.decode(t, at: i)
            if splitParts && (scalar == UInt32(UInt8(ascii: "-")) || scalar == UInt32(UInt8(ascii: ".")) || scalar == UInt32(UInt8(ascii: "_"))) {
                if token.flags.contains(.elongated) { Self.squeeze(&folded.bytes, from: start, transforms: &transforms) }
                endUnit(&folded, start: start, span: subSpan(token, unitStart..<i), tokens: index..<(index + 1), kind: .word, transforms: transforms)
                transforms = []
                start = beginUnit(&folded)
                unitStart = i + length
                i += length
                continue
            }
            if joinParts && (scalar == UInt32(UInt8(ascii: "-")) || scalar == UInt32(UInt8(ascii: ".")) || scalar == UInt32(UInt8(ascii: "_"))) {
                i += length
                continue
            }
            if scalar == UInt32(UInt8(ascii: "'")) || scalar == 0x2019 {
                // The apostrophe of an elided article goes, and so does one at either end of a word;
                // inside a word it is normalized to '.
                let interior = folded.bytes.count > start && i + length < range.upperBound
                let elided = token.flags.contains(.elision) && folded.bytes.count > start
                if (interior || elided) && !previousWasApostrophe { folded.bytes.append(UInt8(ascii: "'")) }
                previousWasApostrophe = true
                i += length
                continue
            }
            previousWasApostrophe = false
            if leet && scalar < 0x80 {
                let letter = resources.leetASCII[Int(scalar)]
                let b = UInt8(scalar)
                if letter != 0 && !EntityScanner.isAlpha(b) {
                    folded.bytes.append(letter)
                    transforms.insert(.leet)
                    i += length
                    continue
                }
            }
            appendScalar(scalar, confusables: confusables, to: &folded.bytes, transforms: &transforms)
            i += length
        }
        if token.flags.contains(.elongated) { Self.squeeze(&folded.bytes, from: start, transforms: &transforms) }
        endUnit(&folded, start: start, span: subSpan(token, unitStart..<range.upperBound), tokens: index..<(index + 1), kind: .word, transforms: transforms)
    }

    /// The common case, a word of ASCII letters only: described and lower-cased in one pass (stretched
    /// letters squeezed). Returns false, having written nothing, when the word needs the general path.
    @inline(__always)
    private static func appendPlainASCIIWord(_ t: UnsafeBufferPointer<UInt8>, _ token: inout Token, index: Int, into folded: inout FoldedText) -> Bool {
        let range = token.normalizedRange
        var upper = 0
        var run = 0
        var previous: UInt8 = 0
        var elongated = false
        for i in range {
            let b = t[i]
            guard EntityScanner.isAlpha(b) else { return false }
            if b < 0x61 { upper += 1 }
            let lowered = b | 0x20
            run = lowered == previous ? run + 1 : 1
            if run == 3 { elongated = true }
            previous = lowered
        }
        var flags = token.flags.subtracting(LetterFacts.described)
        if range.count >= 2 && upper == range.count { flags.insert(.allCaps) }
        if t[range.lowerBound] < 0x61 { flags.insert(.capitalized) }
        if elongated { flags.insert(.elongated) }
        token.flags = flags
        token.scripts = .latin

        if !folded.bytes.isEmpty { folded.bytes.append(UInt8(ascii: " ")) }
        let start = folded.bytes.count
        folded.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: t[range]))
        var transforms: FoldTransforms = upper > 0 ? .caseFolded : []
        if upper > 0 {
            folded.bytes.withUnsafeMutableBufferPointer { out in
                for k in start..<out.count { out[k] |= 0x20 }
            }
        }
        if elongated { Self.squeeze(&folded.bytes, from: start, transforms: &transforms) }
        folded.units.append(FoldedUnit(folded: start..<folded.bytes.count, span: token.span, tokens: index..<(index + 1), kind: .word, transforms: transforms))
        return true
    }

    /// The span of part of a token (a compound's part), from the token's own span.
    private func subSpan(_ token: Token, _ range: Range<Int>) -> TextSpan {
        if range == token.normalizedRange { return token.span }
        // Parts of a compound: offsets relative to the token, exact when normalization did not
        // change the token (the common case); otherwise the whole token's span.
        let length = token.normalizedRange.count
        guard token.span.utf8.count == length else { return token.span }
        let startDelta = range.lowerBound - token.normalizedRange.lowerBound
        let endDelta = range.upperBound - token.normalizedRange.lowerBound
        let utf8 = (token.span.utf8.lowerBound + startDelta)..<(token.span.utf8.lowerBound + endDelta)
        if token.span.utf16.count == length {
            let utf16 = (token.span.utf16.lowerBound + startDelta)..<(token.span.utf16.lowerBound + endDelta)
            return TextSpan(utf8: utf8, utf16: utf16)
        }
        return TextSpan(utf8: utf8, utf16: token.span.utf16)
    }

    // MARK: Joined letters

    /// Single letters spaced out (`w h a t s a p p`, `n.u.d.e.s`, `s 😀 e 😀 x`): a run of at least three
    /// consecutive units that each fold to one letter, whatever separates them (tokens that give no
    /// unit), unless every letter is a common one-letter word (`y a à`). Deciding on folded letters
    /// keeps folding idempotent. On success the letter tokens' indices are in `joinScratch`.
    private mutating func joinedLetters(_ t: UnsafeBufferPointer<UInt8>, tokens: [Token], from index: Int) -> Bool {
        guard let first = foldedSingleLetter(t, tokens[index]) else { return false }
        var distinctive = !Self.isCommonSingleLetter(first)
        joinScratch.removeAll(keepingCapacity: true)
        joinScratch.append(index)
        var next = index + 1
        while next < tokens.count {
            switch tokens[next].kind {
            case .whitespace, .punctuation, .symbol, .emoji, .emoticon:
                next += 1
                continue
            default:
                break
            }
            guard let letter = foldedSingleLetter(t, tokens[next]) else { break }
            if !Self.isCommonSingleLetter(letter) { distinctive = true }
            joinScratch.append(next)
            next += 1
        }
        return joinScratch.count >= 3 && distinctive
    }

    /// The folded scalar of a word token that folds to exactly one letter, else nil.
    private mutating func foldedSingleLetter(_ t: UnsafeBufferPointer<UInt8>, _ token: Token) -> UInt32? {
        let range = token.normalizedRange
        guard token.kind == .word, !token.flags.contains(.elision), range.count <= 8 else { return nil }
        // Two ASCII bytes in a row are two characters: the common case, answered without folding.
        if range.count >= 2 && t[range.lowerBound] < 0x80 && t[range.lowerBound + 1] < 0x80 { return nil }
        scratch.removeAll(keepingCapacity: true)
        var transforms: FoldTransforms = []
        var i = token.normalizedRange.lowerBound
        let table = self.table
        while i < token.normalizedRange.upperBound {
            let (scalar, length) = UTF8Decoding.decode(t, at: i)
            Self.appendScalar(scalar, table: table, confusables: true, to: &scratch, transforms: &transforms)
            i += length
        }
        guard !scratch.isEmpty, UTF8Decoding.length(lead: scratch[0]) == scratch.count else { return nil }
        let scalar = scratch.withUnsafeBufferPointer { UTF8Decoding.decode($0, at: 0).scalar }
        if scalar < 0x80 { return EntityScanner.isAlpha(UInt8(scalar)) ? scalar : nil }
        return table.properties(of: scalar).contains(.letter) ? scalar : nil
    }

    /// a, y, i, o: one-letter words of French and English (à folds to a).
    private static func isCommonSingleLetter(_ scalar: UInt32) -> Bool {
        scalar == 0x61 || scalar == 0x79 || scalar == 0x69 || scalar == 0x6F
    }

    private func appendJoined(_ t: UnsafeBufferPointer<UInt8>, tokens: [Token], letters: [Int], into folded: inout FoldedText) {
        var transforms: FoldTransforms = [.joined]
        let start = beginUnit(&folded)
        for index in letters {
            let token = tokens[index]
            var i = token.normalizedRange.lowerBound
            while i < token.normalizedRange.upperBound {
                let (scalar, length) = UTF8Decoding.decode(t, at: i)
                appendScalar(scalar, confusables: true, to: &folded.bytes, transforms: &transforms)
                i += length
            }
        }
        Self.squeeze(&folded.bytes, from: start, transforms: &transforms)
        let first = letters[0]
        let last = letters[letters.count - 1]
        endUnit(&folded, start: start, span: tokens[first].span.union(tokens[last].span), tokens: first..<(last + 1), kind: .word, transforms: transforms)
    }

    // MARK: Numbers, amounts, phones

    private func appendNumber(_ t: UnsafeBufferPointer<UInt8>, token: Token, index: Int, into folded: inout FoldedText) {
        var transforms: FoldTransforms = []
        let start = beginUnit(&folded)
        let range = token.normalizedRange
        let scanner = EntityScanner(t: t, resources: resources, table: table)
        if let number = scanner.groupedNumber(at: range.lowerBound), number.grouped, number.end == range.upperBound {
            Self.appendDecimal(number.value, to: &folded.bytes)
            transforms.insert(.digitsNormalized)
        } else {
            var i = range.lowerBound
            while i < range.upperBound {
                let (scalar, length) = UTF8Decoding.decode(t, at: i)
                if scalar == UInt32(UInt8(ascii: ",")) && i + 1 < range.upperBound && EntityScanner.isDigit(t[i + 1]) {
                    folded.bytes.append(UInt8(ascii: "."))  // 3,5 and 3.5 match
                } else {
                    appendScalar(scalar, confusables: false, to: &folded.bytes, transforms: &transforms)
                }
                i += length
            }
        }
        endUnit(&folded, start: start, span: token.span, tokens: index..<(index + 1), kind: .number, transforms: transforms)
    }

    /// Writes a non-negative value: whole numbers without a decimal point, others with up to two decimals.
    static func appendDecimal(_ value: Double, to out: inout [UInt8]) {
        let cents = (value * 100).rounded()
        guard cents.isFinite, cents < 1e17 else {
            out.append(contentsOf: "0".utf8)
            return
        }
        let whole = UInt64(cents) / 100
        let fraction = UInt64(cents) % 100
        appendInteger(whole, to: &out)
        if fraction != 0 {
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { out.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }
    }

    static func appendInteger(_ value: UInt64, to out: inout [UInt8]) {
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        var divisor: UInt64 = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// `1 500 € HT` → `1500eur`, `2k€` → `2000eur`, `$1,200` → `1200usd`.
    private func appendAmount(_ t: UnsafeBufferPointer<UInt8>, token: Token, index: Int, into folded: inout FoldedText) {
        let start = beginUnit(&folded)
        let range = token.normalizedRange
        let scanner = EntityScanner(t: t, resources: resources, table: table)
        var i = range.lowerBound
        var code: String?
        if !EntityScanner.isDigit(t[i]), let prefix = scanner.currency(at: i) {
            code = prefix.code
            i = prefix.end
            while i < range.upperBound && !EntityScanner.isDigit(t[i]) { i += 1 }
        }
        var value = 0.0
        if let number = scanner.groupedNumber(at: i) {
            value = number.value
            i = number.end
            while i < range.upperBound && (t[i] == 0x20 || t[i] >= 0x80 && scanner.groupSpaceLength(at: i) > 0) { i += scanner.groupSpaceLength(at: i) }
            if i < range.upperBound && (t[i] | 0x20 == UInt8(ascii: "k")) && (i + 1 == range.upperBound || !EntityScanner.isAlpha(t[i + 1]) || scanner.currency(at: i + 1) != nil) {
                value *= 1000
                i += 1
            } else if i < range.upperBound && t[i] == UInt8(ascii: "M") {
                value *= 1_000_000
                i += 1
            }
        }
        if code == nil {
            while i < range.upperBound {
                let space = scanner.groupSpaceLength(at: i)
                if space > 0 { i += space; continue }
                if let suffix = scanner.currency(at: i) { code = suffix.code }
                break
            }
        }
        Self.appendDecimal(value, to: &folded.bytes)
        for b in (code ?? "").utf8 { folded.bytes.append(b | 0x20) }
        endUnit(&folded, start: start, span: token.span, tokens: index..<(index + 1), kind: .amount, transforms: .digitsNormalized)
        // The tax mark stays visible to matching as its own unit: "1 500 € HT" → "1500eur ht".
        let mark: StaticString? = token.flags.contains(.beforeTax) ? "ht" : token.flags.contains(.taxIncluded) ? "ttc" : nil
        if let mark {
            let markStart = beginUnit(&folded)
            folded.bytes.append(contentsOf: UnsafeBufferPointer(start: mark.utf8Start, count: mark.utf8CodeUnitCount))
            endUnit(&folded, start: markStart, span: token.span, tokens: index..<(index + 1), kind: .amount, transforms: [])
        }
    }

    private func appendPhone(_ t: UnsafeBufferPointer<UInt8>, token: Token, index: Int, into folded: inout FoldedText) {
        let start = beginUnit(&folded)
        var transforms: FoldTransforms = [.digitsNormalized]
        if token.flags.contains(.obfuscated) {
            _ = Self.spelledDigits(t, range: token.normalizedRange, resources: resources, table: table, into: &folded.bytes)
            transforms.insert(.numberWords)
        } else {
            for i in token.normalizedRange {
                let b = t[i]
                if EntityScanner.isDigit(b) || (b == UInt8(ascii: "+") && folded.bytes.count == start) { folded.bytes.append(b) }
            }
        }
        endUnit(&folded, start: start, span: token.span, tokens: index..<(index + 1), kind: .phone, transforms: transforms)
    }

    // MARK: Links and tags

    private func appendLink(_ t: UnsafeBufferPointer<UInt8>, token: Token, index: Int, into folded: inout FoldedText) {
        var transforms: FoldTransforms = []
        let start = beginUnit(&folded)
        if token.kind == .email && token.flags.contains(.obfuscated) {
            appendSpelledEmail(t, range: token.normalizedRange, into: &folded.bytes, transforms: &transforms)
        } else {
            var i = token.normalizedRange.lowerBound
            while i < token.normalizedRange.upperBound {
                let (scalar, length) = UTF8Decoding.decode(t, at: i)
                appendScalar(scalar, confusables: true, to: &folded.bytes, transforms: &transforms)
                i += length
            }
        }
        endUnit(&folded, start: start, span: token.span, tokens: index..<(index + 1), kind: token.kind, transforms: transforms)
    }

    private func appendTag(_ t: UnsafeBufferPointer<UInt8>, token: Token, index: Int, into folded: inout FoldedText) {
        var transforms: FoldTransforms = []
        let start = beginUnit(&folded)
        var i = token.normalizedRange.lowerBound
        while i < token.normalizedRange.upperBound {
            let (scalar, length) = UTF8Decoding.decode(t, at: i)
            appendScalar(scalar, confusables: token.flags.contains(.mixedScript), to: &folded.bytes, transforms: &transforms)
            i += length
        }
        Self.squeeze(&folded.bytes, from: start, transforms: &transforms)
        endUnit(&folded, start: start, span: token.span, tokens: index..<(index + 1), kind: token.kind, transforms: transforms)
    }
}
