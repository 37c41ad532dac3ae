import ParleyNegotiation
import ParleyTesting
import ParleyText

/// ParleyNegotiation on messages already segmented: prices, proposal kind, market guidance for a
/// deal and the checklist of a one-message conversation — "the negotiation view for one message"
/// (issue 8: with three smart replies, ≤ 5× ICU word break; this half aims at ≤ 2.5×).
struct NegotiateView: Workload {
    let messages: [Message]
    let analyzer: NegotiationAnalyzer
    /// One deal for every message, as in a conversation (its range and texts are kept between calls);
    /// with `changingDeal`, two deals alternate so that every message pays for its deal's guidance.
    let contexts: [NegotiationContext]

    init(items: [[UInt8]], changingDeal: Bool = false) throws {
        let jazz = DealContext(genre: "jazz", venueType: "club", capacity: 300, region: "ile-de-france", weekday: 6, month: 7)
        let rock = DealContext(genre: "rock", venueType: "festival", capacity: 2000, region: "bretagne", weekday: 5, month: 8)
        contexts = changingDeal ? [NegotiationContext(deal: jazz), NegotiationContext(deal: rock)] : [NegotiationContext(deal: jazz)]
        messages = try WorkloadInput.segmented(items)
        let resources = try NegotiationResources.load(
            lexiconsDirectory: Fixtures.lexiconsDirectory,
            dealsPath: NegotiationResources.sampleDealsPath(modelsDirectory: Fixtures.modelsDirectory),
            textResources: Fixtures.textResources)
        analyzer = NegotiationAnalyzer(resources: resources)
    }

    var count: Int { messages.count }

    func run(_ index: Int) -> Int {
        let view = analyzer.analyze(messages[index], side: "artist", context: contexts[index % contexts.count])
        return view.reading.prices.count + view.checklist.reminders.count
    }
}

extension Workloads {
    static let negotiation: [String: WorkloadFactory] = [
        "negotiate": { try NegotiateView(items: WorkloadInput.messages) },
        "negotiate-new-deal": { try NegotiateView(items: WorkloadInput.messages, changingDeal: true) },
    ]
}
