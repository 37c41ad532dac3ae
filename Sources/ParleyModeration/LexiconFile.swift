import ParleyText

/// One lexicon map file, parsed: phrase and regex entries, domain lists, brands and inline examples.
///
/// Format (documented for moderators in `Lexicons/README.md`):
/// ```
/// @symbol SCAM_PAYMENT_CHANNEL      # the symbol the lines below fire
/// western union                     # literal phrase, whole words, folded like messages
/// carte* cadeau*                    # `*` after a word: prefix; before: suffix
/// mandat cash = 3                   # per-entry weight
/// transcash = SCAM_COUPON 6         # per-entry symbol (and weight)
/// /\bpcs\s?\d+/ = SCAM_COUPON       # ICU regex on the folded text, flags after the last slash
/// !concert                          # allow-list: suppresses lexicon matches it overlaps
/// # ok: Le concert est complet      # inline examples run by `parley lint`
/// # hit SCAM_PAYMENT_CHANNEL: paye par western union
/// @domains URL_SHORTENER            # from here: one domain per line
/// @emoji SEXUAL_EMOJI               # from here: emoji, several per line
/// @brands URL_LOOKALIKE            # from here: `name official.domain …`
/// ```
public struct LexiconFile: Sendable {
    public var path: String
    public var entries: [LexiconEntry] = []
    public var domains: [DomainEntry] = []
    public var brands: [BrandEntry] = []
    /// `@emoji SYMBOL` sections: emoji matched on the message's emoji tokens (domain is the emoji).
    public var emoji: [DomainEntry] = []
    public var examples: [LexiconExample] = []
    public var diagnostics: [Diagnostic] = []

    /// Folds lexicon text exactly as messages are folded (normally `Segmenter.fold`); nil when it fails.
    public typealias Fold = (String) -> String?

    enum Mode { case phrases, domains, brands, emoji }

    /// Parses map text. Never throws: every problem becomes a diagnostic with file:line:col.
    /// - Complexity: O(length of the text), plus one fold per literal that is not plain lower-case ASCII.
    public static func parse(_ text: String, path: String, fold: Fold) -> LexiconFile {
        var file = LexiconFile(path: path)
        var mode = Mode.phrases
        var symbol: String?
        var defaultWeight: Double?
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.utf8.last == UInt8(ascii: "\r") ? rawLine.dropLast() : rawLine
            // Leading blanks are ASCII, so their byte count is their character count.
            let leading = line.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
            if leading == line.utf8.count { continue }
            let column = leading + 1
            func diagnose(_ message: String, at col: Int? = nil, _ severity: Diagnostic.Severity = .error) {
                file.diagnostics.append(Diagnostic(file: path, line: lineNumber, column: col ?? column, severity: severity, message: message))
            }
            let body = String(line.dropFirst(leading))
            if body.hasPrefix("#") {
                file.parseExample(body, line: lineNumber, column: column)
                continue
            }
            if body.hasPrefix("@") {
                let fields = splitFields(stripComment(body))
                switch fields.first {
                case "@symbol":
                    guard fields.count == 2, isSymbolName(fields[1]) else {
                        diagnose("expected '@symbol NAME' with NAME in [A-Z0-9_]"); continue
                    }
                    mode = .phrases
                    symbol = fields[1]
                    defaultWeight = nil
                case "@weight":
                    guard fields.count == 2, let weight = Double(fields[1]) else { diagnose("expected '@weight NUMBER'"); continue }
                    defaultWeight = weight
                case "@domains":
                    guard fields.count == 2, isSymbolName(fields[1]) else { diagnose("expected '@domains SYMBOL'"); continue }
                    mode = .domains
                    symbol = fields[1]
                    defaultWeight = nil
                case "@emoji":
                    guard fields.count == 2, isSymbolName(fields[1]) else { diagnose("expected '@emoji SYMBOL'"); continue }
                    mode = .emoji
                    symbol = fields[1]
                    defaultWeight = nil
                case "@brands":
                    guard fields.count <= 2, fields.count == 1 || isSymbolName(fields[1]) else { diagnose("expected '@brands' or '@brands SYMBOL'"); continue }
                    mode = .brands
                    symbol = fields.count == 2 ? fields[1] : DetectorSymbol.urlLookalike.rawValue
                default:
                    diagnose("unknown directive '\(fields.first ?? body)' (expected @symbol, @weight, @domains, @emoji or @brands)")
                }
                continue
            }
            let source = LexiconSource(file: path, line: lineNumber, column: column)
            switch mode {
            case .domains:
                let fields = splitFields(stripComment(body))
                guard fields.count == 1, let symbol else { diagnose("expected one domain per line"); continue }
                let domain = fields[0].lowercased()
                guard isDomain(domain) else { diagnose("'\(fields[0])' is not a domain name"); continue }
                file.domains.append(DomainEntry(domain: domain, symbol: symbol, weight: defaultWeight, source: source))
            case .emoji:
                let fields = splitFields(stripComment(body))
                guard let symbol else { continue }
                for field in fields {
                    guard field.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation || ($0.properties.isEmoji && $0.value > 0xFF) }) else {
                        diagnose("'\(field)' is not an emoji"); continue
                    }
                    file.emoji.append(DomainEntry(domain: field, symbol: symbol, weight: defaultWeight, source: source))
                }
            case .brands:
                let fields = splitFields(stripComment(body))
                guard fields.count >= 2 else { diagnose("expected 'brandname official-domain …'"); continue }
                let name = fold(fields[0])?.filter { $0 != " " } ?? ""
                guard name.utf8.count >= 4 else { diagnose("brand name '\(fields[0])' is too short to detect lookalikes (4 letters at least)"); continue }
                let domains = fields.dropFirst().map { $0.lowercased() }
                if let bad = domains.first(where: { !isDomain($0) }) { diagnose("'\(bad)' is not a domain name"); continue }
                file.brands.append(BrandEntry(name: name, symbol: symbol ?? DetectorSymbol.urlLookalike.rawValue, officialDomains: domains, source: source))
            case .phrases:
                file.parseEntry(body, source: source, symbol: symbol, defaultWeight: defaultWeight, fold: fold)
            }
        }
        return file
    }

    mutating func parseExample(_ body: String, line: Int, column: Int) {
        let comment = body.dropFirst().drop { $0 == " " || $0 == "\t" }
        let source = LexiconSource(file: path, line: line, column: column)
        if comment.hasPrefix("ok:") {
            let text = comment.dropFirst(3).trimmingSpaces()
            if text.isEmpty {
                diagnostics.append(Diagnostic(file: path, line: line, column: column, message: "empty '# ok:' example"))
            } else {
                examples.append(LexiconExample(expectation: .ok, text: text, source: source))
            }
        } else if comment.hasPrefix("hit ") || comment.hasPrefix("hit:") {
            let rest = comment.dropFirst(3).drop { $0 == " " }
            guard let colon = rest.firstIndex(of: ":") else {
                diagnostics.append(Diagnostic(file: path, line: line, column: column, message: "expected '# hit SYMBOL: text'"))
                return
            }
            let symbol = String(rest[..<colon]).trimmingSpaces()
            let text = rest[rest.index(after: colon)...].trimmingSpaces()
            guard isSymbolName(symbol), !text.isEmpty else {
                diagnostics.append(Diagnostic(file: path, line: line, column: column, message: "expected '# hit SYMBOL: text'"))
                return
            }
            examples.append(LexiconExample(expectation: .hit(symbol: symbol), text: text, source: source))
        }
    }

    mutating func parseEntry(_ body: String, source: LexiconSource, symbol currentSymbol: String?, defaultWeight: Double?, fold: Fold) {
        func diagnose(_ message: String, offset: Int = 0) {
            diagnostics.append(Diagnostic(file: path, line: source.line, column: source.column + offset, message: message))
        }
        var text = Substring(body)
        var isAllow = false
        if text.utf8.first == UInt8(ascii: "!") {
            isAllow = true
            text = text.dropFirst()
        }
        // Split off the override part: ` = SYMBOL weight`, after the regex's closing slash if any.
        var patternText: Substring
        var overrideText: Substring = ""
        var regexFlags = ""
        var isRegex = false
        if text.utf8.first == UInt8(ascii: "/") {
            isRegex = true
            guard let close = closingSlash(of: text) else { diagnose("regex is not closed with '/'"); return }
            patternText = text[text.index(after: text.startIndex)..<close]
            var rest = text[text.index(after: close)...]
            let flagEnd = rest.firstIndex { !$0.isLetter } ?? rest.endIndex
            regexFlags = String(rest[..<flagEnd])
            rest = rest[flagEnd...]
            overrideText = stripComment(String(rest))[...]
            if let bad = regexFlags.first(where: { !"imsx".contains($0) }) {
                diagnose("unknown regex flag '\(bad)' (expected i, m, s or x)", offset: body.count - text.count + patternText.count + 2)
                return
            }
        } else {
            let uncommented = stripComment(String(text))
            if let equals = uncommented.utf8.firstIndex(of: UInt8(ascii: "=")) {
                patternText = uncommented[..<equals]
                overrideText = uncommented[equals...]
            } else {
                patternText = uncommented[...]
            }
        }
        var symbol = currentSymbol
        var weight = defaultWeight
        let override = overrideText.trimmingSpaces()
        if !override.isEmpty {
            guard override.hasPrefix("=") else { diagnose("unexpected text '\(override)' after the pattern"); return }
            let fields = splitFields(String(override.dropFirst()))
            for field in fields {
                if isSymbolName(field), Double(field) == nil {
                    symbol = field
                } else if let value = Double(field) {
                    weight = value
                } else {
                    diagnose("override '\(field)' is neither a SYMBOL nor a weight")
                    return
                }
            }
            if fields.isEmpty { diagnose("'=' must be followed by a SYMBOL, a weight or both"); return }
        }
        guard let symbol else { diagnose("no symbol for this entry: add '@symbol NAME' above it or '= NAME' after it"); return }
        if isRegex {
            guard !patternText.isEmpty else { diagnose("empty regex"); return }
            entries.append(LexiconEntry(pattern: .regex(pattern: String(patternText), flags: regexFlags), symbol: symbol,
                                        weight: weight, isAllow: isAllow, source: source))
            return
        }
        let rawWords = splitFields(String(patternText))
        guard !rawWords.isEmpty else { diagnose("empty entry"); return }
        var words: [PhraseWord] = []
        for raw in rawWords {
            let isSuffix = raw.utf8.first == UInt8(ascii: "*") && raw.utf8.count > 1
            let isPrefix = raw.utf8.last == UInt8(ascii: "*") && raw.utf8.count > 1
            var core = Substring(raw)
            if isSuffix { core = core.dropFirst() }
            if isPrefix { core = core.dropLast() }
            if core.utf8.contains(UInt8(ascii: "*")) && core.utf8.allSatisfy({ $0 == UInt8(ascii: "*") }) {
                diagnose("'\(raw)': a wildcard needs letters beside it"); return
            }
            guard let folded = foldWord(String(core), fold: fold) else {
                diagnose("'\(raw)' folds to nothing (only punctuation or emoji?)"); return
            }
            let parts = folded.split(separator: " ")
            for (index, part) in parts.enumerated() {
                words.append(PhraseWord(bytes: Array(part.utf8),
                                        isPrefix: isPrefix && index == parts.count - 1,
                                        isSuffix: isSuffix && index == 0))
            }
        }
        if words.count == 1, (words[0].isPrefix || words[0].isSuffix), words[0].bytes.count < 3 {
            diagnose("'\(patternText.trimmingSpaces())': a wildcard word needs at least 3 letters", )
            return
        }
        entries.append(LexiconEntry(pattern: .phrase(words), symbol: symbol, weight: weight, isAllow: isAllow, source: source))
    }

    /// Folds one lexicon word. Plain lower-case ASCII words without letters tripled fold to themselves,
    /// so they skip the segmenter (this is what keeps a 100,000-entry compile under a second).
    func foldWord(_ word: String, fold: Fold) -> String? {
        if Self.foldsToItself(word.utf8) { return word }
        guard let folded = fold(word), !folded.isEmpty else { return nil }
        return folded
    }

    /// Whether folding leaves this text unchanged: letters a–z only, no letter three times in a row.
    static func foldsToItself(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        var run = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { return false }
            run = byte == previous ? run + 1 : 1
            if run >= 3 { return false }
            previous = byte
        }
        return !bytes.isEmpty
    }

    /// The index of the slash closing a regex that starts at `text.startIndex`; backslash-escaped
    /// slashes do not close it.
    func closingSlash(of text: Substring) -> Substring.Index? {
        var index = text.index(after: text.startIndex)
        var escaped = false
        var lastSlash: Substring.Index?
        while index < text.endIndex {
            let character = text[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "/" {
                lastSlash = index
            }
            index = text.index(after: index)
        }
        // The closing slash is the last unescaped one: a regex may contain '/' inside a class.
        return lastSlash
    }
}

/// Whether a string is a symbol name: upper-case ASCII letters, digits and underscores.
func isSymbolName<S: StringProtocol>(_ text: S) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
        && text.utf8.first.map { $0 >= 65 && $0 <= 90 } == true
}

/// Whether a string looks like a domain name (`bit.ly`, `t.me`, `xn--bcher-kva.example`).
func isDomain(_ text: String) -> Bool {
    let labels = text.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2 else { return false }
    return labels.allSatisfy { label in
        !label.isEmpty && label.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 >= 128 }
    }
}

/// Removes a `#` comment that starts the text or follows white space.
func stripComment(_ text: String) -> String {
    var previousIsSpace = true
    let utf8 = text.utf8
    var index = utf8.startIndex
    while index < utf8.endIndex {
        let byte = utf8[index]
        if byte == UInt8(ascii: "#") && previousIsSpace { return String(text[..<index]) }
        previousIsSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        index = utf8.index(after: index)
    }
    return text
}

/// Splits on spaces and tabs.
func splitFields(_ text: String) -> [String] {
    text.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }).map { String(Substring($0)) }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (Foundation-free).
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" })!
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[first...last])
        return result
    }
}
