/// Rewrites the raw token list where ICU's word rules and chat disagree: French elision, hyphenated
/// compounds, words cut by invisible characters, leetspeak and masking spread over several
/// segments, and runs of punctuation or white space. Each pass works in place, without allocating.
struct TokenPasses {
    let t: UnsafeBufferPointer<UInt8>
    let table: CharacterTable
    let resources: TextResources

    /// Runs the passes the message's features call for (runs of punctuation and white space are
    /// merged while tokens are built).
    func run(_ tokens: inout [Token], features: TextFeatures) {
        if features.contains(.apostrophe) { splitElisions(&tokens) }
        if features.contains(.invisible) { mergeInvisibleSplits(&tokens) }
        if features.contains(.leet) { mergeLeet(&tokens) }
        if features.contains(.hyphen) { mergeHyphenated(&tokens) }
    }

    // MARK: Elision

    /// French elided words ICU keeps whole (`J'ai`, `qu’il`, `jusqu'à`): the article or pronoun
    /// becomes its own token flagged `.elision`. English contractions (`don't`) stay whole.
    func splitElisions(_ tokens: inout [Token]) {
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard token.kind == .word else { continue }
            let range = token.normalizedRange
            // "j" + "'" typed apart from what follows: ICU splits them; they are one elided word.
            if index < tokens.count, tokens[index].kind == .punctuation, tokens[index].normalizedRange.lowerBound == range.upperBound,
                isApostrophe(tokens[index].normalizedRange), Self.isElisionPrefix(t, range)
            {
                tokens[index - 1].normalizedRange = range.lowerBound..<tokens[index].normalizedRange.upperBound
                tokens[index - 1].flags.insert(.elision)
                tokens.remove(at: index)
                continue
            }
            var i = range.lowerBound
            var apostropheEnd = -1
            while i < range.upperBound {
                let b = t[i]
                if b == UInt8(ascii: "'") {
                    apostropheEnd = i + 1
                    break
                }
                if b == 0xE2 && i + 2 < range.upperBound && t[i + 1] == 0x80 && t[i + 2] == 0x99 {  // ’
                    apostropheEnd = i + 3
                    break
                }
                if !EntityScanner.isAlpha(b) { break }
                i += 1
            }
            guard apostropheEnd > 0, Self.isElisionPrefix(t, range.lowerBound..<i) else { continue }
            if apostropheEnd == range.upperBound {
                // "j'" standing alone (typed apart, or after folding) is still an elided word.
                tokens[index - 1].flags.insert(.elision)
                continue
            }
            var head = token
            head.normalizedRange = range.lowerBound..<apostropheEnd
            head.flags.insert(.elision)
            var tail = token
            tail.normalizedRange = apostropheEnd..<range.upperBound
            tokens[index - 1] = head
            tokens.insert(tail, at: index)
        }
    }

    /// `'` or `’` alone.
    func isApostrophe(_ range: Range<Int>) -> Bool {
        (range.count == 1 && t[range.lowerBound] == UInt8(ascii: "'"))
            || (range.count == 3 && t[range.lowerBound] == 0xE2 && t[range.lowerBound + 1] == 0x80 && t[range.lowerBound + 2] == 0x99)
    }

    /// l, d, j, m, t, s, n, c, qu, jusqu, lorsqu, puisqu, quoiqu, presqu (any case).
    static func isElisionPrefix(_ t: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let n = range.count
        if n == 1 {
            switch t[range.lowerBound] | 0x20 {
            case UInt8(ascii: "l"), UInt8(ascii: "d"), UInt8(ascii: "j"), UInt8(ascii: "m"), UInt8(ascii: "t"),
                UInt8(ascii: "s"), UInt8(ascii: "n"), UInt8(ascii: "c"):
                return true
            default:
                return false
            }
        }
        func equals(_ word: StaticString) -> Bool {
            guard word.utf8CodeUnitCount == n else { return false }
            for k in 0..<n where t[range.lowerBound + k] | 0x20 != word.utf8Start[k] { return false }
            return true
        }
        return equals("qu") || equals("jusqu") || equals("lorsqu") || equals("puisqu") || equals("quoiqu") || equals("presqu")
    }

    // MARK: Invisibles

    /// Whether a token consists only of invisible characters (ZWSP cuts words in UAX #29).
    func isInvisible(_ token: Token) -> Bool {
        var i = token.normalizedRange.lowerBound
        while i < token.normalizedRange.upperBound {
            let (scalar, length) = UTF8Decoding.decode(t, at: i)
            guard scalar >= 0x80, table.properties(of: scalar).contains(.defaultIgnorable) else { return false }
            i += length
        }
        return true
    }

    /// `tele\u{200B}gram` is one word with an invisible inside, not two words.
    func mergeInvisibleSplits(_ tokens: inout [Token]) {
        mergeWordTriples(&tokens, flag: .invisibles) { _, middle, _ in middle.kind == .whitespace && isInvisible(middle) }
    }

    /// Joins `word joiner word` triples in place into one word carrying `flag`, chaining
    /// (`W-h-a-t-s-A-p-p` is one word).
    private func mergeWordTriples(_ tokens: inout [Token], flag: TokenFlags, joins: (Token, Token, Token) -> Bool) {
        guard tokens.count > 2 else { return }
        var write = 0
        var read = 1
        while read < tokens.count {
            let token = tokens[read]
            if read + 1 < tokens.count, tokens[write].kind == .word, tokens[read + 1].kind == .word, joins(tokens[write], token, tokens[read + 1]) {
                let next = tokens[read + 1]
                tokens[write].normalizedRange = tokens[write].normalizedRange.lowerBound..<next.normalizedRange.upperBound
                tokens[write].flags.formUnion(next.flags.union(flag))
                read += 2
                continue
            }
            write += 1
            tokens[write] = token
            read += 1
        }
        tokens.removeLast(tokens.count - write - 1)
    }

    // MARK: Leetspeak and masking

    /// What a token can be inside a leet or masked word.
    private enum LeetPart { case letters, leetDigits, leetSymbols, mask, none }

    private func leetPart(_ token: Token) -> LeetPart {
        let range = token.normalizedRange
        switch token.kind {
        case .word:
            // Leetspeak is a Latin-script habit; "@日本語" is not a word.
            for i in range where t[i] >= 0x80 && t[i] != 0xC3 && t[i] != 0xC5 && t[i] & 0xC0 != 0x80 { return .none }
            return .letters
        case .number:
            for i in range where !(EntityScanner.isDigit(t[i]) && resources.leetASCII[Int(t[i])] != 0) { return .none }
            return .leetDigits
        case .punctuation, .symbol:
            var allMask = true
            for i in range {
                let b = t[i]
                guard b < 0x80 else { return .none }
                if b != UInt8(ascii: "*") {
                    allMask = false
                    guard resources.leetASCII[Int(b)] != 0 else { return .none }
                }
            }
            return allMask ? .mask : .leetSymbols
        default:
            return .none
        }
    }

    /// `arn@que`, `sal*pe`, `f***ing`, `$alope`, `c0nn4rd`: letters glued to leet digits or symbols
    /// (or masking asterisks) are one word. A leet symbol counts only between letters or before them,
    /// so sentence punctuation (`merci!`) is never read as a letter; asterisks may also end a word.
    func mergeLeet(_ tokens: inout [Token]) {
        var write = -1
        var read = 0
        while read < tokens.count {
            let token = tokens[read]
            // Interior leet digits inside one ICU word: "s3xy", "c0nn4rd".
            if token.kind == .word && hasInteriorLeetDigit(token.normalizedRange) {
                tokens[read].flags.insert(.leet)
            }
            let part = leetPart(tokens[read])
            guard part != .none else {
                write += 1
                tokens[write] = tokens[read]
                read += 1
                continue
            }
            // Extend a run of glued parts.
            var end = read + 1
            var hasLetters = part == .letters
            var hasLeet = part != .letters
            var lastPart = part
            var lastLettersIndex = part == .letters ? read : -1
            while end < tokens.count, tokens[end].normalizedRange.lowerBound == tokens[end - 1].normalizedRange.upperBound {
                let next = leetPart(tokens[end])
                if next == .none { break }
                if next == .letters {
                    hasLetters = true
                    lastLettersIndex = end
                } else {
                    hasLeet = true
                }
                lastPart = next
                end += 1
            }
            // Trailing parts that are not asterisks are sentence punctuation or numbers, not letters.
            var last = end - 1
            if lastPart != .mask { last = max(lastLettersIndex, read) }
            let firstIsLetters = part == .letters
            let leadingOK = firstIsLetters || (part == .leetSymbols && (t[tokens[read].normalizedRange.lowerBound] == UInt8(ascii: "$") || t[tokens[read].normalizedRange.lowerBound] == UInt8(ascii: "@")))
            if hasLetters && hasLeet && last > read && leadingOK {
                var merged = tokens[read]
                merged.kind = .word
                merged.normalizedRange = tokens[read].normalizedRange.lowerBound..<tokens[last].normalizedRange.upperBound
                var leet = false
                for k in read...last {
                    merged.flags.formUnion(tokens[k].flags)
                    let p = leetPart(tokens[k])
                    if p == .leetDigits || p == .leetSymbols { leet = true }
                }
                if leet { merged.flags.insert(.leet) }
                write += 1
                tokens[write] = merged
                read = last + 1
            } else {
                write += 1
                tokens[write] = tokens[read]
                read += 1
            }
        }
        tokens.removeLast(tokens.count - write - 1)
    }

    /// A leet character with a letter on each side, every digit or symbol in the word being a leet
    /// character: "s3xy", "c0nn4rd" and "arn@que" yes; "mp3", "sm58" and "b2b" (2 is not in the
    /// table) no. Apostrophes, hyphens, dots and underscores are word punctuation, not leet.
    func hasInteriorLeetDigit(_ range: Range<Int>) -> Bool {
        var sawInterior = false
        var i = range.lowerBound
        while i < range.upperBound {
            let b = t[i]
            if b < 0x80 && !EntityScanner.isAlpha(b) && b != UInt8(ascii: "'") && b != UInt8(ascii: "-") && b != UInt8(ascii: ".") && b != UInt8(ascii: "_") {
                guard resources.leetASCII[Int(b)] != 0 else { return false }
                if i > range.lowerBound && i + 1 < range.upperBound && EntityScanner.isAlpha(t[i - 1]) {
                    var j = i + 1
                    while j < range.upperBound && !EntityScanner.isAlpha(t[j]) && t[j] < 0x80 && resources.leetASCII[Int(t[j])] != 0 { j += 1 }
                    if j < range.upperBound && EntityScanner.isAlpha(t[j]) { sawInterior = true }
                }
            }
            i += 1
        }
        return sawInterior
    }

    // MARK: Hyphenated compounds

    /// `café-concert`, `sound-check`, `W-h-a-t-s-A-p-p`: words joined by single hyphens are one token.
    func mergeHyphenated(_ tokens: inout [Token]) {
        mergeWordTriples(&tokens, flag: .hyphenated) { left, middle, right in
            middle.kind == .punctuation && isHyphen(middle.normalizedRange) && !left.flags.contains(.elision)
                && left.normalizedRange.upperBound == middle.normalizedRange.lowerBound
                && middle.normalizedRange.upperBound == right.normalizedRange.lowerBound
        }
    }

    /// `-` (U+002D) or the non-breaking hyphen U+2011 or hyphen U+2010.
    func isHyphen(_ range: Range<Int>) -> Bool {
        if range.count == 1 { return t[range.lowerBound] == UInt8(ascii: "-") }
        return range.count == 3 && t[range.lowerBound] == 0xE2 && t[range.lowerBound + 1] == 0x80
            && (t[range.lowerBound + 2] == 0x90 || t[range.lowerBound + 2] == 0x91)
    }
}
