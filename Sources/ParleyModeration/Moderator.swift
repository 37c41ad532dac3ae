import CICUBridge
import ParleyText

/// Moderates messages against one ``ModerationResources`` snapshot.
///
/// Not `Sendable`: a moderator owns reusable scratch buffers and ICU regex matchers. Create one per
/// task or thread (cheap: one clone per regex) and reuse it for every message.
public final class Moderator {
    public let resources: ModerationResources
    private var scratch = PhraseAutomaton.Scratch()
    private var phraseMatches: [PhraseAutomaton.Match] = []
    private var regexRun: [Bool]
    private var hits: [Hit] = []
    private var details: [String] = []
    var fired: [Bool]
    private var best: [Int32]
    private let regexMatchers: [RegexMatcher]
    private var skeleton = [UInt8](repeating: 0, count: 256)
    private let ids: DetectorIDs
    private var scoreScratch: [Double] = []
    /// Counts of tally-only symbols (language hints) for the current message.
    private var tally: [Int32]

    /// One reason a symbol fired.
    struct Hit {
        var symbol: Int32
        var weight: Double
        /// First unit and one past the last, or -1 for whole-message hits.
        var unitStart: Int32
        var unitEnd: Int32
        var span: TextSpan?
        /// The lexicon entry, the domain entry (or -2 - emoji entry), or -1.
        var entry: Int32 = -1
        var domain: Int32 = -1
        /// Index into `details`, or -1.
        var detail: Int32 = -1
    }

    /// Symbol indices of the built-in detectors, resolved once.
    struct DetectorIDs {
        var values: [DetectorSymbol: Int32] = [:]
        let phone, email, handle, obfuscated, amount, url, ip, punycode, lookalike, urlRepeated, linkOnly, obfuscatedWord,
            caps, emoji, punctuation, repeated, bulk, rate, contacts, firstMessage, attachmentSize, attachmentDuration: Int32

        init(_ resources: ModerationResources) {
            func id(_ symbol: DetectorSymbol) -> Int32 { resources.symbolIndex[symbol.rawValue]! }
            phone = id(.contactPhone); email = id(.contactEmail); handle = id(.contactHandle); obfuscated = id(.contactObfuscated)
            amount = id(.moneyAmount); url = id(.urlPresent); ip = id(.urlIPLiteral); punycode = id(.urlPunycode)
            lookalike = id(.urlLookalike); urlRepeated = id(.urlRepeated); linkOnly = id(.linkOnly)
            obfuscatedWord = id(.obfuscatedWord); caps = id(.capsFlood); emoji = id(.emojiFlood)
            punctuation = id(.punctuationFlood); repeated = id(.repeatedWords); bulk = id(.bulkNearDuplicate)
            rate = id(.rateLimit); contacts = id(.contactLimit); firstMessage = id(.firstMessageLength)
            attachmentSize = id(.attachmentSize); attachmentDuration = id(.attachmentDuration)
        }
    }

    /// When verdicts list the signals (symbols that never score: who is addressed, amounts, contacts…).
    public enum SignalReporting: Sendable {
        /// Always (what `parley explain` shows).
        case always
        /// Only when the message is flagged, where they explain the composites (the default: an
        /// allowed message's verdict stays small).
        case whenFlagged
    }

    public var signalReporting: SignalReporting = .whenFlagged

    /// - Complexity: one ICU clone per lexicon regex.
    public init(resources: ModerationResources) {
        self.resources = resources
        self.regexMatchers = resources.regexEntries.map { $0.regex.makeMatcher() }
        self.regexRun = [Bool](repeating: false, count: resources.regexEntries.count)
        self.fired = [Bool](repeating: false, count: resources.symbolRules.count)
        self.best = [Int32](repeating: -1, count: resources.symbolRules.count)
        self.tally = [Int32](repeating: 0, count: resources.symbolRules.count)
        self.ids = DetectorIDs(resources)
    }

    /// Moderates one message from its content and the stateless limits of the context (first-message
    /// length, attachments). `findings` adds the stateful results (rate, contacts, bulk) that
    /// ``PolicyEnforcer`` computed for the same message.
    /// - Complexity: O(units × longest phrase + regexes × length); the verdict allocates its rules.
    public func moderate(_ message: Message, context: ModerationContext = ModerationContext(),
                         findings: [PolicyFinding] = []) -> Verdict {
        hits.removeAll(keepingCapacity: true)
        details.removeAll(keepingCapacity: true)
        for index in tally.indices { tally[index] = 0 }
        matchLexicons(message)
        detectTokens(message)
        detectEmoji(message)
        detectFloods(message)
        detectRepetition(message)
        checkStatelessPolicy(message, context: context)
        for finding in findings {
            guard let symbol = resources.symbolIndex[finding.symbol.rawValue] else { continue }
            addWhole(symbol, detail: finding.detail)
        }
        applyComposites()
        return makeVerdict(message, context: context)
    }

    /// Moderates one message, including the limits that need state (rate, new contacts, bulk).
    /// - Throws: whatever the state store throws.
    public func moderate(_ message: Message, context: ModerationContext, state: some ModerationState,
                         now: Int64) async throws -> Verdict {
        let enforcer = PolicyEnforcer(resources: resources)
        let facts = enforcer.facts(of: message, context: context)
        let findings = try await enforcer.enforce(facts, context: context, state: state, now: now)
        return moderate(message, context: context, findings: findings)
    }

    // MARK: - Lexicons

    private func weight(of symbol: Int32, entry: Int32) -> Double {
        if entry >= 0, let weight = resources.entryWeights[Int(entry)] { return weight }
        return resources.symbolWeights[Int(symbol)]
    }

    private func span(of units: Range<Int32>, in message: Message) -> TextSpan {
        let folded = message.folded.units
        return folded[Int(units.lowerBound)].span.union(folded[Int(units.upperBound) - 1].span)
    }

    /// Whether punctuation that ends a clause (, . ; : ! ? … brackets) or a line break separates two
    /// consecutive units of `units`. Lexicon phrases are folded without punctuation, so without this
    /// check they would match across sentences. O(tokens between the units); runs only on phrase
    /// matches of several units.
    static func crossesClauseBreak(_ units: Range<Int32>, in message: Message) -> Bool {
        let folded = message.folded.units
        let tokens = message.tokens
        for index in Int(units.lowerBound)..<(Int(units.upperBound) - 1) {
            // Units of one hyphenated token share it: then there is no gap.
            let gapStart = folded[index].tokens.upperBound
            let gap = gapStart..<max(gapStart, folded[index + 1].tokens.lowerBound)
            for token in gap where token < tokens.count {
                let kind = tokens[token].kind
                guard kind == .punctuation || kind == .whitespace else { continue }
                for byte in message.normalized[tokens[token].normalizedRange] {
                    switch byte {
                    case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                        UInt8(ascii: "?"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
                        UInt8(ascii: "\n"):
                        return true
                    case 0xE2 where kind == .punctuation:  // "…" (U+2026) and other general punctuation
                        return true
                    default: continue
                    }
                }
            }
        }
        return false
    }

    private func matchLexicons(_ message: Message) {
        phraseMatches.removeAll(keepingCapacity: true)
        resources.automaton.matches(in: message.folded, scratch: &scratch, into: &phraseMatches)
        // Regexes whose anchor phrase occurs (the automaton reports them past the entries), then those
        // without anchors.
        let entryCount = Int32(resources.entries.count)
        for index in regexRun.indices { regexRun[index] = false }
        var kept = 0
        for match in phraseMatches {
            if match.entry >= entryCount {
                regexRun[Int(match.entry - entryCount)] = true
            } else if match.units.count > 1 && Self.crossesClauseBreak(match.units, in: message) {
                // "Les Oiseaux de Nuit, ensemble jazz" is not "nuit ensemble": a phrase reads within a clause.
                continue
            } else {
                phraseMatches[kept] = match
                kept += 1
            }
        }
        phraseMatches.removeLast(phraseMatches.count - kept)
        for index in resources.alwaysRunRegexes {
            let required = resources.regexEntries[Int(index)].regex.requiredByte
            if required == 0 || message.folded.bytes.contains(required) { regexRun[Int(index)] = true }
        }
        for (index, matcher) in regexMatchers.enumerated() where regexRun[index] {
            let entry = resources.regexEntries[index].entry
            matcher.forEachMatch(in: message.folded.bytes) { range in
                guard let first = message.folded.unitIndex(atFoldedOffset: range.lowerBound),
                    let last = message.folded.unitIndex(atFoldedOffset: range.upperBound - 1) else { return }
                phraseMatches.append(PhraseAutomaton.Match(entry: entry, units: Int32(first)..<Int32(last + 1)))
            }
        }
        let isAllow = resources.entryIsAllow
        var hasAllow = false
        if resources.hasAllowEntries {
            for match in phraseMatches where isAllow[Int(match.entry)] { hasAllow = true; break }
        }
        for match in phraseMatches {
            if isAllow[Int(match.entry)] { continue }
            if hasAllow, phraseMatches.contains(where: { isAllow[Int($0.entry)] && $0.units.overlaps(match.units) }) { continue }
            let symbol = resources.entrySymbols[Int(match.entry)]
            if resources.symbolTallyOnly[Int(symbol)] {
                tally[Int(symbol)] += 1
                continue
            }
            hits.append(Hit(symbol: symbol, weight: weight(of: symbol, entry: match.entry), unitStart: match.units.lowerBound,
                            unitEnd: match.units.upperBound, span: span(of: match.units, in: message), entry: match.entry))
        }
    }

    // MARK: - Tokens

    private func add(_ symbol: Int32, unit: Int, span: TextSpan, domain: Int32 = -1) {
        let weight = domain >= 0 ? (resources.domains[Int(domain)].weight ?? resources.symbolWeights[Int(symbol)])
            : resources.symbolWeights[Int(symbol)]
        hits.append(Hit(symbol: symbol, weight: weight, unitStart: Int32(unit), unitEnd: Int32(unit + 1), span: span, domain: domain))
    }

    private func addWhole(_ symbol: Int32, detail: String? = nil) {
        var hit = Hit(symbol: symbol, weight: resources.symbolWeights[Int(symbol)], unitStart: -1, unitEnd: -1, span: nil)
        if let detail {
            hit.detail = Int32(details.count)
            details.append(detail)
        }
        hits.append(hit)
    }

    private func detectTokens(_ message: Message) {
        let units = message.folded.units
        var wordUnits = 0
        var urlUnits = 0
        var firstURL = -1
        var repeatedURL = false
        message.folded.bytes.withUnsafeBufferPointer { bytes in
            for (index, unit) in units.enumerated() {
                let range = unit.folded
                switch unit.kind {
                case .phone:
                    add(ids.phone, unit: index, span: unit.span)
                    if isObfuscated(unit, in: message) { add(ids.obfuscated, unit: index, span: unit.span) }
                case .email:
                    add(ids.email, unit: index, span: unit.span)
                    if isObfuscated(unit, in: message) { add(ids.obfuscated, unit: index, span: unit.span) }
                    if let at = range.lastIndex(where: { bytes[$0] == UInt8(ascii: "@") }) {
                        checkHost(bytes, (at + 1)..<range.upperBound, unit: index, span: unit.span)
                    }
                case .mention:
                    add(ids.handle, unit: index, span: unit.span)
                case .amount:
                    add(ids.amount, unit: index, span: unit.span)
                case .url:
                    urlUnits += 1
                    add(ids.url, unit: index, span: unit.span)
                    let flags = tokenFlags(of: unit, in: message)
                    if flags.contains(.ipLiteral) { add(ids.ip, unit: index, span: unit.span) }
                    if flags.contains(.punycode) { add(ids.punycode, unit: index, span: unit.span) }
                    checkHost(bytes, Self.host(in: bytes, range), unit: index, span: unit.span)
                    if firstURL < 0 {
                        firstURL = index
                    } else if !repeatedURL {
                        for other in units[..<index] where other.kind == .url && bytes[other.folded].elementsEqual(bytes[range]) {
                            repeatedURL = true
                            add(ids.urlRepeated, unit: index, span: unit.span)
                            break
                        }
                    }
                case .word:
                    wordUnits += 1
                    if bytes[range].contains(UInt8(ascii: "*")) { matchMasked(bytes, range, unit: index, span: unit.span) }
                    if unit.transforms.contains(.joined) {
                        // Spaced-out letters joined into one unit may spell a whole phrase ("sendnudes").
                        let entry = resources.joinedIndex.value(for: WordHash.exact(UnsafeBufferPointer(rebasing: bytes[range])))
                        if entry >= 0, !resources.entryIsAllow[Int(entry)] {
                            let symbol = resources.entrySymbols[Int(entry)]
                            hits.append(Hit(symbol: symbol, weight: weight(of: symbol, entry: entry), unitStart: Int32(index),
                                            unitEnd: Int32(index + 1), span: unit.span, entry: entry))
                        }
                    }
                    if unit.transforms.contains(.joined) || unit.transforms.contains(.confusables)
                        || tokenFlags(of: unit, in: message).contains(.invisibles) {
                        add(ids.obfuscatedWord, unit: index, span: unit.span)
                    }
                default:
                    break
                }
            }
        }
        if urlUnits > 0, wordUnits <= resources.rules.detectors.linkOnlyMaxWords {
            addWhole(ids.linkOnly)
        }
    }

    /// A word masked with asterisks (`sal*pe`, `f***ing`, `c*l`) matches the single-word lexicon entries
    /// with the same visible start and end and one to (stars + 1) hidden letters.
    private func matchMasked(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, unit: Int, span: TextSpan) {
        let word = bytes[range]
        guard let firstStar = word.firstIndex(of: UInt8(ascii: "*")), let lastStar = word.lastIndex(of: UInt8(ascii: "*")) else { return }
        let prefix = word[word.startIndex..<firstStar]
        let suffix = word[(lastStar + 1)..<word.endIndex]
        let stars = word[firstStar...lastStar].count
        guard !prefix.isEmpty, prefix.count + suffix.count >= 2 else { return }
        // Several words may fit ("f***ing"): give the benefit of the doubt, keep the lightest reading.
        var chosen: (entry: Int32, symbol: Int32, weight: Double)?
        for target in resources.maskTargets {
            let hidden = target.bytes.count - prefix.count - suffix.count
            guard hidden >= 1, hidden <= stars + 1, target.bytes.starts(with: prefix), target.bytes.reversed().starts(with: suffix.reversed()) else { continue }
            let symbol = resources.entrySymbols[Int(target.entry)]
            let weight = weight(of: symbol, entry: target.entry)
            if chosen == nil || weight < chosen!.weight { chosen = (target.entry, symbol, weight) }
        }
        if let chosen {
            hits.append(Hit(symbol: chosen.symbol, weight: chosen.weight, unitStart: Int32(unit), unitEnd: Int32(unit + 1),
                            span: span, entry: chosen.entry))
        }
    }

    private func detectEmoji(_ message: Message) {
        guard !resources.emoji.isEmpty else { return }
        let normalized = message.normalized
        for token in message.tokens where token.kind == .emoji {
            var key = WordHash.offset
            for byte in normalized[token.normalizedRange] { key = WordHash.add(key, byte) }
            var found = resources.emojiIndex.value(for: WordHash.key(key, kind: 0))
            if found < 0 {
                // Without its variation selector, skin tone or ZWJ tail: the first scalar alone.
                var base = WordHash.offset
                let lead = normalized[token.normalizedRange.lowerBound]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                for byte in normalized[token.normalizedRange].prefix(length) { base = WordHash.add(base, byte) }
                found = resources.emojiIndex.value(for: WordHash.key(base, kind: 0))
            }
            guard found >= 0 else { continue }
            let symbol = resources.emojiSymbols[Int(found)]
            let weight = resources.emoji[Int(found)].weight ?? resources.symbolWeights[Int(symbol)]
            hits.append(Hit(symbol: symbol, weight: weight, unitStart: -1, unitEnd: -1, span: token.span, domain: -2 - found))
        }
    }

    private func tokenFlags(of unit: FoldedUnit, in message: Message) -> TokenFlags {
        var flags: TokenFlags = []
        for index in unit.tokens { flags.formUnion(message.tokens[index].flags) }
        return flags
    }

    private func isObfuscated(_ unit: FoldedUnit, in message: Message) -> Bool {
        unit.transforms.contains(.numberWords) || unit.transforms.contains(.joined)
            || tokenFlags(of: unit, in: message).contains(.obfuscated)
    }

    /// The host part of a folded URL: after `scheme://`, before the first `/`, `?`, `#` or `:`.
    static func host(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var index = range.lowerBound
        while index + 2 < range.upperBound {
            if bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/") {
                start = index + 3
                break
            }
            if bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: ".") && index > range.lowerBound + 12 { break }
            index += 1
        }
        var end = start
        while end < range.upperBound {
            let byte = bytes[end]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: ":") { break }
            end += 1
        }
        // A "www." prefix does not change what the domain is.
        if end - start > 4, bytes[start] == UInt8(ascii: "w"), bytes[start + 1] == UInt8(ascii: "w"),
            bytes[start + 2] == UInt8(ascii: "w"), bytes[start + 3] == UInt8(ascii: ".") {
            start += 4
        }
        return start..<end
    }

    /// Looks a host and each parent domain up in the domain lists, then checks it against brands.
    private func checkHost(_ bytes: UnsafeBufferPointer<UInt8>, _ host: Range<Int>, unit: Int, span: TextSpan) {
        guard !host.isEmpty else { return }
        var start = host.lowerBound
        while start < host.upperBound {
            let key = WordHash.exact(UnsafeBufferPointer(rebasing: bytes[start..<host.upperBound]))
            let found = resources.domainIndex.value(for: key)
            if found >= 0 {
                add(resources.domainSymbols[Int(found)], unit: unit, span: span, domain: found)
                break
            }
            guard let dot = bytes[start..<host.upperBound].firstIndex(of: UInt8(ascii: ".")) else { break }
            start = dot + 1
        }
        checkBrands(bytes, host, unit: unit, span: span)
    }

    /// A host whose confusable skeleton (with digits read as letters and separators dropped) contains
    /// a brand's name, but that is not the brand's own domain or a subdomain of it, is a lookalike.
    private func checkBrands(_ bytes: UnsafeBufferPointer<UInt8>, _ host: Range<Int>, unit: Int, span: TextSpan) {
        guard !resources.brands.isEmpty else { return }
        var error: Int32 = 0
        var length = Int(skeleton.withUnsafeMutableBufferPointer { out in
            parley_skeleton_utf8(bytes.baseAddress! + host.lowerBound, Int32(host.count), out.baseAddress, Int32(out.count), &error)
        })
        guard length > 0, length <= skeleton.count else { return }
        var squeezed = 0
        for index in 0..<length {
            var byte = skeleton[index]
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"): continue
            case UInt8(ascii: "0"): byte = UInt8(ascii: "o")
            case UInt8(ascii: "1"): byte = UInt8(ascii: "l")
            case UInt8(ascii: "3"): byte = UInt8(ascii: "e")
            case UInt8(ascii: "4"): byte = UInt8(ascii: "a")
            case UInt8(ascii: "5"): byte = UInt8(ascii: "s")
            case UInt8(ascii: "I"): byte = UInt8(ascii: "l")
            default: break
            }
            skeleton[squeezed] = byte
            squeezed += 1
        }
        length = squeezed
        for brand in resources.brands {
            let name = brand.name.utf8
            guard name.count <= length else { continue }
            var contains = false
            for offset in 0...(length - name.count) where skeleton[offset] == name.first! {
                if skeleton[offset..<(offset + name.count)].elementsEqual(name) { contains = true; break }
            }
            guard contains else { continue }
            let hostBytes = bytes[host]
            let official = brand.officialDomains.contains { domain in
                let domainBytes = domain.utf8
                if hostBytes.elementsEqual(domainBytes) { return true }
                return hostBytes.count > domainBytes.count && hostBytes.suffix(domainBytes.count).elementsEqual(domainBytes)
                    && hostBytes[hostBytes.endIndex - domainBytes.count - 1] == UInt8(ascii: ".")
            }
            if !official {
                let detailIndex = Int32(details.count)
                details.append("brand=\(brand.name)")
                let symbol = resources.symbolIndex[brand.symbol] ?? ids.lookalike
                hits.append(Hit(symbol: symbol, weight: resources.symbolWeights[Int(symbol)],
                                unitStart: Int32(unit), unitEnd: Int32(unit + 1), span: span, detail: detailIndex))
                return
            }
        }
    }

    // MARK: - Floods and repetition

    private func detectFloods(_ message: Message) {
        let settings = resources.rules.detectors
        var letters = 0
        var capitals = 0
        var emoji = 0
        var emojiRun = 0
        var longestEmojiRun = 0
        var previousEmoji: Range<Int>?
        var punctuationFlood = false
        let normalized = message.normalized
        for token in message.tokens {
            switch token.kind {
            case .word:
                let length = token.normalizedRange.count
                letters += length
                if token.flags.contains(.allCaps) { capitals += length }
            case .emoji:
                emoji += 1
                if let previous = previousEmoji, normalized[previous].elementsEqual(normalized[token.normalizedRange]) {
                    emojiRun += 1
                } else {
                    emojiRun = 1
                }
                longestEmojiRun = max(longestEmojiRun, emojiRun)
                previousEmoji = token.normalizedRange
            case .punctuation:
                var run = 0
                for byte in normalized[token.normalizedRange] {
                    if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                        run += 1
                        if run >= settings.punctuationMinRun { punctuationFlood = true }
                    } else {
                        run = 0
                    }
                }
            case .whitespace:
                break
            default:
                previousEmoji = nil
            }
        }
        if letters >= settings.capsMinLetters, Double(capitals) >= settings.capsMinRatio * Double(letters) {
            addWhole(ids.caps)
        }
        if emoji >= settings.emojiMinCount || longestEmojiRun >= settings.emojiMinRepeat { addWhole(ids.emoji) }
        if punctuationFlood { addWhole(ids.punctuation) }
    }

    /// The same word or short phrase said `repeatMinTimes` times in a row ("Réponds. Réponds. Réponds.",
    /// "FREE beats FREE beats FREE beats").
    private func detectRepetition(_ message: Message) {
        let settings = resources.rules.detectors
        let units = message.folded.units
        guard settings.repeatMinTimes > 1, units.count >= settings.repeatMinTimes else { return }
        message.folded.bytes.withUnsafeBufferPointer { bytes in
            func same(_ a: Int, _ b: Int) -> Bool { bytes[units[a].folded].elementsEqual(bytes[units[b].folded]) }
            for width in 1...max(1, settings.repeatMaxPhrase) {
                var start = 0
                while start + width * settings.repeatMinTimes <= units.count {
                    var times = 1
                    var next = start + width
                    while next + width <= units.count, (0..<width).allSatisfy({ same(start + $0, next + $0) }) {
                        times += 1
                        next += width
                    }
                    if times >= settings.repeatMinTimes {
                        let span = units[start].span.union(units[next - 1].span)
                        hits.append(Hit(symbol: ids.repeated, weight: resources.symbolWeights[Int(ids.repeated)],
                                        unitStart: Int32(start), unitEnd: Int32(next), span: span))
                        return
                    }
                    start += 1
                }
            }
        }
    }

    // MARK: - Stateless limits

    private func checkStatelessPolicy(_ message: Message, context: ModerationContext) {
        guard context.isFirstMessage || !context.attachments.isEmpty else { return }
        let policy = resources.rules.policy
        if context.isFirstMessage {
            let tier = context.tier ?? policy.defaultTier
            let full = policy.firstMessageFull[tier] ?? policy.firstMessageFull[policy.defaultTier] ?? nil
            let hook = policy.firstMessageHook[tier] ?? policy.firstMessageHook[policy.defaultTier] ?? nil
            if let full, message.counts.graphemes > full {
                addWhole(ids.firstMessage, detail: "graphemes=\(message.counts.graphemes) limit=\(full) tier=\(tier)")
            } else if let hook {
                let text = message.text
                let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
                let count = firstLine.count
                if count > hook { addWhole(ids.firstMessage, detail: "hook_graphemes=\(count) limit=\(hook) tier=\(tier)") }
            }
        }
        for attachment in context.attachments {
            let byType = policy.attachmentBytesByType[attachment.type] ?? nil
            let byLevel = policy.attachmentLimit(verification: context.verification)
            let limit = [byType, byLevel].compactMap { $0 }.min()
            if let limit, attachment.bytes > limit {
                addWhole(ids.attachmentSize, detail: "type=\(attachment.type) bytes=\(attachment.bytes) limit=\(limit)")
            }
            if let seconds = policy.attachmentSecondsByType[attachment.type] ?? nil, let duration = attachment.durationSeconds,
                duration > Double(seconds) {
                addWhole(ids.attachmentDuration, detail: "type=\(attachment.type) seconds=\(duration) limit=\(seconds)")
            }
        }
    }

    // MARK: - Composites and verdict

    private func applyComposites() {
        for index in fired.indices { fired[index] = false }
        for hit in hits { fired[Int(hit.symbol)] = true }
        for (symbol, count) in tally.enumerated() where count > 0 { fired[symbol] = true }
        for composite in resources.composites where !fired[Int(composite.symbol)] {
            guard composite.all.allSatisfy({ fired[Int($0)] }),
                composite.any.isEmpty || composite.any.contains(where: { fired[Int($0)] }),
                !composite.none.contains(where: { fired[Int($0)] }) else { continue }
            var placed: Range<Int32>?
            if let within = composite.within {
                guard let anchor = anchorHit(for: composite, within: Int32(within)) else { continue }
                placed = anchor
            }
            let weight = resources.symbolWeights[Int(composite.symbol)]
            let span: TextSpan? = nil
            hits.append(Hit(symbol: composite.symbol, weight: weight, unitStart: placed?.lowerBound ?? -1,
                            unitEnd: placed?.upperBound ?? -1, span: span))
            fired[Int(composite.symbol)] = true
        }
    }

    /// A hit of the composite's first required symbol with every other required symbol hit within
    /// `within` units of it (and one of `any` too when `all` names at most one symbol); whole-message
    /// hits count as near everything.
    private func anchorHit(for composite: ModerationResources.CompiledComposite, within: Int32) -> Range<Int32>? {
        let required = composite.all
        let anchors = required.first.map { [$0] } ?? composite.any
        for anchorSymbol in anchors {
            for anchor in hits where anchor.symbol == anchorSymbol {
                func near(_ symbol: Int32) -> Bool {
                    hits.contains { hit in
                        guard hit.symbol == symbol else { return false }
                        if hit.unitStart < 0 || anchor.unitStart < 0 { return true }
                        return hit.unitStart <= anchor.unitEnd - 1 + within && anchor.unitStart <= hit.unitEnd - 1 + within
                    }
                }
                // `any` must be near too when `all` names at most one symbol (it then pairs with the anchor).
                let anyNear = required.count > 1 || composite.any.isEmpty || composite.any.contains(where: near)
                if required.dropFirst().allSatisfy(near), anyNear {
                    return anchor.unitStart..<anchor.unitEnd
                }
            }
        }
        return nil
    }

    private func makeVerdict(_ message: Message, context: ModerationContext) -> Verdict {
        for index in best.indices { best[index] = -1 }
        for (index, hit) in hits.enumerated() {
            let current = best[Int(hit.symbol)]
            if current < 0 || hits[Int(current)].weight < hit.weight { best[Int(hit.symbol)] = Int32(index) }
        }
        let categoryCount = resources.categoryNames.count
        var forced = ModerationAction.allow
        var top = 0.0
        var topCategory = -1
        withUnsafeTemporaryAllocation(of: Double.self, capacity: categoryCount) { sums in
            sums.initialize(repeating: 0)
            for (symbol, hitIndex) in best.enumerated() where hitIndex >= 0 {
                if let action = resources.symbolActions[symbol] { forced = max(forced, action) }
                let category = Int(resources.symbolCategories[symbol])
                if resources.categoryScored[category] { sums[category] += hits[Int(hitIndex)].weight }
            }
            for category in 0..<categoryCount where resources.categoryScored[category] && sums[category] > top {
                top = sums[category]
                topCategory = category
            }
            if scoreScratch.count != categoryCount { scoreScratch = [Double](repeating: 0, count: categoryCount) }
            for category in 0..<categoryCount { scoreScratch[category] = max(0, sums[category]) }
        }
        var scores: [String: Double] = [:]
        scores.reserveCapacity(categoryCount)
        for index in 0..<categoryCount where resources.categoryScored[index] { scores[resources.categoryNames[index]] = scoreScratch[index] }
        let label = top >= resources.flagThreshold && topCategory >= 0 ? resources.categoryNames[topCategory] : "ok"
        var action = forced
        for threshold in resources.thresholds where top >= threshold.score { action = max(action, threshold.action) }
        let language = context.language.flatMap { $0 == "fr" || $0 == "en" ? $0 : nil } ?? LanguageGuess.guess(tally: tally, resources: resources)

        var fired: [FiredRule] = []
        let descriptions = language == "en" ? resources.symbolDescriptions.en : resources.symbolDescriptions.fr
        let flagged = action != .allow || label != "ok"
        let showSignals = signalReporting == .always || flagged
        for (symbol, hitIndex) in best.enumerated() where hitIndex >= 0 {
            let categoryIndex = Int(resources.symbolCategories[symbol])
            guard resources.categoryShown[categoryIndex], showSignals || resources.categoryScored[categoryIndex] else { continue }
            var matches: [RuleMatch] = []
            var source: String?
            var detail: String?
            for hit in hits where hit.symbol == Int32(symbol) {
                var where_: String?
                if hit.entry >= 0 { where_ = resources.entrySources[Int(hit.entry)] }
                if hit.domain >= 0 { where_ = resources.domainSources[Int(hit.domain)] }
                if hit.domain <= -2 { where_ = resources.emojiSources[Int(-2 - hit.domain)] }
                if source == nil { source = where_ }
                if hit.detail >= 0 { detail = details[Int(hit.detail)] }
                if let span = hit.span, !matches.contains(where: { $0.span == span }) {
                    matches.append(RuleMatch(span: span, text: message.text(in: span), source: where_))
                }
            }
            let weight = resources.categoryScored[categoryIndex] ? hits[Int(hitIndex)].weight : 0
            fired.append(FiredRule(symbol: resources.symbolNames[symbol], category: resources.categoryNames[categoryIndex], weight: weight,
                                   description: descriptions[symbol], matches: matches,
                                   source: source ?? resources.symbolSources[symbol], detail: detail))
        }
        fired.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.symbol < $1.symbol }
        var reason = ""
        if action != .allow || label != "ok" {
            let topRule = fired.first { label == "ok" ? resources.symbolRules[Int(resources.symbolIndex[$0.symbol]!)].action != nil : $0.category == label }
            if let topRule {
                let categoryLabel = resources.rules.category(named: topRule.category)?.label(for: language) ?? topRule.category
                reason = "\(categoryLabel) : \(topRule.description)"
                if language == "en" { reason = "\(categoryLabel): \(topRule.description)" }
                // A composite has no place of its own: quote the first placed rule of its category.
                let quoted = topRule.matches.first ?? fired.first { $0.category == topRule.category && !$0.matches.isEmpty }?.matches.first
                if let quote = quoted?.text {
                    reason += language == "fr" ? " (« \(quote) »)" : " (\"\(quote)\")"
                }
            }
        }
        let report = label == "ok" ? nil : resources.rules.category(named: label)?.report
        return Verdict(action: action, label: label, report: report, scores: scores, rules: fired, reason: reason, language: language)
    }
}

extension Moderator {
    /// The symbols of the last moderated message, hidden ones included.
    func lastFiredSymbols() -> [Int32] {
        var result: [Int32] = []
        for (index, isFired) in fired.enumerated() where isFired { result.append(Int32(index)) }
        return result
    }
}
