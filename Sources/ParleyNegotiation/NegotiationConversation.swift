import ParleyText
import ParleyTone

/// A message of a conversation as the caller has it: the segmented message, who sent it, and the
/// dates ParleyTone resolved in it (``ToneReport/deadlines``; empty when tone was not run).
public struct ConversationEntry: Sendable {
    public var message: Message
    /// Any stable id of the sender: a user id, "artist", "venue".
    public var side: String
    public var dates: [DateMention]

    public init(message: Message, side: String, dates: [DateMention] = []) {
        self.message = message
        self.side = side
        self.dates = dates
    }
}

/// A conversation's negotiation state, built one message at a time: each message's reading (with
/// its proposal kind refined against the other side's prices) and its dates. Keep one per
/// conversation and ``record(_:side:dates:)`` each message, or let
/// ``NegotiationAnalyzer/checklist(for:language:referenceTime:)`` build it from the history.
public struct NegotiationConversation: Hashable, Sendable, Codable {
    public struct Turn: Hashable, Sendable, Codable {
        public var side: String
        public var reading: MessageReading
        public var dates: [DateMention]
    }

    public private(set) var turns: [Turn] = []

    public init() {}

    /// The last price the other side of `side` put on the table, with its message index.
    public func lastPrice(notFrom side: String) -> (price: PriceMention, index: Int)? {
        for index in turns.indices.reversed() where turns[index].side != side {
            if let price = turns[index].reading.prices.last { return (price, index) }
        }
        return nil
    }

    /// A reading refined by the conversation so far: a price after the other side's different price
    /// is a counter-offer; an acceptance naming another price is a counter-offer too.
    /// - Complexity: O(turns) at worst (walks back to the other side's last price).
    public func refine(_ reading: MessageReading, side: String) -> MessageReading {
        var reading = reading
        guard let price = reading.prices.last, let (theirs, _) = lastPrice(notFrom: side) else { return reading }
        let same = abs(price.midpoint - theirs.midpoint) <= 0.01 * max(price.midpoint, theirs.midpoint)
        switch reading.proposal {
        case .offer, .refusal:
            if !same { reading.proposal = .counterOffer }
        case .acceptance:
            if !same { reading.proposal = .counterOffer }
        default:
            break
        }
        return reading
    }

    /// Records a message: its reading is refined (see ``refine(_:side:)``) and kept.
    /// - Complexity: as ``refine(_:side:)``; appends one turn.
    public mutating func record(_ reading: MessageReading, side: String, dates: [DateMention] = []) {
        turns.append(Turn(side: side, reading: refine(reading, side: side), dates: dates))
    }
}
