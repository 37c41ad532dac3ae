/// Recognizes entities that span several ICU word segments — links, e-mails, phones, amounts,
/// grouped numbers, times, mentions, hashtags and emoticons — directly on the NFC bytes.
///
/// Every scanner is anchored at a segment start, reads forward without allocating, and returns
/// where the entity ends; the segmenter then resumes at that offset.
struct EntityScanner {
    let t: UnsafeBufferPointer<UInt8>
    let resources: TextResources
    let table: CharacterTable

    struct Match {
        var kind: TokenKind
        var end: Int
        var flags: TokenFlags = []
    }

    // MARK: Byte classes

    @inline(__always) func byte(_ i: Int) -> UInt8 { i < t.count ? t[i] : 0 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) }

    /// Whether the scalar before `i` is a letter or digit (any script).
    func isWordCharacter(before i: Int) -> Bool {
        guard i > 0 else { return false }
        var j = i - 1
        while j > 0 && t[j] & 0xC0 == 0x80 { j -= 1 }
        let (scalar, _) = UTF8Decoding.decode(t, at: j)
        if scalar < 0x80 { return Self.isAlnum(UInt8(scalar)) || scalar == 0x5F }
        return table.properties(of: scalar).contains(.letter) || table.properties(of: scalar).contains(.digit)
    }

    /// Whether the scalar at `i` is a letter or digit (any script).
    func isWordCharacter(at i: Int) -> Bool {
        guard i < t.count else { return false }
        let (scalar, _) = UTF8Decoding.decode(t, at: i)
        if scalar < 0x80 { return Self.isAlnum(UInt8(scalar)) || scalar == 0x5F }
        let properties = table.properties(of: scalar)
        return properties.contains(.letter) || properties.contains(.digit)
    }

    /// Length of an invisible character (zero-width space/joiners, word joiner, BOM, soft hyphen) at `i`, or 0.
    /// Evasions put them inside words and domains; scanners step over them.
    @inline(__always) func invisibleLength(at i: Int) -> Int {
        let b = byte(i)
        if b == 0xE2 && byte(i + 1) == 0x80 && (0x8B...0x8F).contains(byte(i + 2)) { return 3 }  // U+200B–U+200F
        if b == 0xE2 && byte(i + 1) == 0x81 && (0xA0...0xA4).contains(byte(i + 2)) { return 3 }  // U+2060–U+2064
        if b == 0xEF && byte(i + 1) == 0xBB && byte(i + 2) == 0xBF { return 3 }  // U+FEFF
        if b == 0xC2 && byte(i + 1) == 0xAD { return 2 }  // soft hyphen
        return 0
    }

    /// Length of a space usable inside a grouped number: space, NBSP (U+00A0), narrow NBSP (U+202F), thin space (U+2009).
    @inline(__always) func groupSpaceLength(at i: Int) -> Int {
        let b = byte(i)
        if b == 0x20 { return 1 }
        if b == 0xC2 && byte(i + 1) == 0xA0 { return 2 }
        if b == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0xAF || byte(i + 2) == 0x89) { return 3 }
        return 0
    }

    func matchesCaseInsensitive(_ literal: StaticString, at i: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard i + n <= t.count else { return false }
        let p = literal.utf8Start
        for k in 0..<n where t[i + k] | 0x20 != p[k] | 0x20 { return false }
        return true
    }

    // MARK: Dispatch

    /// The entity starting at `i`, if any. `i` is a segment start.
    func scan(at i: Int) -> Match? {
        let b = t[i]
        if Self.isAlnum(b) || b >= 0x80 {
            if !isWordCharacter(before: i) {
                if let m = email(at: i) { return m }
                if let m = url(at: i) { return m }
            }
            if Self.isDigit(b) && !isWordCharacter(before: i) {
                if let m = phone(at: i) { return m }
                if let m = amount(at: i) { return m }
                if let m = number(at: i) { return m }
            }
            if b >= 0x80, let m = amount(at: i) { return m }  // € 800, £50
            if let m = emoticon(at: i) { return m }
            return nil
        }
        switch b {
        case UInt8(ascii: "+"), UInt8(ascii: "("):
            if !isWordCharacter(before: i), let m = phone(at: i) { return m }
        case UInt8(ascii: "$"):
            if let m = amount(at: i) { return m }
        case UInt8(ascii: "@"):
            if let m = tag(at: i, kind: .mention) { return m }
        case UInt8(ascii: "#"):
            if let m = tag(at: i, kind: .hashtag) { return m }
        default:
            break
        }
        return emoticon(at: i)
    }

    // MARK: Links

    /// Scans a host (dot-separated labels of letters, digits and hyphens; invisibles skipped).
    /// Returns its end, the number of labels, the last label's range and whether all labels are numeric.
    private func host(at start: Int) -> (end: Int, labels: Int, last: Range<Int>, numeric: Bool, punycode: Bool, invisible: Bool)? {
        var i = start
        var labels = 0
        var lastStart = start
        var numeric = true
        var punycode = false
        var invisible = false
        while true {
            let labelStart = i
            var labelLength = 0
            var labelNumeric = true
            while i < t.count {
                let b = t[i]
                if Self.isAlnum(b) || b == UInt8(ascii: "-") {
                    if !Self.isDigit(b) { labelNumeric = false }
                    i += 1
                    labelLength += 1
                } else if b >= 0x80 {
                    let skip = invisibleLength(at: i)
                    if skip > 0 {
                        i += skip
                        invisible = true
                        continue
                    }
                    let (scalar, length) = UTF8Decoding.decode(t, at: i)
                    guard table.properties(of: scalar).contains(.letter) || table.properties(of: scalar).contains(.mark) else { break }
                    labelNumeric = false
                    i += length
                    labelLength += 1
                } else {
                    break
                }
            }
            guard labelLength > 0, t[labelStart] != UInt8(ascii: "-") else { return nil }
            if matchesCaseInsensitive("xn--", at: labelStart) { punycode = true }
            labels += 1
            numeric = numeric && labelNumeric
            lastStart = labelStart
            // A dot continues the host only when a label follows.
            if byte(i) == UInt8(ascii: "."), i + 1 < t.count, isWordCharacter(at: i + 1) || invisibleLength(at: i + 1) > 0 {
                i += 1
                continue
            }
            return (i, labels, lastStart..<i, numeric, punycode, invisible)
        }
    }

    /// Whether a label (ASCII after confusable folding) is a known top-level domain.
    private func isTopLevelDomain(_ range: Range<Int>, requireLowercase: Bool) -> Bool {
        var i = range.lowerBound
        var bytes: (UInt64, UInt64) = (0, 0)
        var count = 0
        while i < range.upperBound {
            let (scalar, length) = UTF8Decoding.decode(t, at: i)
            var letter: UInt8 = 0
            if scalar < 0x80 {
                let b = UInt8(scalar)
                if requireLowercase && b >= 0x41 && b <= 0x5A { return false }
                letter = b | 0x20
            } else if invisibleLength(at: i) == 0 {
                letter = table.confusable(of: scalar)
                guard letter != 0 else { return false }
            }
            if letter != 0 {
                guard Self.isAlpha(letter), count < ShortKey.capacity else { return false }
                if count < 8 { bytes.0 |= UInt64(letter) << (8 * UInt64(count)) } else { bytes.1 |= UInt64(letter) << (8 * UInt64(count - 8)) }
                count += 1
            }
            i += length
        }
        guard count >= 2 else { return false }
        return resources.topLevelDomains.contains(ShortKey(packedLow: bytes.0, high: bytes.1))
    }

    func url(at i: Int) -> Match? {
        var start = i
        var hasScheme = false
        if matchesCaseInsensitive("https://", at: i) {
            start = i + 8
            hasScheme = true
        } else if matchesCaseInsensitive("http://", at: i) {
            start = i + 7
            hasScheme = true
        }
        let hasWWW = matchesCaseInsensitive("www.", at: start)
        var flags: TokenFlags = []
        var end: Int
        if hasScheme && byte(start) == UInt8(ascii: "[") {
            // IPv6 literal.
            var j = start + 1
            while j < t.count, Self.isAlnum(t[j]) || t[j] == UInt8(ascii: ":") || t[j] == UInt8(ascii: ".") { j += 1 }
            guard byte(j) == UInt8(ascii: "]") else { return nil }
            end = j + 1
            flags.insert(.ipLiteral)
        } else {
            guard let h = host(at: start) else { return nil }
            if h.numeric {
                guard h.labels == 4 else { return nil }
                flags.insert(.ipLiteral)
            } else {
                guard h.labels >= 2 || (hasScheme && h.labels >= 1) else { return nil }
                if !hasScheme && !hasWWW {
                    let followedByPath = byte(h.end) == UInt8(ascii: "/")
                    guard isTopLevelDomain(h.last, requireLowercase: !followedByPath) else { return nil }
                } else if h.labels >= 2 && !isTopLevelDomain(h.last, requireLowercase: false) && !hasScheme {
                    return nil
                }
            }
            if h.punycode { flags.insert(.punycode) }
            if h.invisible { flags.insert(.invisibles) }
            end = h.end
        }
        // A host glued to '@' is the domain of an e-mail, not a link.
        if byte(end) == UInt8(ascii: "@") { return nil }
        // Port.
        if byte(end) == UInt8(ascii: ":"), Self.isDigit(byte(end + 1)) {
            end += 1
            while Self.isDigit(byte(end)) { end += 1 }
        }
        // Path, query, fragment: up to white space; trailing sentence punctuation is not part of it.
        let p = byte(end)
        if p == UInt8(ascii: "/") || p == UInt8(ascii: "?") || p == UInt8(ascii: "#") {
            while end < t.count {
                let b = t[end]
                if b <= 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") { break }
                if b >= 0x80 {
                    let (scalar, length) = UTF8Decoding.decode(t, at: end)
                    if table.properties(of: scalar).contains(.whitespace) || table.properties(of: scalar).contains(.pictographic) { break }
                    end += length
                } else {
                    end += 1
                }
            }
            while end > start {
                let b = t[end - 1]
                let trailing: StaticString = ".,;:!?)]}'"
                var isTrailing = false
                for k in 0..<trailing.utf8CodeUnitCount where trailing.utf8Start[k] == b { isTrailing = true }
                if !isTrailing { break }
                end -= 1
            }
        }
        return Match(kind: .url, end: end, flags: flags)
    }

    func email(at i: Int) -> Match? {
        // Local part.
        var j = i
        var flags: TokenFlags = []
        while j < t.count {
            let b = t[j]
            if Self.isAlnum(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
                || b == UInt8(ascii: "+") || b == UInt8(ascii: "%")
            {
                j += 1
            } else if b >= 0x80 {
                let skip = invisibleLength(at: j)
                if skip > 0 {
                    j += skip
                    flags.insert(.invisibles)
                    continue
                }
                let (scalar, length) = UTF8Decoding.decode(t, at: j)
                guard table.properties(of: scalar).contains(.letter) else { break }
                j += length
            } else {
                break
            }
        }
        guard j > i, byte(j) == UInt8(ascii: "@"), t[j - 1] != UInt8(ascii: ".") else { return nil }
        guard let h = host(at: j + 1), h.labels >= 2, !h.numeric else { return nil }
        var tld = 0
        var k = h.last.lowerBound
        while k < h.last.upperBound {
            guard Self.isAlpha(t[k]) || t[k] >= 0x80 else { return nil }
            tld += 1
            k += 1
        }
        guard tld >= 2 else { return nil }
        if h.invisible { flags.insert(.invisibles) }
        return Match(kind: .email, end: h.end, flags: flags)
    }

    // MARK: Numbers

    /// Reads a phone number: optional `+`, digits with single separators (space, dot, hyphen, slash,
    /// NBSP) and parentheses. French (0X XX XX XX XX), international (+CC…, 00CC…) and North American
    /// (3-3-4 digits) layouts are accepted; anything else is left to the number scanners. The longest
    /// valid prefix wins, so a phone followed by more digits is still found.
    func phone(at i: Int) -> Match? {
        /// Digit groups seen so far, without allocating: count, the first three sizes, whether all are pairs.
        struct Groups {
            var count = 0
            var sizes: (Int, Int, Int) = (0, 0, 0)
            var allPairs = true
            mutating func add(_ size: Int) {
                guard size > 0 else { return }
                switch count {
                case 0: sizes.0 = size
                case 1: sizes.1 = size
                case 2: sizes.2 = size
                default: break
                }
                if size != 2 { allPairs = false }
                count += 1
            }
            func are(_ a: Int, _ b: Int, _ c: Int = 0) -> Bool {
                count == (c == 0 ? 2 : 3) && sizes.0 == a && sizes.1 == b && sizes.2 == c
            }
        }
        var j = i
        let plus = byte(j) == UInt8(ascii: "+")
        if plus { j += 1 }
        var digits = 0
        var first: UInt8 = 0
        var second: UInt8 = 0
        var groups = Groups()
        var group = 0
        var open = false
        var best: Int? = nil
        var countryCode = 0
        var trunkZero = false

        func isValid(_ groups: Groups, digits: Int) -> Bool {
            if plus {
                // Where the country code fixes the length, only that length (so a following number
                // is not swallowed): France +33 and the NANP +1 have 11 digits, the UK +44 12. A
                // trunk prefix written "(0)" does not count.
                let significant = digits - (trunkZero ? 1 : 0)
                if countryCode == 33 || countryCode == 1 { return significant == 11 }
                if countryCode == 44 { return significant == 12 || significant == 11 }
                return significant >= 8 && significant <= 15
            }
            if first == UInt8(ascii: "0") && second == UInt8(ascii: "0") && groups.count > 0 && groups.sizes.0 >= 2 || first == UInt8(ascii: "0") && second == UInt8(ascii: "0") && groups.count == 0 {
                return digits >= 10 && digits <= 15
            }
            if first == UInt8(ascii: "0") {
                return digits == 10 && second != UInt8(ascii: "0")
                    && (groups.count == 1 || groups.allPairs || groups.are(4, 6) || groups.are(2, 4, 4))
            }
            return digits == 10 && groups.are(3, 3, 4)
        }
        /// Records the phone ending at `end` when it is valid and not glued to a letter.
        func consider(end: Int) {
            var closed = groups
            closed.add(group)
            if !open && isValid(closed, digits: digits) && !isWordCharacter(at: end) { best = end }
        }

        while j < t.count {
            let b = t[j]
            if Self.isDigit(b) {
                if digits == 0 { first = b } else if digits == 1 { second = b }
                if plus && groups.count == 0 && digits < 3 && (digits == 0 || countryCode != 1 && countryCode != 7) {
                    countryCode = countryCode * 10 + Int(b - 0x30)
                }
                digits += 1
                group += 1
                j += 1
                if digits > 15 { break }
                if !Self.isDigit(byte(j)) { consider(end: j) }
                continue
            }
            if b == UInt8(ascii: "(") && !open {
                open = true
                groups.add(group)
                group = 0
                j += 1
                continue
            }
            if b == UInt8(ascii: ")") && open {
                open = false
                if group == 1 && t[j - 1] == UInt8(ascii: "0") { trunkZero = true }
                groups.add(group)
                group = 0
                j += 1
                if byte(j) == UInt8(ascii: " ") || byte(j) == UInt8(ascii: "-") || byte(j) == UInt8(ascii: ".") { j += 1 }
                continue
            }
            let invisible = invisibleLength(at: j)
            if invisible > 0 {
                // Zero-width characters inside a number are an evasion, not a separator.
                j += invisible
                continue
            }
            let space = groupSpaceLength(at: j)
            let separator = space > 0 ? space : (b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "/") ? 1 : 0)
            if separator > 0, Self.isDigit(byte(j + separator)) || byte(j + separator) == UInt8(ascii: "(") {
                groups.add(group)
                group = 0
                j += separator
                continue
            }
            break
        }
        return best.map { Match(kind: .phone, end: $0) }
    }

    /// Reads digits with optional grouping (`2 500`, `1.500`, `1,200`) and a decimal part.
    /// Returns the end and the numeric value.
    func groupedNumber(at i: Int) -> (end: Int, value: Double, grouped: Bool)? {
        guard Self.isDigit(byte(i)) else { return nil }
        var j = i
        var integer: Double = 0
        var leading = 0
        while Self.isDigit(byte(j)) {
            integer = integer * 10 + Double(byte(j) - 0x30)
            j += 1
            leading += 1
        }
        var grouped = false
        if leading <= 3 {
            // Groups of exactly three digits after a space, NBSP, dot or comma.
            while true {
                let space = groupSpaceLength(at: j)
                let b = byte(j)
                let separator = space > 0 ? space : (b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: "'") ? 1 : 0)
                guard separator > 0 else { break }
                let g = j + separator
                guard Self.isDigit(byte(g)), Self.isDigit(byte(g + 1)), Self.isDigit(byte(g + 2)), !Self.isDigit(byte(g + 3)) else { break }
                // "1.500,50" and "1,500.50" are fine; "1,500" is a grouping, "1,5" a decimal.
                integer = integer * 1000 + Double(byte(g) - 0x30) * 100 + Double(byte(g + 1) - 0x30) * 10 + Double(byte(g + 2) - 0x30)
                j = g + 3
                grouped = true
            }
        }
        var value = integer
        let b = byte(j)
        if (b == UInt8(ascii: ".") || b == UInt8(ascii: ",")) && Self.isDigit(byte(j + 1)) {
            var k = j + 1
            var scale = 0.1
            var fraction = 0.0
            var count = 0
            while Self.isDigit(byte(k)) {
                fraction += Double(byte(k) - 0x30) * scale
                scale /= 10
                k += 1
                count += 1
            }
            if count != 3 || grouped {
                value += fraction
                j = k
            }
        }
        return (j, value, grouped)
    }

    /// Matches a currency word or symbol at `i` (`€`, `$`, `£`, `euros`, `balles`, `EUR`…) ending at a
    /// word boundary. Returns its end and ISO code.
    func currency(at i: Int) -> (end: Int, code: String)? {
        var j = i
        if j < t.count, t[j] >= 0x80 || t[j] == UInt8(ascii: "$") {
            // A symbol: one scalar.
            let (scalar, length) = UTF8Decoding.decode(t, at: j)
            guard scalar == 0x24 || table.properties(of: scalar).contains(.symbol) else { return nil }
            j += length
        } else {
            while Self.isAlpha(byte(j)) { j += 1 }
            guard j > i, !isWordCharacter(at: j) else { return nil }
        }
        guard let key = ShortKey(lowercasing: UnsafeBufferPointer(rebasing: t[i..<j])), let code = resources.currencies[key] else { return nil }
        return (j, code)
    }

    private func skipSpace(_ j: Int) -> Int {
        let space = groupSpaceLength(at: j)
        return space > 0 ? j + space : j
    }

    /// Amounts: `1 500 €`, `1 500€`, `2k€`, `2 000 euros HT`, `$1,200`, `€800`, `800 balles`, `1,5 k€`.
    func amount(at i: Int) -> Match? {
        var j = i
        var prefixCurrency = false
        if !Self.isDigit(byte(i)) {
            guard let c = currency(at: i) else { return nil }
            prefixCurrency = true
            j = skipSpace(c.end)
        }
        guard let number = groupedNumber(at: j) else { return nil }
        j = number.end
        // Multiplier: k / K (thousands), M (millions), directly or after a space.
        var afterMultiplier = j
        let m = byte(skipSpace(j))
        if (m | 0x20) == UInt8(ascii: "k") || m == UInt8(ascii: "M") {
            let k = skipSpace(j) + 1
            if !Self.isAlpha(byte(k)) || currency(at: k) != nil { afterMultiplier = k }
        }
        var end = afterMultiplier
        var hasCurrency = prefixCurrency
        if !prefixCurrency {
            let c = skipSpace(afterMultiplier)
            if let found = currency(at: c) {
                end = found.end
                hasCurrency = true
            }
        }
        guard hasCurrency else { return nil }
        var flags: TokenFlags = []
        // Tax marks: HT, TTC, H.T., hors taxes.
        let tax = skipSpace(end)
        if matchesCaseInsensitive("ht", at: tax) && !isWordCharacter(at: tax + 2) {
            end = tax + 2
            flags.insert(.beforeTax)
        } else if matchesCaseInsensitive("h.t.", at: tax) {
            end = tax + 4
            flags.insert(.beforeTax)
        } else if matchesCaseInsensitive("ttc", at: tax) && !isWordCharacter(at: tax + 3) {
            end = tax + 3
            flags.insert(.taxIncluded)
        }
        return Match(kind: .amount, end: end, flags: flags)
    }

    /// Grouped numbers (`2 500`) and clock times (`5:30`, `20:00`) that ICU splits.
    func number(at i: Int) -> Match? {
        var j = i
        var digits = 0
        while Self.isDigit(byte(j)) {
            j += 1
            digits += 1
        }
        if digits <= 2, byte(j) == UInt8(ascii: ":"), Self.isDigit(byte(j + 1)), Self.isDigit(byte(j + 2)), !Self.isDigit(byte(j + 3)) {
            var end = j + 3
            while Self.isAlpha(byte(end)) { end += 1 }  // 5:30pm
            return Match(kind: .number, end: end)
        }
        guard let number = groupedNumber(at: i), number.grouped, !isWordCharacter(at: number.end) else { return nil }
        return Match(kind: .number, end: number.end)
    }

    // MARK: Mentions, hashtags, emoticons

    func tag(at i: Int, kind: TokenKind) -> Match? {
        guard !isWordCharacter(before: i) else { return nil }
        var j = i + 1
        while j < t.count {
            let b = t[j]
            if Self.isAlnum(b) || b == UInt8(ascii: "_") || (kind == .mention && b == UInt8(ascii: ".") && isWordCharacter(at: j + 1)) {
                j += 1
            } else if b >= 0x80 && kind == .hashtag {
                let (scalar, length) = UTF8Decoding.decode(t, at: j)
                let properties = table.properties(of: scalar)
                guard properties.contains(.letter) || properties.contains(.mark) || properties.contains(.digit) else { break }
                j += length
            } else {
                break
            }
        }
        // A tag needs a letter or digit, not just marks or variation selectors ("#️").
        var k = i + 1
        var hasWordCharacter = false
        while k < j && !hasWordCharacter {
            hasWordCharacter = isWordCharacter(at: k)
            k += UTF8Decoding.length(lead: t[k])
        }
        guard hasWordCharacter else { return nil }
        return Match(kind: kind, end: j)
    }

    func emoticon(at i: Int) -> Match? {
        for candidate in resources.emoticonsByFirstByte[Int(t[i])] {
            let length = candidate.count
            guard i + length <= t.count else { continue }
            var equal = true
            for k in 1..<length where t[i + k] != candidate[k] {
                equal = false
                break
            }
            if equal {
                let last = t[i + length - 1]
                let firstByte = t[i]
                // A letter at either edge must not touch another letter ("xD" yes, "xDD" and "Dear" no).
                if Self.isAlnum(last) && isWordCharacter(at: i + length) { return nil }
                if Self.isAlnum(firstByte) && isWordCharacter(before: i) { return nil }
                if !Self.isAlnum(firstByte) && Self.isAlnum(last) && isWordCharacter(before: i) { return nil }
                return Match(kind: .emoticon, end: i + length)
            }
        }
        return nil
    }
}
