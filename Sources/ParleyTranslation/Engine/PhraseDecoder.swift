/// A translation option for one source span, during one decoding.
struct PhraseOption {
    var start: Int32
    var end: Int32
    /// Range into ``PhraseDecoder/targets``.
    var targetStart: Int32
    var targetCount: Int32
    /// Range into ``PhraseDecoder/lmWords``: the target words the language model scores (-1 for words
    /// it does not know; a forced phrase's words though it is emitted as one piece).
    var lmStart: Int32
    var lmCount: Int32
    /// Weighted phrase-table features and word penalty (and the unknown-word penalty for copies).
    var score: Float
    /// `score` plus the weighted language-model score of the phrase alone (for future costs).
    var estimate: Float
    /// The phrase-table option, or -1 for a copied unknown word or a forced phrase.
    var tableOption: Int32
}

/// A partial translation in the beam.
struct Hypothesis {
    var coverage: UInt64
    var lastEnd: Int32
    /// Language-model context: the two last target words (older, newer).
    var older: Int32
    var newer: Int32
    var score: Float
    /// `score` plus the future-cost estimate of what is left.
    var total: Float
    var back: Int32
    var option: Int32
}

/// The beam-search decoder of a phrase-based model: stacks by number of covered source units,
/// histogram pruning, recombination of hypotheses with the same coverage, last position and
/// language-model state, future-cost estimates, a distortion limit measured from the first
/// untranslated unit. Not `Sendable`: it keeps its buffers between calls (one per task).
final class PhraseDecoder {
    /// Target tokens of the options: a target word id (≥ 0), `copy(k)` for source unit k, `forced(f)`.
    private(set) var targets: [Int32] = []
    private var lmWords: [Int32] = []
    private(set) var options: [PhraseOption] = []
    private var optionStarts: [Int32] = []
    private var future: [Float] = []
    private var hypotheses: [Hypothesis] = []
    private var stacks: [[Int32]] = []
    private var lookupIDs: [Int32] = []
    static let maximumUnits = 60
    static let maximumPhrase = 5
    static let forcedBase: Int32 = 1_000_000

    @inline(__always) static func copy(_ unit: Int) -> Int32 { -1 - Int32(unit) }
    @inline(__always) static func forced(_ index: Int) -> Int32 { -forcedBase - Int32(index) }

    /// A forced phrase over units `units` of the chunk, translated by forced string `index`, whose
    /// words are `words` for the language model (target ids, -1 when unknown).
    struct Forced {
        var units: Range<Int>
        var index: Int
        var words: [Int32]
    }

    /// Decodes source unit ids (-1 = not in the model's vocabulary) and returns the options of the best
    /// translation in target order, or an empty array for empty input.
    /// - Precondition: `ids.count <= maximumUnits`; forced ranges within the input and disjoint.
    /// - Complexity: O(n × beam × options in the distortion window); buffers are reused.
    func decode(_ ids: [Int32], forced: [Forced], model: TranslationModel) -> [PhraseOption] {
        let n = ids.count
        guard n > 0 else { return [] }
        precondition(n <= Self.maximumUnits)
        let parameters = model.parameters
        collectOptions(ids, forced: forced, model: model)
        computeFutureCosts(n)
        hypotheses.removeAll(keepingCapacity: true)
        while stacks.count <= n { stacks.append([]) }
        for index in 0...n { stacks[index].removeAll(keepingCapacity: true) }
        let lm = model.languageModel
        let lmWeight = parameters.languageModel * 2.302_585
        hypotheses.append(Hypothesis(coverage: 0, lastEnd: 0, older: lm.beginOfSentence, newer: lm.beginOfSentence,
                                     score: 0, total: future[n], back: -1, option: -1))
        stacks[0].append(0)
        let full: UInt64 = n == 64 ? ~0 : (UInt64(1) << UInt64(n)) - 1
        for covered in 0..<n {
            prune(covered, beam: parameters.beamSize)
            for hypothesisIndex in stacks[covered] {
                let hypothesis = hypotheses[Int(hypothesisIndex)]
                let firstGap = (~hypothesis.coverage).trailingZeroBitCount
                let lastStart = min(n - 1, firstGap + parameters.distortionLimit)
                if firstGap > lastStart { continue }
                for start in firstGap...lastStart where hypothesis.coverage & (UInt64(1) << UInt64(start)) == 0 {
                    for optionIndex in Int(optionStarts[start])..<Int(optionStarts[start + 1]) {
                        let option = options[optionIndex]
                        let length = UInt64(option.end - option.start)
                        let mask = ((UInt64(1) << length) - 1) << UInt64(start)
                        if hypothesis.coverage & mask != 0 { continue }
                        var older = hypothesis.older, newer = hypothesis.newer
                        var lmScore: Float = 0
                        for t in Int(option.lmStart)..<Int(option.lmStart + option.lmCount) {
                            let word = lmWords[t]
                            lmScore += lm.logProbability(older, newer, word)
                            older = newer
                            newer = word
                        }
                        let coverage = hypothesis.coverage | mask
                        if coverage == full { lmScore += lm.logProbability(older, newer, lm.endOfSentence) }
                        let jump = Float(abs(Int(option.start) - Int(hypothesis.lastEnd)))
                        let score = hypothesis.score + option.score + lmWeight * lmScore + parameters.distortion * jump
                        let total = score + futureCost(coverage, n)
                        let candidate = Hypothesis(coverage: coverage, lastEnd: option.end, older: older, newer: newer,
                                                   score: score, total: total, back: hypothesisIndex, option: Int32(optionIndex))
                        insert(candidate, into: coverage.nonzeroBitCount, beam: parameters.beamSize)
                    }
                }
            }
        }
        guard let best = stacks[n].max(by: { hypotheses[Int($0)].score < hypotheses[Int($1)].score }) else { return [] }
        var result: [PhraseOption] = []
        var cursor = Int(best)
        while hypotheses[cursor].back >= 0 {
            result.append(options[Int(hypotheses[cursor].option)])
            cursor = Int(hypotheses[cursor].back)
        }
        result.reverse()
        bestScore = hypotheses[Int(best)].score
        return result
    }

    /// Model score of the last translation returned by ``decode(_:forced:model:)``.
    private(set) var bestScore: Float = 0

    private func insert(_ candidate: Hypothesis, into stack: Int, beam: Int) {
        for (position, index) in stacks[stack].enumerated() {
            let other = hypotheses[Int(index)]
            if other.coverage == candidate.coverage && other.lastEnd == candidate.lastEnd
                && other.older == candidate.older && other.newer == candidate.newer {
                if candidate.score > other.score {
                    hypotheses.append(candidate)
                    stacks[stack][position] = Int32(hypotheses.count - 1)
                }
                return
            }
        }
        hypotheses.append(candidate)
        stacks[stack].append(Int32(hypotheses.count - 1))
        if stacks[stack].count >= 4 * beam { prune(stack, beam: beam) }
    }

    private func prune(_ stack: Int, beam: Int) {
        guard stacks[stack].count > beam else { return }
        let all = hypotheses
        stacks[stack].sort { all[Int($0)].total > all[Int($1)].total }
        stacks[stack].removeLast(stacks[stack].count - beam)
    }

    private func futureCost(_ coverage: UInt64, _ n: Int) -> Float {
        var cost: Float = 0
        var position = 0
        let width = n + 1
        while position < n {
            if coverage & (UInt64(1) << UInt64(position)) != 0 { position += 1; continue }
            var end = position
            while end < n && coverage & (UInt64(1) << UInt64(end)) == 0 { end += 1 }
            cost += future[position * width + end]
            position = end
        }
        return cost
    }

    /// Options for every span: phrase-table translations (up to `optionsPerPhrase`), a copy for a unit
    /// with no translation, the forced phrases (and nothing else overlapping them).
    private func collectOptions(_ ids: [Int32], forced: [Forced], model: TranslationModel) {
        let n = ids.count
        let parameters = model.parameters
        let table = model.phrases
        let lm = model.languageModel
        let lmWeight = parameters.languageModel * 2.302_585
        options.removeAll(keepingCapacity: true)
        targets.removeAll(keepingCapacity: true)
        lmWords.removeAll(keepingCapacity: true)
        optionStarts.removeAll(keepingCapacity: true)
        var forcedAt = [Int](repeating: -1, count: n)
        for (k, phrase) in forced.enumerated() { for unit in phrase.units { forcedAt[unit] = k } }
        lookupIDs = ids
        for start in 0..<n {
            optionStarts.append(Int32(options.count))
            if forcedAt[start] >= 0 {
                let phrase = forced[forcedAt[start]]
                if phrase.units.lowerBound == start {
                    targets.append(Self.forced(phrase.index))
                    let lmStart = lmWords.count
                    var older: Int32 = -1, newer: Int32 = -1, lmScore: Float = 0
                    for word in phrase.words {
                        lmWords.append(word)
                        lmScore += lm.logProbability(older, newer, word)
                        older = newer
                        newer = word
                    }
                    options.append(PhraseOption(start: Int32(start), end: Int32(phrase.units.upperBound), targetStart: Int32(targets.count - 1),
                                                targetCount: 1, lmStart: Int32(lmStart), lmCount: Int32(phrase.words.count),
                                                score: 0, estimate: lmWeight * lmScore, tableOption: -1))
                }
                continue
            }
            var hasSingle = false
            lookupIDs.withUnsafeBufferPointer { buffer in
                for end in (start + 1)...min(n, start + Self.maximumPhrase) {
                    if ids[end - 1] < 0 || forcedAt[end - 1] >= 0 { break }
                    guard let phrase = table.phrase(buffer, start..<end) else { continue }
                    let candidates = table.options(of: phrase)
                    for option in candidates.prefix(parameters.optionsPerPhrase) {
                        let f = option * PhraseTable.featureCount
                        let range = table.targetRange(of: option)
                        let targetStart = targets.count
                        var older: Int32 = -1, newer: Int32 = -1, lmScore: Float = 0
                        for t in range {
                            let word = Int32(table.optionWords[t])
                            targets.append(word)
                            lmWords.append(word)
                            lmScore += lm.logProbability(older, newer, word)
                            older = newer
                            newer = word
                        }
                        let score = parameters.forward * table.features[f] + parameters.backward * table.features[f + 1]
                            + parameters.lexicalForward * table.features[f + 2] + parameters.lexicalBackward * table.features[f + 3]
                            + parameters.wordPenalty * Float(range.count)
                        options.append(PhraseOption(start: Int32(start), end: Int32(end), targetStart: Int32(targetStart),
                                                    targetCount: Int32(range.count), lmStart: Int32(lmWords.count - range.count),
                                                    lmCount: Int32(range.count), score: score, estimate: score + lmWeight * lmScore,
                                                    tableOption: Int32(option)))
                        if end == start + 1 { hasSingle = true }
                    }
                }
            }
            if !hasSingle {
                targets.append(Self.copy(start))
                lmWords.append(-1)
                let score = parameters.unknown + parameters.wordPenalty
                options.append(PhraseOption(start: Int32(start), end: Int32(start + 1), targetStart: Int32(targets.count - 1), targetCount: 1,
                                            lmStart: Int32(lmWords.count - 1), lmCount: 1, score: score, estimate: score + lmWeight * NGramModel.unknownLogProbability, tableOption: -1))
            }
        }
        optionStarts.append(Int32(options.count))
    }

    private func computeFutureCosts(_ n: Int) {
        let width = n + 1
        future.removeAll(keepingCapacity: true)
        future.append(contentsOf: repeatElement(-Float.infinity, count: width * width))
        for option in options {
            let cell = Int(option.start) * width + Int(option.end)
            future[cell] = max(future[cell], option.estimate)
        }
        for length in 1...n {
            for start in 0...(n - length) {
                let end = start + length
                var best = future[start * width + end]
                if length > 1 {
                    for middle in (start + 1)..<end {
                        best = max(best, future[start * width + middle] + future[middle * width + end])
                    }
                }
                future[start * width + end] = best
            }
        }
        for start in 0...n { future[start * width + start] = 0 }
    }
}
