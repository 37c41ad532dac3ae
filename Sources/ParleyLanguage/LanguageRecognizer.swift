#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyText

/// Identifies the language of a chat message — one word to one paragraph — among French, English,
/// Spanish and German, in the shape of NaturalLanguage's `NLLanguageRecognizer`.
///
/// ```swift
/// let model = try LanguageModel.bundled()           // once, at start-up
/// var recognizer = LanguageRecognizer(model: model)
/// recognizer.hints = [.french: 0.8, .english: 0.2]  // e.g. the conversation so far
/// let result = recognizer.recognize(message)        // message from ParleyText's Segmenter
/// result.dominantLanguage                           // .french, or nil when unsure
/// ```
///
/// Evidence comes from word tokens only: numbers, amounts, URLs, e-mails, phones, mentions, emoji
/// and punctuation carry none (except `¿` and `¡`, which are Spanish), and neither do disguised words
/// (leet, masked, mixed scripts), words in other scripts, nor unknown capitalized words after the
/// start of a sentence (names: "Dijon", "Molotov"). Each word's pull is capped, so one odd word
/// cannot outvote a sentence. A recognizer is a small value: copy it freely; the model is shared.
public struct LanguageRecognizer: Sendable {
    /// The trained tables.
    public let model: LanguageModel
    /// Prior weights per language (like `NLLanguageRecognizer.languageHints`), e.g. the language of
    /// the conversation so far or the user's locale. Languages not named keep ``unhintedShare`` of
    /// their default weight, so a hint settles an ambiguous "ok" but a sentence of evidence still
    /// wins. Empty: every target language is equally likely.
    public var hints: [Language: Double] = [:] { didSet { updatePriors() } }
    /// The languages that may be answered (like `languageConstraints`); empty means all of the
    /// model's targets. The model's guard languages still compete, so text in none of the allowed
    /// languages answers `und`.
    public var constraints: Set<Language> = [] { didSet { updatePriors() } }
    /// The probability the dominant language needs; below it ``dominantLanguage(for:)`` is `nil`.
    public var threshold: Double
    /// The cost, in nats, of switching language between two words when finding spans: a switch
    /// needs that much more evidence than staying.
    public var switchPenalty: Float = 6  // chosen on the chat dev set: see Models/langid/PROVENANCE.md

    /// Log prior per model language; `-infinity` for languages ruled out by ``constraints``.
    private var logPriors = SIMD8<Float>(repeating: -.infinity)

    /// Weight kept by a language that is not among the ``hints``, as a share of its default.
    public static let unhintedShare = 0.05

    /// - Complexity: O(1).
    public init(model: LanguageModel) {
        self.model = model
        self.threshold = model.defaultThreshold
        updatePriors()
    }

    private mutating func updatePriors() {
        var priors = SIMD8<Float>(repeating: -.infinity)
        for (k, language) in model.languages.enumerated() {
            let isTarget = k < model.targetCount
            if isTarget, !constraints.isEmpty, !constraints.contains(language) { continue }
            let base = isTarget ? 1.0 : model.guardPrior
            let weight = hints.isEmpty ? base : max(0, hints[language] ?? 0) + base * Self.unhintedShare
            if weight > 0 { priors[k] = Float(log(weight)) }
        }
        logPriors = priors
    }

    // MARK: - Public answers

    /// Language, hypotheses and spans of one message.
    /// - Complexity: O(n) in the message's bytes; one hash lookup per known word, up to five per
    ///   character of an unknown word. Allocates the two result arrays only.
    public func recognize(_ message: Message) -> LanguageResult {
        withEvidence(message) { scores, tokens in
            let probabilities = posterior(scores)
            return LanguageResult(
                dominantLanguage: dominant(probabilities),
                hypotheses: hypotheses(probabilities, maximum: Int.max),
                spans: spans(scores, tokens, message.tokens),
                evidence: scores.count
            )
        }
    }

    /// The allowed languages and `und` with their probabilities, most probable first, at most
    /// `maximum` of them. The full list sums to 1; `[(und, 1)]` when the message has no evidence.
    /// - Complexity: as ``recognize(_:)``; allocates the returned array.
    public func hypotheses(for message: Message, maximum: Int) -> [(Language, Double)] {
        withEvidence(message) { scores, _ in hypotheses(posterior(scores), maximum: maximum).map { ($0.language, $0.probability) } }
    }

    /// The language of the message, or `nil` when there is no evidence, the best language is below
    /// ``threshold``, or the text looks like a language Parley does not answer.
    /// - Complexity: as ``recognize(_:)``, without allocating.
    public func dominantLanguage(for message: Message) -> Language? {
        withEvidence(message) { scores, _ in dominant(posterior(scores)) }
    }

    /// The language stretches of the message, in text order.
    /// - Complexity: as ``recognize(_:)``; allocates the returned array.
    public func spans(for message: Message) -> [LanguageSpan] {
        withEvidence(message) { scores, tokens in spans(scores, tokens, message.tokens) }
    }

    // MARK: - Evidence

    /// Collects the evidence of the message into stack scratch and hands `body` each item's scores
    /// (per language, relative to the item's best language, ≤ 0) and the index of its token.
    func withEvidence<R>(_ message: Message, _ body: (UnsafeBufferPointer<SIMD8<Float>>, UnsafeBufferPointer<Int32>) -> R) -> R {
        let model = self.model
        let tokens = message.tokens
        let units = message.folded.units
        var capacity = 0
        for token in tokens where token.kind == .word || token.kind == .punctuation || token.kind == .symbol { capacity += 1 }
        return message.normalized.withUnsafeBufferPointer { text in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: LanguageModel.scratchBytes) { scratch in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: LanguageModel.maximumWordLength + 3) { offsets in
                    withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: max(1, capacity)) { evidence in
                    withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(1, capacity)) { sources in
                        let scratch = scratch.baseAddress!
                        let offsets = offsets.baseAddress!
                        var count = 0
                        var sentenceStart = true
                        var unit = 0  // cursor into the folded units, which follow token order
                        for index in tokens.indices {
                            let token = tokens[index]
                            let range = token.normalizedRange
                            switch token.kind {
                            case .word:
                                let capitalized = !token.flags.isDisjoint(with: [.capitalized, .allCaps])
                                let midSentence = capitalized && !sentenceStart
                                sentenceStart = false
                                guard token.flags.isDisjoint(with: Self.disguises), token.scripts == .latin else { continue }
                                // Spelled-out letters ("w h a t s a p p") are one folded unit: not words of a language.
                                while unit < units.count, units[unit].tokens.upperBound <= index { unit += 1 }
                                if unit < units.count, units[unit].tokens.contains(index), units[unit].transforms.contains(.joined) { continue }
                                if let sum = Self.wordEvidence(model, text, range, midSentence: midSentence, scratch: scratch, offsets: offsets) {
                                    evidence[count] = sum
                                    sources[count] = Int32(index)
                                    count += 1
                                }
                            case .punctuation, .symbol:
                                let marks = Self.punctuationMarks(text, range)
                                if marks.sentenceEnd { sentenceStart = true }
                                if marks.inverted, let spanish = model.index(of: .spanish) {
                                    var scores = SIMD8<Float>(repeating: -model.wordCap)
                                    scores[spanish] = 0
                                    evidence[count] = scores
                                    sources[count] = Int32(index)
                                    count += 1
                                }
                            default:
                                continue
                            }
                        }
                        return body(UnsafeBufferPointer(rebasing: evidence[0..<count]), UnsafeBufferPointer(rebasing: sources[0..<count]))
                    }
                    }
                }
            }
        }
    }

    /// The summed scores of a word token's parts (split at hyphens), or `nil` when no part is
    /// evidence. Inside a sentence, a capitalized part counts only if the word table knows it.
    private static func wordEvidence(
        _ model: LanguageModel, _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, midSentence: Bool,
        scratch: UnsafeMutablePointer<UInt8>, offsets: UnsafeMutablePointer<Int>
    ) -> SIMD8<Float>? {
        var sum = SIMD8<Float>(repeating: 0)
        var parts = 0
        var start = range.lowerBound
        for position in range.lowerBound...range.upperBound where position == range.upperBound || text[position] == 0x2D {
            defer { start = position + 1 }
            guard position > start else { continue }
            scratch[0] = LanguageModel.openMarker
            guard let end = LanguageModel.appendFolded(text, start..<position, to: scratch, length: 1, capacity: LanguageModel.scratchBytes - 1),
                end > 1
            else { continue }
            scratch[end] = LanguageModel.closeMarker
            guard let word = model.scoreWord(scratch: scratch, length: end - 1, offsets: offsets, knownOnly: midSentence) else { continue }
            sum += word.scores
            parts += 1
        }
        return parts > 0 ? sum : nil
    }

    /// Whether a punctuation run ends a sentence (`.`, `!`, `?`, `…`) and whether it holds `¿` or `¡`.
    private static func punctuationMarks(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (sentenceEnd: Bool, inverted: Bool) {
        var sentenceEnd = false
        var inverted = false
        for position in range {
            let byte = text[position]
            if byte == 0x2E || byte == 0x21 || byte == 0x3F { sentenceEnd = true }
            if byte == 0xE2, position + 2 < range.upperBound, text[position + 1] == 0x80, text[position + 2] == 0xA6 { sentenceEnd = true }
            if byte == 0xC2, position + 1 < range.upperBound, text[position + 1] == 0xBF || text[position + 1] == 0xA1 { inverted = true }
        }
        return (sentenceEnd, inverted)
    }

    /// Words written to slip past filters: their spelling is not the language's.
    static let disguises: TokenFlags = [.leet, .mixedScript, .masked, .obfuscated]

    // MARK: - Decision

    /// Posterior per model language (0 for ruled-out ones), or `nil` without evidence.
    func posterior(_ evidence: UnsafeBufferPointer<SIMD8<Float>>) -> SIMD8<Double>? {
        guard !evidence.isEmpty else { return nil }
        var totals = logPriors
        for scores in evidence { totals += scores }
        let count = model.languages.count
        var best = -Float.infinity
        for k in 0..<count where totals[k] > best { best = totals[k] }
        guard best > -.infinity else { return nil }
        var probabilities = SIMD8<Double>(repeating: 0)
        var sum = 0.0
        for k in 0..<count where totals[k] > -.infinity {
            probabilities[k] = exp(Double(totals[k] - best))
            sum += probabilities[k]
        }
        return probabilities / sum
    }

    func dominant(_ probabilities: SIMD8<Double>?) -> Language? {
        guard let probabilities else { return nil }
        var best = -1
        for k in 0..<model.targetCount where best < 0 || probabilities[k] > probabilities[best] { best = k }
        guard best >= 0, probabilities[best] >= threshold, probabilities[best] > 0 else { return nil }
        var others = 0.0
        for k in model.targetCount..<model.languages.count { others += probabilities[k] }
        return probabilities[best] > others ? model.languages[best] : nil
    }

    func hypotheses(_ probabilities: SIMD8<Double>?, maximum: Int) -> [(language: Language, probability: Double)] {
        guard maximum > 0 else { return [] }
        guard let probabilities else { return [(.und, 1)] }
        var result: [(language: Language, probability: Double)] = []
        result.reserveCapacity(model.targetCount + 1)
        for k in 0..<model.targetCount where logPriors[k] > -.infinity {
            result.append((model.languages[k], probabilities[k]))
        }
        var others = 0.0
        for k in model.targetCount..<model.languages.count { others += probabilities[k] }
        result.append((.und, others))
        result.sort { $0.probability > $1.probability }
        if result.count > maximum { result.removeLast(result.count - maximum) }
        return result
    }

    private static func extend(_ span: inout LanguageSpan, with next: LanguageSpan) {
        span.span = span.span.union(next.span)
        span.tokens = span.tokens.lowerBound..<next.tokens.upperBound
        span.words += next.words
    }

    /// Best language path over the evidence (Viterbi, a ``switchPenalty`` per change), as spans.
    func spans(_ evidence: UnsafeBufferPointer<SIMD8<Float>>, _ sources: UnsafeBufferPointer<Int32>, _ tokens: [Token]) -> [LanguageSpan] {
        guard !evidence.isEmpty else { return [] }
        let count = model.languages.count
        let penalty = switchPenalty
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: evidence.count * 8) { back in
            var score = logPriors + evidence[0]
            for t in 1..<evidence.count {
                var bestPrevious = 0
                for k in 1..<count where score[k] > score[bestPrevious] { bestPrevious = k }
                var next = SIMD8<Float>(repeating: -.infinity)
                for k in 0..<count where logPriors[k] > -.infinity {
                    let switched = score[bestPrevious] - penalty
                    if score[k] >= switched {
                        next[k] = score[k] + evidence[t][k]
                        back[t * 8 + k] = UInt8(k)
                    } else {
                        next[k] = switched + evidence[t][k]
                        back[t * 8 + k] = UInt8(bestPrevious)
                    }
                }
                score = next
            }
            var state = 0
            for k in 1..<count where score[k] > score[state] { state = k }
            // Walk back to the best path (stored in place of the back pointers' first lane).
            var t = evidence.count - 1
            while true {
                let previous = t > 0 ? back[t * 8 + state] : 0
                back[t * 8] = UInt8(state)
                if t == 0 { break }
                state = Int(previous)
                t -= 1
            }
            // Runs of one state; each answers its own language only when its words alone are
            // reliable (same rule as the message), else und. Equal neighbours merge.
            var result: [LanguageSpan] = []
            var first = 0
            for t in 0..<evidence.count where t == evidence.count - 1 || back[(t + 1) * 8] != back[t * 8] {
                let run = UnsafeBufferPointer(rebasing: evidence[first...t])
                let language = dominant(posterior(run)) ?? .und
                let firstToken = Int(sources[first]), lastToken = Int(sources[t])
                let span = tokens[firstToken].span.union(tokens[lastToken].span)
                result.append(LanguageSpan(language: language, span: span, tokens: firstToken..<(lastToken + 1), words: run.count))
                // An und stretch between two stretches of one language (a name, a loanword) joins them.
                if result.count >= 3, result[result.count - 2].language == .und, result[result.count - 3].language == language {
                    let last = result.removeLast()
                    let middle = result.removeLast()
                    Self.extend(&result[result.count - 1], with: middle)
                    Self.extend(&result[result.count - 1], with: last)
                } else if result.count >= 2, result[result.count - 2].language == language {
                    let last = result.removeLast()
                    Self.extend(&result[result.count - 1], with: last)
                }
                first = t + 1
            }
            return result
        }
    }
}
