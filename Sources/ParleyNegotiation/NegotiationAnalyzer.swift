import ParleyText
import ParleyTone

/// What the caller knows besides the message.
public struct NegotiationContext: Sendable {
    /// The message's language (`fr`, `en`, `fr-FR`…); nil: guessed from the words.
    public var language: String?
    /// The deal, for market guidance; nil: no guidance.
    public var deal: DealContext?
    /// "Now", seconds since 1970 UTC, for timeline alerts; nil: no alerts.
    public var referenceTime: Double?

    public init(language: String? = nil, deal: DealContext? = nil, referenceTime: Double? = nil) {
        self.language = language
        self.deal = deal
        self.referenceTime = referenceTime
    }
}

/// The negotiation view of one message: what it proposes, the market's word on it, the warnings,
/// and the conversation's checklist with the message in it.
public struct NegotiationView: Hashable, Sendable, Codable {
    /// The message read in the conversation (proposal kind refined against the other side).
    public var reading: MessageReading
    public var guidance: MarketGuidance?
    /// Price warnings ("Prix 40 % sous le marché, êtes-vous sûr ?").
    public var warnings: [String]
    public var checklist: Checklist
}

/// The negotiation assistant: prices and proposals of a message, market guidance from the deals
/// file, and the checklist of a conversation.
///
/// Holds reusable buffers, so it is not `Sendable`: use one per task or thread, over one shared
/// ``NegotiationResources`` snapshot. No Foundation on any of its calls.
public final class NegotiationAnalyzer {
    public let resources: NegotiationResources
    var ids: [Int32] = []
    var matches: [CueMatch] = []
    var atoms: [Atom] = []
    /// Per unit of the message being read: what a number written in words contributes.
    var spelled: [Int32] = []
    /// Market guidance of the last deal context asked for, without its price check.
    private var lastMarket: MarketModel.Base?

    /// A number or amount of the folded view, before ranges are joined.
    struct Atom {
        var unit: Int
        /// The last unit it covers (its tax mark, when it has one).
        var lastUnit: Int
        var value: Double
        var currency: String?
        var tax: TaxMark
        /// Written with a multiplier ("4K€"), so a bare low end of its range is in the same unit ("2-4K€").
        var multiplier: Bool
        var isAmount: Bool
    }

    /// - Complexity: O(1); buffers grow on first use and are then reused.
    public init(resources: NegotiationResources) {
        self.resources = resources
    }

    /// Reads one message on its own: prices, extras, proposal kind, topics.
    /// - Complexity: O(units × cue phrases sharing a first word); allocates the reading's arrays
    ///   (nothing when the message has no price, extra or topic).
    public func read(_ message: Message, language: String? = nil) -> MessageReading {
        resources.cues.wordIDs(of: message, into: &ids)
        resources.cues.matches(in: ids, into: &matches)
        let language = language.flatMap(ToneLanguage.init(code:)) ?? guessLanguage()
        let prices = extractPrices(message)
        let extras = extractExtras(message)
        var topics: [TopicMention] = []
        let units = message.folded.units
        for match in matches {
            guard case .topic(let topic, let settles) = match.cue, !covered(match), !isPriceBasis(match) else { continue }
            if let existing = topics.firstIndex(where: { $0.topic == topic }) {
                if settles { topics[existing].settles = true }
                continue
            }
            topics.append(TopicMention(topic: topic, span: units[match.start].span.union(units[match.end - 1].span), settles: settles))
        }
        if let price = prices.first, !topics.contains(where: { $0.topic == .fee }) {
            topics.append(TopicMention(topic: .fee, span: price.span, settles: false))
        }
        let asks = message.original.contains(UInt8(ascii: "?"))
        return MessageReading(
            language: language, prices: prices, extras: extras, proposal: proposal(prices: prices, topics: topics, asks: asks),
            topics: topics, asks: asks)
    }

    /// The negotiation view of one message, sent by `side` after `conversation`.
    /// - Complexity: ``read(_:language:)`` + two binary searches for the price check (the range and
    ///   factors of a deal context are computed on its first message and kept while it stays the same)
    ///   + O(turns) for the checklist; allocates the view. Keep the conversation between calls and record the
    ///   message (``NegotiationConversation/record(_:side:dates:)``) to avoid reading history again.
    public func analyze(
        _ message: Message, side: String, context: NegotiationContext, conversation: NegotiationConversation = NegotiationConversation(),
        dates: [DateMention] = []
    ) -> NegotiationView {
        var conversation = conversation
        let reading = conversation.refine(read(message, language: context.language), side: side)
        conversation.record(reading, side: side, dates: dates)
        var guidance: MarketGuidance?
        if let deal = context.deal {
            // The deal context is the same for every message of a conversation: its range, factors
            // and texts are kept from the previous call; only the price check is per message.
            if lastMarket?.context != deal || lastMarket?.language != reading.language {
                lastMarket = resources.market.base(deal, language: reading.language, texts: resources.texts)
            }
            if let base = lastMarket {
                guidance = base.guidance
                guidance?.priceCheck = reading.prices.last.flatMap { resources.market.check($0, against: base, texts: resources.texts) }
            }
        }
        let warnings = guidance?.priceCheck?.warning.map { [$0] } ?? []
        let checklist = self.checklist(conversation, language: reading.language, referenceTime: context.referenceTime)
        return NegotiationView(reading: conversation.turns.last!.reading, guidance: guidance, warnings: warnings, checklist: checklist)
    }

    /// The checklist of a conversation given as messages with their senders.
    /// - Complexity: reads every message (``read(_:language:)`` each), then O(messages × topics).
    public func checklist(for history: [ConversationEntry], language: String? = nil, referenceTime: Double? = nil) -> Checklist {
        var conversation = NegotiationConversation()
        for entry in history { conversation.record(read(entry.message, language: language), side: entry.side, dates: entry.dates) }
        let chosen = language.flatMap(ToneLanguage.init(code:)) ?? conversation.turns.last?.reading.language ?? .fr
        return checklist(conversation, language: chosen, referenceTime: referenceTime)
    }

    /// Market guidance for a deal, with a price checked against it when given.
    /// - Complexity: a few dictionary look-ups and binary searches over the precomputed groups.
    public func guidance(for deal: DealContext, price: PriceMention? = nil, language: ToneLanguage = .fr) -> MarketGuidance? {
        resources.market.guidance(deal, price: price, language: language, texts: resources.texts)
    }

    // MARK: Reading one message

    /// Whether a longer match of the same family covers this one ("d'accord" inside "pas d'accord").
    func covered(_ match: CueMatch) -> Bool {
        for other in matches where other.start <= match.start && other.end >= match.end && other.end - other.start > match.end - match.start {
            if Self.family(other.cue) == Self.family(match.cue) { return true }
        }
        return false
    }

    private static func family(_ cue: Cue) -> Int {
        switch cue {
        case .proposal: return 0
        case .topic: return 1
        case .extra: return 2
        case .languageHint: return 3
        default: return 4
        }
    }

    private func guessLanguage() -> ToneLanguage {
        var score = 0
        for match in matches {
            if case .languageHint = match.cue { score += match.language == .fr ? 1 : -1 }
        }
        return score < 0 ? .en : .fr
    }

    private func proposal(prices: [PriceMention], topics: [TopicMention], asks: Bool) -> ProposalKind {
        var last: (start: Int, kind: ProposalKind)?
        var question = false
        for match in matches {
            guard case .proposal(let kind) = match.cue, !covered(match) else { continue }
            switch kind {
            case .withdrawal: return .withdrawal
            case .question: question = true
            default: if last == nil || match.start >= last!.start { last = (match.start, kind) }
            }
        }
        if prices.isEmpty && (question || (asks && last == nil && topics.contains { $0.topic == .fee })) { return .question }
        switch last?.kind {
        case .refusal?: return prices.isEmpty ? .refusal : .counterOffer
        // "Plutôt 1 600 €", "Pourriez-vous descendre ?"; a bare "oui plutôt !" proposes nothing.
        case .counterOffer? where prices.isEmpty && !asks: return .none
        case let kind?: return kind
        case nil: return prices.isEmpty ? .none : .offer
        }
    }

    private func extractExtras(_ message: Message) -> [ExtraCost] {
        var extras: [ExtraCost] = []
        var starts: [Int] = []
        var ends: [Int] = []
        let units = message.folded.units
        for match in matches {
            guard case .extra(let kind) = match.cue, !covered(match), !extras.contains(where: { $0.kind == kind }) else { continue }
            var terms = ExtraCost.Terms.mentioned
            // The word right after ("hébergement compris", "transport en sus") or right before
            // ("including meals", "plus travel").
            for other in matches where other.start == match.end || other.end == match.start {
                switch other.cue {
                case .included: terms = .included
                case .onTop: terms = .onTop
                default: break
                }
            }
            if terms == .mentioned && gap(message, before: match.start).contains(UInt8(ascii: "+")) { terms = .onTop }
            extras.append(ExtraCost(kind: kind, terms: terms, span: units[match.start].span.union(units[match.end - 1].span)))
            ends.append(match.end)
            starts.append(match.start)
        }
        // Extras listed together share their terms: "repas et hébergement compris" (the last one's),
        // "+ transport et hébergement" (the first one's).
        func listed(_ index: Int) -> Bool { starts[index + 1] >= ends[index] && starts[index + 1] <= ends[index] + 1 }
        var index = extras.count - 2
        while index >= 0 {
            if extras[index].terms == .mentioned && listed(index) { extras[index].terms = extras[index + 1].terms }
            index -= 1
        }
        for index in extras.indices.dropFirst() where extras[index].terms == .mentioned && listed(index - 1) {
            extras[index].terms = extras[index - 1].terms
        }
        return extras
    }

    /// Whether a topic phrase is part of a price's basis ("2 000 € par date" is not about the date).
    private func isPriceBasis(_ match: CueMatch) -> Bool {
        matches.contains { other in
            if case .basis = other.cue { return other.start < match.end && match.start < other.end && other.end - other.start > 1 }
            return false
        }
    }

    /// The original bytes between unit `index - 1` (or the start) and unit `index`.
    func gap(_ message: Message, before index: Int) -> ArraySlice<UInt8> {
        let units = message.folded.units
        let start = index > 0 ? units[index - 1].span.utf8.upperBound : 0
        let end = units[index].span.utf8.lowerBound
        return start <= end ? message.original[start..<end] : []
    }

    static func hasDash(_ bytes: ArraySlice<UInt8>) -> Bool {
        // "-", and the en/em dashes U+2013/U+2014 (E2 80 93/94).
        var previous: (UInt8, UInt8) = (0, 0)
        for b in bytes {
            if b == UInt8(ascii: "-") || (previous == (0xE2, 0x80) && (b == 0x93 || b == 0x94)) { return true }
            previous = (previous.1, b)
        }
        return false
    }
}
