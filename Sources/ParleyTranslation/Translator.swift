import ParleyText

/// Translates segmented messages between French and English with Parley's phrase-based models.
///
/// Not `Sendable`, like ``ParleyText/Segmenter``: it keeps decoding buffers between calls. Make one
/// per task; the loaded ``TranslationModel``s are immutable and can be shared between translators.
public final class Translator {
    public private(set) var models: [TranslationModel]
    /// Trade terms forced into every translation (``Glossary/matches(in:from:to:)``), or nil.
    public var glossary: Glossary?
    /// Stored translations reused before decoding, or nil.
    public var memory: TranslationMemory?
    /// The lowest memory score reused (1: exact matches only).
    public var memoryMinimumScore = TranslationMemory.defaultMinimumScore
    private let decoder = PhraseDecoder()
    private var units: [SourceUnit] = []
    private var ids: [Int32] = []

    /// A translator over the given models (one per direction), with an optional glossary and memory.
    public init(models: [TranslationModel], glossary: Glossary? = nil, memory: TranslationMemory? = nil) {
        self.models = models
        self.glossary = glossary
        self.memory = memory
    }

    /// The bundled models of both directions, from `Models/translation/`.
    /// - Complexity: loads two model files (see ``TranslationModel/init(directory:from:to:)``).
    public static func bundled() throws(TranslationError) -> Translator {
        Translator(models: [try .bundled(from: .french, to: .english), try .bundled(from: .english, to: .french)])
    }

    /// Both languages of a pair given as codes ("fr", "en-GB"), or ``TranslationError/unsupportedPair(from:to:)``.
    public static func pair(from: String, to: String) throws(TranslationError) -> (TranslationLanguage, TranslationLanguage) {
        guard let source = TranslationLanguage(code: from), let target = TranslationLanguage(code: to), source != target else {
            throw .unsupportedPair(from: from, to: to)
        }
        return (source, target)
    }

    /// The model of a direction.
    public func model(from source: TranslationLanguage, to target: TranslationLanguage) throws(TranslationError) -> TranslationModel {
        guard let model = models.first(where: { $0.source == source && $0.target == target }) else {
            throw .unsupportedPair(from: source.rawValue, to: target.rawValue)
        }
        return model
    }

    /// Replaces the parameters of a direction (tuning, tests).
    public func setParameters(_ parameters: DecoderParameters, from source: TranslationLanguage, to target: TranslationLanguage) throws(TranslationError) {
        guard let index = models.firstIndex(where: { $0.source == source && $0.target == target }) else {
            throw .unsupportedPair(from: source.rawValue, to: target.rawValue)
        }
        models[index].parameters = parameters
    }

    /// The units the model reads for a message (lower-cased words, clitics, placeholders).
    public func units(of message: Message) -> [String] { TranslationTokenizer.units(of: message) }

    /// Translates one message: the memory's stored translation when one scores at least
    /// ``memoryMinimumScore`` (returned as is, ``Translation/memoryScore`` set); otherwise the model's,
    /// with `forced` phrases and the glossary's terms placed as single phrases that always win (a
    /// glossary term overlapping a caller's forced phrase gives way to it).
    /// - Throws: ``TranslationError/unsupportedPair(from:to:)``; ``TranslationError/badForcedPhrase(tokens:reason:)``
    ///   for a range outside the message or overlapping another.
    /// - Complexity: about O(units × beam × options); a chat-length message takes well under a millisecond.
    public func translate(_ message: Message, from source: TranslationLanguage, to target: TranslationLanguage,
                          forced: [ForcedPhrase] = []) throws(TranslationError) -> Translation {
        let model = try model(from: source, to: target)
        if let memory, let hit = memory.lookup(message, from: source, to: target, minimumScore: memoryMinimumScore) {
            return Translation(text: hit.target, source: source, target: target, confidence: hit.score,
                               features: ConfidenceFeatures(scorePerUnit: 0, unknownRatio: 0, glossaryRatio: 0, lengthRatio: 0),
                               unknownWords: [], glossaryHits: [], alignments: [], memoryScore: hit.score)
        }
        var forced = forced
        if let glossary {
            for match in glossary.matches(in: message, from: source, to: target)
            where !forced.contains(where: { $0.tokens.overlaps(match.tokens) }) {
                forced.append(ForcedPhrase(tokens: match.tokens, target: match.target, termID: match.termID))
            }
        }
        TranslationTokenizer.units(of: message, into: &units)
        let forcedUnits = try forcedUnitRanges(forced, tokenCount: message.tokens.count)
        ids.removeAll(keepingCapacity: true)
        for unit in units { ids.append(model.phrases.sourceIDs[unit.text] ?? -1) }

        var phrases: [DecodedPhrase] = []
        var tokens: [Int32] = []
        var score: Float = 0
        var start = 0
        while start < units.count {
            let end = chunkEnd(from: start, forced: forcedUnits)
            let chunkForced = forcedUnits.enumerated().compactMap { index, range -> PhraseDecoder.Forced? in
                guard let range, range.lowerBound >= start, range.upperBound <= end else { return nil }
                let words = forced[index].target.lowercased().split(separator: " ").map { model.phrases.targetIDs[String($0)] ?? -1 }
                return PhraseDecoder.Forced(units: (range.lowerBound - start)..<(range.upperBound - start), index: index, words: words)
            }
            let decoded = decoder.decode(Array(ids[start..<end]), forced: chunkForced, model: model)
            score += decoder.bestScore
            for option in decoded {
                let first = tokens.count
                for t in Int(option.targetStart)..<Int(option.targetStart + option.targetCount) {
                    let code = decoder.targets[t]
                    tokens.append(code < 0 && code > -PhraseDecoder.forcedBase ? code - Int32(start) : code)
                }
                phrases.append(DecodedPhrase(units: (Int(option.start) + start)..<(Int(option.end) + start), tokens: first..<tokens.count))
            }
            start = end
        }
        let assembler = TargetAssembler(message: message, units: units, targetWords: model.phrases.targetWords, forced: forced, language: target)
        let output = assembler.assemble(phrases, tokens: tokens)
        let features = Self.features(score: score, units: units, unknown: output.unknownWords.count,
                                     forcedUnits: forcedUnits.reduce(0) { $0 + ($1?.count ?? 0) }, targetWords: tokens.count)
        return Translation(text: output.text, source: source, target: target, confidence: features.confidence(model.parameters),
                           features: features, unknownWords: output.unknownWords,
                           glossaryHits: output.glossaryHits, alignments: output.alignments.map(\.value), memoryScore: nil)
    }

    /// The features of ``Translation/confidence`` for one decoding.
    static func features(score: Float, units: [SourceUnit], unknown: Int, forcedUnits: Int, targetWords: Int) -> ConfidenceFeatures {
        guard !units.isEmpty else { return ConfidenceFeatures(scorePerUnit: 0, unknownRatio: 0, glossaryRatio: 0, lengthRatio: 0) }
        let count = Double(units.count)
        let words = max(1, units.filter { !$0.isPlaceholder && !TargetAssembler.isPunctuation($0.text) }.count)
        return ConfidenceFeatures(scorePerUnit: Double(score) / count, unknownRatio: Double(unknown) / Double(words),
                                  glossaryRatio: Double(forcedUnits) / count, lengthRatio: abs(Double(targetWords) - count) / count)
    }

    /// Unit ranges of the forced phrases (nil when a phrase covers no unit, e.g. only spaces).
    private func forcedUnitRanges(_ forced: [ForcedPhrase], tokenCount: Int) throws(TranslationError) -> [Range<Int>?] {
        var result: [Range<Int>?] = []
        var taken = [Bool](repeating: false, count: units.count)
        for phrase in forced {
            guard phrase.tokens.lowerBound >= 0, phrase.tokens.upperBound <= tokenCount, !phrase.tokens.isEmpty else {
                throw .badForcedPhrase(tokens: phrase.tokens, reason: "outside the message's \(tokenCount) tokens")
            }
            guard let first = units.firstIndex(where: { phrase.tokens.contains($0.token) }),
                let last = units.lastIndex(where: { phrase.tokens.contains($0.token) }) else {
                result.append(nil)
                continue
            }
            if taken[first...last].contains(true) {
                throw .badForcedPhrase(tokens: phrase.tokens, reason: "overlaps another forced phrase")
            }
            for unit in first...last { taken[unit] = true }
            result.append(first..<(last + 1))
        }
        return result
    }

    /// Where the chunk starting at `start` ends: after a sentence-final mark, or before
    /// ``PhraseDecoder/maximumUnits``, never inside a forced phrase.
    private func chunkEnd(from start: Int, forced: [Range<Int>?]) -> Int {
        let limit = min(units.count, start + PhraseDecoder.maximumUnits)
        var end = limit
        for index in start..<limit where TargetAssembler.sentenceEnds.contains(units[index].text) && index + 1 < units.count {
            if index + 1 - start >= 3 && !(index + 1 < units.count && TargetAssembler.sentenceEnds.contains(units[index + 1].text)) {
                end = index + 1
                break
            }
        }
        while end < units.count && forced.contains(where: { $0.map { $0.lowerBound < end && end < $0.upperBound } ?? false }) {
            end -= 1
        }
        return max(end, start + 1)
    }
}
