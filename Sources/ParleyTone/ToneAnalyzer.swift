import ParleyText

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads the tone of chat messages: sentiment, formality, urgency with deadlines, tension, and the
/// tips that follow from them.
///
/// Holds reusable buffers, so it is not `Sendable`: use one per task or thread, over one shared
/// ``ToneResources`` snapshot.
public final class ToneAnalyzer {
    public let resources: ToneResources
    private let view = MessageView()
    private var scorer = SentimentScorer()
    /// The calendar of the last time zone dates were resolved in (made only when a date is found).
    private var calendar: (zone: String, calendar: Calendar)?
    /// The day of the last reference time dates were resolved against, in that calendar's zone.
    private var lastDay: DateResolver.Day?

    /// - Complexity: O(1); buffers grow on first use and are then reused.
    public init(resources: ToneResources) {
        self.resources = resources
    }

    /// Analyses one message.
    /// - Complexity: O(units × phrases per word); no Foundation unless a date expression is found
    ///   (then Calendar resolves it). Allocates the report's arrays.
    public func analyze(_ message: Message, context: ToneContext) -> ToneReport {
        view.load(message, resources: resources)
        let given = context.language.flatMap(ToneLanguage.init(code:))
        let language = given ?? guessLanguage()
        var extras = SentimentScorer.Extras()
        let sentiment = scorer.score(message, view: view, language: language, resources: resources, extras: &extras)
        let formality = FormalityDetector().detect(message, view: view, language: language, resources: resources)
        let deadlines = dates(message, language: language, context: context)
        let urgency = UrgencyDetector().detect(
            message, view: view, language: language, resources: resources,
            dates: deadlines, reference: context.referenceTime)
        let tension = ConflictDetector().detect(
            message, view: view, language: language, resources: resources,
            sentiment: sentiment, sarcasm: extras.sarcasm, history: context.recentTensions)
        let facts = ToneFacts(
            language: language, sentiment: sentiment, formality: formality,
            otherFormality: context.previous?.formality, urgency: urgency, deadlines: deadlines, tension: tension)
        return ToneReport(
            language: language, languageGuessed: given == nil, sentiment: sentiment, formality: formality,
            urgency: urgency, deadlines: deadlines, tension: tension, tips: resources.tips.tips(for: facts),
            timeZone: context.timeZone)
    }

    /// Only the sentiment (what `parley sentiment` prints).
    /// - Complexity: O(units × phrases per word); no Foundation.
    public func sentiment(of message: Message, language: String? = nil) -> Sentiment {
        view.load(message, resources: resources)
        let language = language.flatMap(ToneLanguage.init(code:)) ?? guessLanguage()
        var extras = SentimentScorer.Extras()
        return scorer.score(message, view: view, language: language, resources: resources, extras: &extras)
    }

    /// Only the register and the language it was read in: what a reply needs to answer in kind
    /// (tu or vous), without sentiment, urgency or tension.
    /// - Complexity: O(units × phrases per word); no Foundation. Allocates the cues' array.
    public func formality(of message: Message, language: String? = nil) -> (language: ToneLanguage, formality: Formality) {
        view.load(message, resources: resources)
        let language = language.flatMap(ToneLanguage.init(code:)) ?? guessLanguage()
        return (language, FormalityDetector().detect(message, view: view, language: language, resources: resources))
    }

    /// French or English by function words ("le", "the"); French when undecided (the platform's language).
    private func guessLanguage() -> ToneLanguage {
        let hints = resources.languageHints
        var score = 0
        for id in view.ids where id >= 0 && Int(id) < hints.count {
            let bits = hints[Int(id)]
            if bits & ToneLanguage.fr.hintBit != 0 { score += 1 }
            if bits & ToneLanguage.en.hintBit != 0 { score -= 1 }
        }
        return score < 0 ? .en : .fr
    }

    private func dates(_ message: Message, language: ToneLanguage, context: ToneContext) -> [DateMention] {
        let grammar = DateGrammar(message: message, view: view, dates: resources.lexicon(language).dates, language: language)
        let expressions = grammar.expressions()
        guard !expressions.isEmpty else { return [] }
        if calendar?.zone != context.timeZone {
            guard let made = DateResolver.calendar(timeZone: context.timeZone) else { return [] }
            calendar = (context.timeZone, made)
            lastDay = nil
        }
        guard let calendar else { return [] }
        let resolver = DateResolver(reference: context.referenceTime, calendar: calendar.calendar, day: lastDay)
        lastDay = resolver.day
        let units = message.folded.units
        return expressions.compactMap { expression in
            let span = units[expression.units.lowerBound].span.union(units[expression.units.upperBound - 1].span)
            return resolver.resolve(expression, span: span)
        }
    }
}
