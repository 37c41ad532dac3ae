import ParleyText
import ParleyTone

/// A topic of the checklist named in a message.
public struct TopicMention: Hashable, Sendable, Codable {
    public var topic: Topic
    public var span: TextSpan
    /// Named by a phrase that settles it by itself ("contrat signé").
    public var settles: Bool

    public init(topic: Topic, span: TextSpan, settles: Bool) {
        self.topic = topic
        self.span = span
        self.settles = settles
    }
}

/// What one message says about the deal, read from its words alone.
public struct MessageReading: Hashable, Sendable, Codable {
    /// The language the texts are given in (the caller's, or guessed from the words).
    public var language: ToneLanguage
    public var prices: [PriceMention]
    public var extras: [ExtraCost]
    /// What the message does; ``NegotiationConversation`` refines it against the other side's
    /// prices (a new price after theirs is a counter-offer).
    public var proposal: ProposalKind
    public var topics: [TopicMention]
    /// Whether the message asks something (a question mark).
    public var asks: Bool

    public init(
        language: ToneLanguage, prices: [PriceMention] = [], extras: [ExtraCost] = [], proposal: ProposalKind = .none,
        topics: [TopicMention] = [], asks: Bool = false
    ) {
        self.language = language
        self.prices = prices
        self.extras = extras
        self.proposal = proposal
        self.topics = topics
        self.asks = asks
    }

    /// Whether the message names a topic.
    public func mentions(_ topic: Topic) -> Bool { topics.contains { $0.topic == topic } }
}
