import ParleyText

/// VADER's heuristics, for French and English chat. Every number is a named constant with the reason
/// it has the value it has; the word lists they apply to are in `Lexicons/*/sentiment-modifiers.map`.
enum SentimentHeuristics {
    /// A booster ("très", "so") adds this to the magnitude of the sentiment word after it; VADER's
    /// value, fitted on human ratings of "good" vs "very good".
    static let boosterIncrement = 0.293
    /// A dampener ("un peu", "kinda") takes the same amount away.
    static let dampenerIncrement = -0.293
    /// A modifier one, two or three words before the sentiment word counts fully, 95 %, 90 % (VADER).
    static let modifierDistanceDecay: [Double] = [1.0, 0.95, 0.9]
    /// A negated word counts this much of its opposite: "pas génial" is mildly negative, not as
    /// negative as "nul" (VADER's -0.74).
    static let negationScalar = -0.74
    /// A negator up to this many words before a sentiment word (in the same clause) negates it.
    static let negationWindow = 3
    /// French "ne … pas" brackets the verb: with "ne" before the word, a "pas/plus/jamais/rien" up to
    /// this many words after it completes the negation ("je n'aime pas"); colloquial French drops the
    /// "ne" ("j'aime pas"), so "pas/jamais" right after the word also negates it.
    static let postNegationWindow = 2
    /// A word in capitals among words that are not shouts louder (VADER).
    static let capitalsIncrement = 0.733
    /// A stretched word ("géniaaaal", "sooo") is emphasised like a boosted one.
    static let elongationIncrement = 0.293
    /// After "mais"/"but" the second clause carries the judgment: words before it count half,
    /// words after it one and a half (VADER).
    static let contrastBefore = 0.5
    static let contrastAfter = 1.5
    /// Each "!" (up to four) adds emphasis in the direction of the message (VADER).
    static let exclamationIncrement = 0.292
    static let maximumExclamations = 4
    /// Two or three "?" add a little emphasis, more than three add a fixed amount (VADER).
    static let questionIncrement = 0.18
    static let manyQuestionsIncrement = 0.96
    /// Praise followed by an eye-roll emoji ("génial 🙄") is irony: it counts this much of its opposite.
    static let sarcasmScalar = -0.8
    /// Normalization constant of the compound score, x / sqrt(x² + alpha) (VADER).
    static let normalizationAlpha = 15.0
    /// Compound at or above: positive; at or below the negative of it: negative. VADER uses 0.05 on
    /// tweets; business chat is full of mild courtesy ("merci", "svp", "ok"), so a message needs a
    /// little more than one polite word to count as positive or negative.
    static let labelThreshold = 0.25
    /// A word missing from the message language's lexicon is looked up in the other language's
    /// (mixed FR/EN chat) only when it has at least this many bytes: short words are function words
    /// that collide across languages ("l", "a", "on").
    static let fallbackMinimumBytes = 3
}

/// Scores the sentiment of a message with the lexicons of its language (and of the other language for
/// words its own lexicon does not know).
struct SentimentScorer {
    /// What each unit is, for the modifier look-back.
    private var modifierAt: [SentimentModifier?] = []
    /// Sentiment words and phrases found, reused from message to message.
    private var items: [(start: Int, length: Int, valence: Double, source: LexiconSource)] = []

    /// Facts the other stages use.
    struct Extras {
        /// Praise turned into irony by an eye-roll emoji, or strong praise trailing off in an ellipsis.
        var sarcasm: [TextSpan] = []
    }

    mutating func score(
        _ message: Message, view: MessageView, language: ToneLanguage, resources: ToneResources,
        extras: inout Extras
    ) -> Sentiment {
        typealias H = SentimentHeuristics
        let primary = resources.lexicon(language)
        let secondary = resources.lexicon(language.other)
        let ids = view.ids
        let count = ids.count
        let units = message.folded.units
        modifierAt.removeAll(keepingCapacity: true)
        modifierAt.append(contentsOf: repeatElement(nil, count: count))

        let starts = view.starts
        func sentimentMatch(_ position: Int) -> (table: PhraseTable<Double>, entry: Int, length: Int)? {
            guard starts[position] & PhraseStarts.any(.sentiment) != 0 else { return nil }
            if let match = primary.sentiment.match(ids, at: position) { return (primary.sentiment, match.entry, match.length) }
            // The other language's lexicon only for words long enough not to be a function word of
            // this one (French "l'" is not English "l").
            guard units[position].folded.count >= H.fallbackMinimumBytes else { return nil }
            if let match = secondary.sentiment.match(ids, at: position) { return (secondary.sentiment, match.entry, match.length) }
            return nil
        }
        func modifierMatch(_ position: Int) -> (kind: SentimentModifier, length: Int)? {
            guard starts[position] & PhraseStarts.any(.modifiers) != 0 else { return nil }
            if let match = primary.modifiers.match(ids, at: position) { return (primary.modifiers[match.entry].payload, match.length) }
            // The other language's modifiers under the same length rule, and never its contrast words:
            // French "but" is a goal.
            guard units[position].folded.count >= H.fallbackMinimumBytes,
                let match = secondary.modifiers.match(ids, at: position),
                secondary.modifiers[match.entry].payload != .contrast
            else { return nil }
            return (secondary.modifiers[match.entry].payload, match.length)
        }

        // Pass 1: what sits at each unit. A sentiment phrase longer than a modifier wins ("pas mal",
        // "no worries"); a word that is both ("super") boosts when a sentiment word follows.
        items.removeAll(keepingCapacity: true)
        var contrastAt: Int? = nil
        var position = 0
        while position < count {
            let sentiment = sentimentMatch(position)
            let modifier = modifierMatch(position)
            if let modifier, (sentiment?.length ?? 0) <= modifier.length {
                let followed = position + modifier.length < count && sentimentMatch(position + modifier.length) != nil
                if modifier.kind != .booster || sentiment == nil || followed {
                    modifierAt[position] = modifier.kind
                    if modifier.kind == .contrast && contrastAt == nil { contrastAt = position }
                    position += modifier.length
                    continue
                }
            }
            if let sentiment {
                let entry = sentiment.table[sentiment.entry]
                items.append((position, sentiment.length, entry.payload, entry.source))
                position += sentiment.length
                continue
            }
            position += 1
        }

        // Pass 2: each item's valence after the heuristics. An eye-roll emoji anywhere after praise
        // makes the praise ironic ("Oh great, another change 🙄").
        let firstSarcasmSymbol = view.symbols.first { resources.sarcasmSymbols.contains($0.id) }
        var usedSarcasmSymbol = false
        var sum = 0.0
        var contributions: [Sentiment.Contribution] = []
        for item in items where item.valence != 0 {
            var valence = item.valence
            let sign = valence > 0 ? 1.0 : -1.0
            let itemUnits = item.start..<(item.start + item.length)
            if view.capsAreEmphasis && itemUnits.contains(where: { view.allCaps[$0] }) { valence += sign * H.capitalsIncrement }
            if itemUnits.contains(where: { view.elongated[$0] }) { valence += sign * H.elongationIncrement }

            var negated = false
            var sawNe = false
            var distance = 1
            var look = item.start - 1
            while look >= 0 && distance <= H.negationWindow && !view.breakBefore[look + 1] {
                switch modifierAt[look] {
                case .booster?: valence += sign * H.boosterIncrement * H.modifierDistanceDecay[distance - 1]
                case .dampener?: valence += sign * H.dampenerIncrement * H.modifierDistanceDecay[distance - 1]
                case .negation?: negated = true
                case .negationAfterNe?: if (0..<look).contains(where: { modifierAt[$0] == .ne && look - $0 <= H.negationWindow }) { negated = true }
                case .ne?: sawNe = true
                default: break
                }
                look -= 1
                distance += 1
            }
            if !negated {
                var after = itemUnits.upperBound
                var steps = 0
                while after < count && steps < H.postNegationWindow && !view.breakBefore[after] {
                    let kind = modifierAt[after]
                    let completesNe = sawNe && (kind == .negation || kind == .negationAfterNe)
                    // "pas de souci" negates "souci", not the word before it.
                    let colloquial =
                        steps == 0 && kind == .negation && language == .fr
                        && !MessageView.unit(message, after + 1, is: "de") && !MessageView.unit(message, after + 1, is: "d'")
                    if completesNe || colloquial {
                        negated = true
                        break
                    }
                    if kind != nil { break }
                    after += 1
                    steps += 1
                }
            }
            if negated { valence *= H.negationScalar }
            if let contrastAt { valence *= item.start < contrastAt ? H.contrastBefore : H.contrastAfter }

            let last = itemUnits.upperBound - 1
            if valence > 0 && !negated {
                if let roll = firstSarcasmSymbol, roll.unitPosition > last {
                    valence *= H.sarcasmScalar
                    usedSarcasmSymbol = true
                    extras.sarcasm.append(units[item.start].span.union(message.tokens[roll.token].span))
                } else if view.ellipsisAfter[last] && item.valence >= 2 && item.length == 1 && item.start == 0 {
                    // "Bravo…", "Génial..." alone at the start: ironic more often than not. Noted for the
                    // conflict stage; the sentiment is left as it is (too ambiguous to flip).
                    extras.sarcasm.append(units[item.start].span)
                }
            }
            sum += valence
            contributions.append(
                Sentiment.Contribution(
                    span: units[item.start].span.union(units[last].span), valence: valence, source: item.source, negated: negated))
        }
        for symbol in view.symbols {
            var valence = resources.symbolValences[Int(symbol.id)]
            guard valence != 0 else { continue }
            if usedSarcasmSymbol && symbol.token == firstSarcasmSymbol?.token {
                continue  // the eye-roll already turned the praise before it
            }
            if let contrastAt { valence *= symbol.unitPosition <= contrastAt ? H.contrastBefore : H.contrastAfter }
            sum += valence
            contributions.append(Sentiment.Contribution(span: message.tokens[symbol.token].span, valence: valence, source: nil, negated: false))
        }

        if sum != 0 {
            let sign = sum > 0 ? 1.0 : -1.0
            sum += sign * Double(min(view.exclamations, H.maximumExclamations)) * H.exclamationIncrement
            if view.questionMarks > 3 {
                sum += sign * H.manyQuestionsIncrement
            } else if view.questionMarks > 1 {
                sum += sign * Double(view.questionMarks) * H.questionIncrement
            }
        }
        let compound = max(-1, min(1, sum / (sum * sum + H.normalizationAlpha).squareRoot()))
        let label: Sentiment.Label = compound >= H.labelThreshold ? .pos : compound <= -H.labelThreshold ? .neg : .neu
        return Sentiment(compound: compound, label: label, contributions: contributions)
    }
}
