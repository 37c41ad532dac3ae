import ParleyTone

/// What a phrase of `Lexicons/negotiation/` tells when it is found in a message.
enum Cue: Hashable, Sendable {
    /// proposals.map: offer, counter, accept, refuse, withdraw, question.
    case proposal(ProposalKind)
    /// prices.map: a word that makes a bare number a fee.
    case fee
    case rangeStart
    case rangeJoin
    /// "et", "and": joins a range only after a range start.
    case rangeAnd
    case basis(PriceBasis)
    case extra(ExtraCost.Kind)
    case included
    case onTop
    case approximate
    case notFee
    /// A number written as a word (`Lexicons/text/number-words.map`): "cinq", "twenty".
    case numberWord(Int)
    /// "cent(s)", "hundred": multiplies what comes before by 100.
    case hundred
    /// "mille", "thousand": multiplies what comes before by 1 000.
    case thousand
    /// A currency written as a word after a spelled-out number ("euros", "balles", "dollars").
    case currencyWord(String)
    /// topics.map: a phrase that mentions a topic, or settles it by itself.
    case topic(Topic, settles: Bool)
    /// tone/language-hints.map: a frequent function word of one language.
    case languageHint
}

/// A cue found in a message: units `start..<end` of the folded view.
struct CueMatch: Hashable, Sendable {
    var start: Int
    var end: Int
    var cue: Cue
    var language: ToneLanguage
}

extension ToneLanguage {
    /// Position in per-language pairs: French 0, English 1.
    var slot: Int { self == .fr ? 0 : 1 }
}
