import ParleyModeration
import ParleyNegotiation
import ParleyReplies
import ParleyTesting
import ParleyText
import ParleyTone

/// Issue 8's budget as one workload: for a segmented message, the register a reply must answer in
/// (ParleyTone's formality alone), the intent and three replies, and the negotiation view — what
/// the chat shows beside a received message (≤ 5× ICU word break). Same inputs as the `replies` and
/// `negotiate` workloads.
struct RepliesAndNegotiation: Workload {
    let messages: [Message]
    let tone: ToneAnalyzer
    let replies: SmartReplies
    let values: PlaceholderValues
    let negotiation: NegotiationAnalyzer
    let context: NegotiationContext
    var set = ReplySet()

    init(items: [[UInt8]]) throws {
        messages = try WorkloadInput.segmented(items)
        let lexicons = Fixtures.lexiconsDirectory
        let replyResources = try ReplyResources.load(
            from: lexicons, textResources: Fixtures.textResources, moderation: try ModerationResources.load(from: lexicons))
        tone = ToneAnalyzer(resources: try ToneResources.load(from: lexicons, textResources: Fixtures.textResources))
        replies = SmartReplies(resources: replyResources)
        values = try PlaceholderValues(
            catalog: replyResources.placeholders, ["fee": "1 500 €", "date": "samedi 14 juin", "venue": "Le Périscope"])
        negotiation = NegotiationAnalyzer(
            resources: try NegotiationResources.load(
                lexiconsDirectory: lexicons,
                dealsPath: NegotiationResources.sampleDealsPath(modelsDirectory: Fixtures.modelsDirectory),
                textResources: Fixtures.textResources))
        context = NegotiationContext(
            deal: DealContext(genre: "jazz", venueType: "club", capacity: 300, region: "ile-de-france", weekday: 6, month: 7))
    }

    var count: Int { messages.count }

    mutating func run(_ index: Int) -> Int {
        let message = messages[index]
        let read = tone.formality(of: message)
        replies.suggest(
            for: message, language: read.language, register: ReplyRegister(answering: read.formality), values: values, into: &set)
        let view = negotiation.analyze(message, side: "artist", context: context)
        return set.bytes.count &+ view.reading.prices.count &+ view.checklist.reminders.count
    }
}

extension Workloads {
    static let assist: [String: WorkloadFactory] = [
        "replies-negotiate": { try RepliesAndNegotiation(items: WorkloadInput.messages) },
    ]
}
