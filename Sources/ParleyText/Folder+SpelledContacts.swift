/// Contacts written to slip past filters: phone numbers in words (`zéro six douze trente-quatre…`,
/// `zero seven nine one one…`) and e-mails with the `@` and dots spelled out (`jean at gmail dot com`,
/// `jean[at]gmail.com`, `jean arobase gmail point com`). Found after folding, since they are read
/// from folded words; the tokens they cover are merged into one `phone` or `email` token flagged
/// `.obfuscated`.
extension Folder {
    /// Merges spelled-out contacts into single tokens. Returns whether anything changed (the caller
    /// then recomputes spans and folds again). Allocates only when a message has candidates.
    mutating func rewriteSpelledContacts(_ t: UnsafeBufferPointer<UInt8>, tokens: inout [Token], folded: FoldedText, features: TextFeatures) -> Bool {
        var numberWordUnits = 0
        var atMarkers = 0
        for unit in folded.units where unit.kind == .word {
            let bytes = folded.bytes[unit.folded]
            if resources.mayBeNumberWord(bytes), resources.numberWordValue(bytes) != nil { numberWordUnits += 1 }
            if Self.isAtMarker(bytes) { atMarkers += 1 }
        }
        if features.contains(.atSign) {
            for token in tokens where token.kind == .punctuation && token.normalizedRange.count == 1 && t[token.normalizedRange.lowerBound] == UInt8(ascii: "@") {
                atMarkers += 1
            }
        }
        var changed = false
        if atMarkers > 0 { changed = rewriteSpelledEmails(t, tokens: &tokens, folded: folded) }
        // A phone in words needs several number words ("zéro six douze…"); "une" or "deux" alone are not one.
        if numberWordUnits >= 3 {
            // Units may be stale after an e-mail rewrite; spelled phones are read from the bytes.
            changed = rewriteSpelledPhones(t, tokens: &tokens) || changed
        }
        return changed
    }

    // MARK: Phones

    /// Whether a word token is a number word (or a compound of them, `soixante-dix-huit`).
    private mutating func isNumberWordToken(_ t: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        guard token.kind == .word else { return false }
        scratch.removeAll(keepingCapacity: true)
        return Self.spelledDigits(t, range: token.normalizedRange, resources: resources, table: table, into: &scratch) > 0
    }

    /// Whether a token's own bytes are one of the given lower-case ASCII words, in any case (no allocation).
    private static func tokenIs(_ t: UnsafeBufferPointer<UInt8>, _ token: Token, oneOf words: StaticString...) -> Bool {
        let range = token.normalizedRange
        for word in words where word.utf8CodeUnitCount == range.count {
            var equal = true
            for k in 0..<range.count where t[range.lowerBound + k] | 0x20 != word.utf8Start[k] {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }

    private mutating func rewriteSpelledPhones(_ t: UnsafeBufferPointer<UInt8>, tokens: inout [Token]) -> Bool {
        var changed = false
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .word || tokens[index].kind == .number else {
                index += 1
                continue
            }
            // Extend a run of number words and short digit groups separated by spaces or light punctuation.
            var end = index
            var words = 0
            var cursor = index
            while cursor < tokens.count {
                let token = tokens[cursor]
                let isWord = isNumberWordToken(t, token)
                let isDigits = token.kind == .number && token.normalizedRange.count <= 4
                    && token.normalizedRange.allSatisfy { EntityScanner.isDigit(t[$0]) }
                let isConnector = token.kind == .word && cursor > index && Self.tokenIs(t, token, oneOf: "et", "and")
                guard isWord || isDigits || isConnector else { break }
                if isWord { words += 1 }
                end = cursor + 1
                var next = cursor + 1
                while next < tokens.count, isPhoneSeparator(t, tokens[next]) { next += 1 }
                guard next > cursor + 1 || next < tokens.count && tokens[next].normalizedRange.lowerBound == token.normalizedRange.upperBound else { break }
                cursor = next
            }
            if words >= 1 && end - index >= 3 {
                let range = tokens[index].normalizedRange.lowerBound..<tokens[end - 1].normalizedRange.upperBound
                var digits: [UInt8] = []
                let count = Self.spelledDigits(t, range: range, resources: resources, table: table, into: &digits)
                if count >= 9 && count <= 15 {
                    var merged = tokens[index]
                    merged.kind = .phone
                    merged.normalizedRange = range
                    merged.flags = [.obfuscated]
                    tokens.replaceSubrange(index..<end, with: CollectionOfOne(merged))
                    changed = true
                }
            }
            index += 1
        }
        return changed
    }

    private func isPhoneSeparator(_ t: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        if token.kind == .whitespace { return true }
        guard token.kind == .punctuation, token.normalizedRange.count == 1 else { return false }
        let b = t[token.normalizedRange.lowerBound]
        return b == UInt8(ascii: ",") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "/")
    }

    /// Reads digits written in words and figures from a byte range (`zéro six, douze 34` → `061234`).
    /// Tens followed by a smaller number combine (`trente quatre`, `soixante-dix-huit`, `twenty one`),
    /// `quatre-vingt` is 80, `et`/`and` inside a number are skipped. Returns the number of digits
    /// written, or 0 when a word is not a number word.
    /// Static, so that a buffer owned by the folder can be filled without copying the folder.
    static func spelledDigits(_ t: UnsafeBufferPointer<UInt8>, range: Range<Int>, resources: TextResources, table: CharacterTable,
                              into out: inout [UInt8]) -> Int {
        let start = out.count
        var current: Int? = nil
        var i = range.lowerBound
        func flush(_ out: inout [UInt8]) {
            if let value = current { Self.appendInteger(UInt64(value), to: &out) }
            current = nil
        }
        while i < range.upperBound {
            let b = t[i]
            if EntityScanner.isDigit(b) {
                flush(&out)
                while i < range.upperBound && EntityScanner.isDigit(t[i]) {
                    out.append(t[i])
                    i += 1
                }
                continue
            }
            let (scalar, length) = UTF8Decoding.decode(t, at: i)
            let isLetter = scalar < 0x80 ? EntityScanner.isAlpha(b) : table.properties(of: scalar).contains(.letter)
            guard isLetter else {
                // A space or comma between words ends a number unless tens are followed by units.
                i += length
                continue
            }
            // Fold one word.
            let joinedByHyphen = i > range.lowerBound && t[i - 1] == UInt8(ascii: "-")
            var word = ShortKeyBuilder()
            while i < range.upperBound {
                let (s, l) = UTF8Decoding.decode(t, at: i)
                let letter = s < 0x80 ? EntityScanner.isAlpha(UInt8(s)) : table.properties(of: s).contains(.letter) || table.properties(of: s).contains(.mark)
                guard letter else { break }
                scratchFold(s, table: table, into: &word)
                i += l
            }
            if word.isConnector { continue }
            guard let key = word.key, let value = resources.numberWords[key] else {
                out.removeLast(out.count - start)
                return 0
            }
            if let previous = current {
                if previous == 4 && value == 20 {
                    current = 80
                } else if previous >= 20 && previous % 10 == 0 && value < 20 && value > 0 && (joinedByHyphen || previous < 100) {
                    current = previous + value
                } else {
                    flush(&out)
                    current = value
                }
            } else {
                current = value
            }
        }
        flush(&out)
        return out.count - start
    }

    /// Folds one scalar into a short key being built.
    private static func scratchFold(_ scalar: UInt32, table: CharacterTable, into builder: inout ShortKeyBuilder) {
        if scalar < 0x80 {
            builder.append(UInt8(scalar))
            return
        }
        if let cached = table.cachedFold(of: scalar) {
            for b in cached { builder.append(b) }
            return
        }
        var folded: [UInt8] = []
        table.appendFolded(scalar, to: &folded)
        for b in folded { builder.append(b) }
    }

    // MARK: E-mails

    /// `at`, `arobase`, `arobas`: the `@` spelled out.
    static func isAtMarker<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool where Bytes.Index == Int {
        let n = bytes.count
        guard n == 2 || n == 6 || n == 7, bytes[bytes.startIndex] == UInt8(ascii: "a") else { return false }
        if n == 2 { return bytes[bytes.startIndex + 1] == UInt8(ascii: "t") }
        return bytes.elementsEqual("arobase".utf8) || bytes.elementsEqual("arobas".utf8)
    }

    private static func isDotMarker<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        bytes.elementsEqual("dot".utf8) || bytes.elementsEqual("point".utf8)
    }

    /// Words that precede "at" in ordinary English ("meet me at…", "look at…"), never a mailbox.
    private static func isOrdinaryWordBeforeAt<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        for word in ["me", "you", "us", "him", "her", "them", "it", "we", "i", "here", "there", "look", "see", "meet", "check",
                     "visit", "find", "site", "website", "page", "arrive", "arrived", "play", "playing", "be", "are", "is", "am"]
        where bytes.elementsEqual(word.utf8) {
            return true
        }
        return false
    }

    private func foldedWord(_ t: UnsafeBufferPointer<UInt8>, _ token: Token) -> [UInt8] {
        var out: [UInt8] = []
        var i = token.normalizedRange.lowerBound
        while i < token.normalizedRange.upperBound {
            let (scalar, length) = UTF8Decoding.decode(t, at: i)
            if scalar < 0x80 {
                let b = UInt8(scalar)
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            } else {
                table.appendFolded(scalar, to: &out)
            }
            i += length
        }
        return out
    }

    private func isBracket(_ t: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        guard token.kind == .punctuation, token.normalizedRange.count == 1 else { return false }
        let b = t[token.normalizedRange.lowerBound]
        return b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
            || b == UInt8(ascii: "{") || b == UInt8(ascii: "}")
    }

    /// A mailbox name: letters, digits and `. _ - +`, with at least one letter or digit.
    private func isMailboxName(_ t: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        var alnum = false
        for i in token.normalizedRange {
            let b = t[i]
            if EntityScanner.isAlnum(b) || b >= 0x80 {
                alnum = true
            } else if b != UInt8(ascii: ".") && b != UInt8(ascii: "_") && b != UInt8(ascii: "-") && b != UInt8(ascii: "+") {
                return false
            }
        }
        return alnum
    }

    /// A mailbox-looking name: with a digit or one of `. _ - +` (`jean.dupont`, `booking_2024`).
    private func isMailboxLike(_ t: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        token.normalizedRange.contains { i in
            let b = t[i]
            return EntityScanner.isDigit(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
        }
    }

    /// Whether a host's first label is a known mail provider (`gmail.com`, `orange.fr`).
    private func isMailProvider(_ t: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        var end = token.normalizedRange.lowerBound
        while end < token.normalizedRange.upperBound && t[end] != UInt8(ascii: ".") { end += 1 }
        guard let key = ShortKey(lowercasing: UnsafeBufferPointer(rebasing: t[token.normalizedRange.lowerBound..<end])) else { return false }
        return resources.mailProviders.contains(key)
    }

    /// A bare host (`gmail.com`): no scheme, port, path or IP literal, so it can end a spelled e-mail.
    private func isPlainHost(_ t: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        guard !token.flags.contains(.ipLiteral) else { return false }
        for i in token.normalizedRange {
            let b = t[i]
            if b < 0x80 && !EntityScanner.isAlnum(b) && b != UInt8(ascii: "-") && b != UInt8(ascii: ".") { return false }
        }
        return true
    }

    /// Skips tokens that give no folded unit (white space, brackets, symbols, emoji), but not the
    /// `.` and `@` that spell an address: what folding drops must not change what is found here.
    private func skipFiller(_ t: UnsafeBufferPointer<UInt8>, _ tokens: [Token], from index: Int, step: Int) -> Int {
        var i = index
        while i >= 0 && i < tokens.count {
            let token = tokens[i]
            switch token.kind {
            case .whitespace, .symbol, .emoji, .emoticon:
                i += step
                continue
            case .punctuation:
                let b = t[token.normalizedRange.lowerBound]
                if token.normalizedRange.count == 1 && (b == UInt8(ascii: ".") || b == UInt8(ascii: "@")) { return i }
                i += step
                continue
            default:
                return i
            }
        }
        return i
    }

    private mutating func rewriteSpelledEmails(_ t: UnsafeBufferPointer<UInt8>, tokens: inout [Token], folded: FoldedText) -> Bool {
        var changed = false
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let isSymbolAt = token.kind == .punctuation && token.normalizedRange.count == 1 && t[token.normalizedRange.lowerBound] == UInt8(ascii: "@")
            let isWordAt = token.kind == .word && Self.tokenIs(t, token, oneOf: "at", "arobase", "arobas")
            guard isSymbolAt || isWordAt else {
                index += 1
                continue
            }
            let localIndex = skipFiller(t, tokens, from: index - 1, step: -1)
            guard localIndex >= 0, tokens[localIndex].kind == .word || tokens[localIndex].kind == .number, isMailboxName(t, tokens[localIndex]) else {
                index += 1
                continue
            }
            if isWordAt && Self.isOrdinaryWordBeforeAt(foldedWord(t, tokens[localIndex])) {
                index += 1
                continue
            }
            var cursor = skipFiller(t, tokens, from: index + 1, step: 1)
            var end = -1
            if cursor < tokens.count && tokens[cursor].kind == .url && isPlainHost(t, tokens[cursor]) {
                // A bare "at" before a written domain is ordinary English ("sign up now at x.com")
                // unless the name looks like a mailbox or the domain is a mail provider's.
                let bracketed = index > 0 && isBracket(t, tokens[index - 1])
                let bare = isWordAt && !bracketed && Self.tokenIs(t, token, oneOf: "at")
                if !bare || isMailboxLike(t, tokens[localIndex]) || isMailProvider(t, tokens[cursor]) { end = cursor }
            } else {
                var labels = 0
                var lastLabel = -1
                while cursor < tokens.count, tokens[cursor].kind == .word {
                    labels += 1
                    lastLabel = cursor
                    var next = skipFiller(t, tokens, from: cursor + 1, step: 1)
                    guard next < tokens.count else { break }
                    let marker = tokens[next]
                    let isDot = (marker.kind == .punctuation && marker.normalizedRange.count == 1 && t[marker.normalizedRange.lowerBound] == UInt8(ascii: "."))
                        || (marker.kind == .word && Self.tokenIs(t, marker, oneOf: "dot", "point"))
                    guard isDot else { break }
                    next = skipFiller(t, tokens, from: next + 1, step: 1)
                    guard next < tokens.count, tokens[next].kind == .word || tokens[next].kind == .url && isPlainHost(t, tokens[next]) else { break }
                    if tokens[next].kind == .url {
                        lastLabel = next
                        labels += 1
                        break
                    }
                    cursor = next
                }
                if labels >= 2, lastLabel >= 0 {
                    let label = foldedWord(t, tokens[lastLabel])
                    let isURL = tokens[lastLabel].kind == .url
                    if isURL || (ShortKey(lowercasing: label).map { resources.topLevelDomains.contains($0) } ?? false) { end = lastLabel }
                }
            }
            guard end > index else {
                index += 1
                continue
            }
            // Only an address that reads back as one (name@label.tld) is merged, so that the folded
            // unit is exactly what the e-mail scanner finds when it is folded again.
            let range = tokens[localIndex].normalizedRange.lowerBound..<tokens[end].normalizedRange.upperBound
            scratch.removeAll(keepingCapacity: true)
            var ignored: FoldTransforms = []
            appendSpelledEmail(t, range: range, into: &scratch, transforms: &ignored)
            guard Self.isWellFormedAddress(scratch) else {
                index += 1
                continue
            }
            var merged = tokens[localIndex]
            merged.kind = .email
            merged.normalizedRange = tokens[localIndex].normalizedRange.lowerBound..<tokens[end].normalizedRange.upperBound
            merged.flags = [.obfuscated]
            tokens.replaceSubrange(localIndex...end, with: CollectionOfOne(merged))
            changed = true
            index = localIndex + 1
        }
        return changed
    }

    /// `name@label.tld`: a non-empty name, at least two non-empty labels, an alphabetic TLD of two letters or more.
    static func isWellFormedAddress(_ address: [UInt8]) -> Bool {
        guard let at = address.firstIndex(of: UInt8(ascii: "@")), at > 0, !address[(at + 1)...].contains(UInt8(ascii: "@")) else { return false }
        let labels = address[(at + 1)...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let tld = labels.last, tld.count >= 2 else { return false }
        return tld.allSatisfy { EntityScanner.isAlpha($0) }
    }

    /// The folded address of a spelled e-mail token: first word, `@`, then the labels joined by dots.
    func appendSpelledEmail(_ t: UnsafeBufferPointer<UInt8>, range: Range<Int>, into out: inout [UInt8], transforms: inout FoldTransforms) {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        var i = range.lowerBound
        func flush() {
            if current.contains(where: { EntityScanner.isAlnum($0) || $0 >= 0x80 }) { words.append(current) }
            current = []
        }
        while i < range.upperBound {
            let (scalar, length) = UTF8Decoding.decode(t, at: i)
            if scalar < 0x80 {
                let b = UInt8(scalar)
                if EntityScanner.isAlnum(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: "%")
                    || (b == UInt8(ascii: ".") && !current.isEmpty && i + 1 < range.upperBound && EntityScanner.isAlnum(t[i + 1]))
                {
                    current.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                } else {
                    flush()
                }
            } else if table.properties(of: scalar).contains(.letter) {
                let c = table.confusable(of: scalar)
                if c != 0 {
                    current.append(c)
                    transforms.insert(.confusables)
                } else {
                    table.appendFolded(scalar, to: &current)
                }
            } else {
                flush()
            }
            i += length
        }
        flush()
        guard let local = words.first else { return }
        out.append(contentsOf: local)
        out.append(UInt8(ascii: "@"))
        var first = true
        for word in words.dropFirst() where !Self.isAtMarker(word) && !Self.isDotMarker(word) {
            if !first { out.append(UInt8(ascii: ".")) }
            out.append(contentsOf: word)
            first = false
        }
    }
}

/// Builds a ``ShortKey`` one folded byte at a time.
struct ShortKeyBuilder {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var count = 0

    mutating func append(_ byte: UInt8) {
        let b = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        if count < 8 {
            low |= UInt64(b) << (8 * UInt64(count))
        } else if count < 16 {
            high |= UInt64(b) << (8 * UInt64(count - 8))
        }
        count += 1
    }

    var key: ShortKey? { count > 0 && count <= ShortKey.capacity ? ShortKey(packedLow: low, high: high) : nil }

    /// `et` and `and` inside spelled numbers (`vingt-et-un`, `hundred and one`).
    var isConnector: Bool {
        (count == 2 && low == UInt64(UInt8(ascii: "e")) | UInt64(UInt8(ascii: "t")) << 8)
            || (count == 3 && low == UInt64(UInt8(ascii: "a")) | UInt64(UInt8(ascii: "n")) << 8 | UInt64(UInt8(ascii: "d")) << 16)
    }
}

/// Folding helpers for table entries (not the per-message path).
enum Folding {
    /// Lower-cases and strips accents of a short table entry with the same per-character folding as messages.
    static func simpleFold(_ text: String) -> String {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars { CharacterTable.shared.appendFolded(scalar.value, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
