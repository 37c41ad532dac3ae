import ParleyText

/// Where a deal stands, as the spec's deal statuses: 💬 Discussion / 🤝 Négociation / ✅ Signé / ❌ Échoué.
public enum DealStage: String, Hashable, Sendable, Codable, CaseIterable {
    case discussion, negotiation, signed, failed
}

/// One row of the checklist.
public struct ChecklistItem: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        /// Not talked about yet.
        case missing
        /// Talked about, not agreed.
        case discussed
        /// Agreed: the other side accepted it, or a settling phrase named it.
        case settled
    }

    public var topic: Topic
    /// "le rider technique et le backline", in the conversation's language.
    public var label: String
    public var status: Status
    /// The message that settled the topic, or the last that discussed it (0-based in the conversation).
    public var messageIndex: Int?
    /// Whether the checklist asks for this topic (settings of `topics.map`).
    public var required: Bool
}

/// A deadline of the conversation coming up (or passed).
public struct TimelineAlert: Hashable, Sendable, Codable {
    /// The message the deadline was written in.
    public var messageIndex: Int
    public var span: TextSpan
    /// The deadline, seconds since 1970 UTC.
    public var deadline: Double
    /// Whole days left, rounded up (negative once passed).
    public var daysLeft: Int
    /// "Plus que 3 jours avant la date limite".
    public var text: String
}

/// The negotiation checklist of a conversation: every topic's status, the deal stage with its
/// reason, reminders for what is missing, legal reminders and timeline alerts.
public struct Checklist: Hashable, Sendable, Codable {
    public var items: [ChecklistItem]
    public var stage: DealStage
    /// "Un prix est sur la table (message 3)".
    public var stageReason: String
    /// The message that set the stage; nil for a discussion.
    public var stageMessageIndex: Int?
    /// The price last accepted, when the fee is settled.
    public var agreedPrice: PriceMention?
    /// The price last put on the table.
    public var lastPrice: PriceMention?
    /// "N'oubliez pas de discuter du rider technique".
    public var reminders: [String]
    /// "Pensez à la clause d'annulation".
    public var legalReminders: [String]
    public var timeline: [TimelineAlert]

    /// The row of a topic.
    public func item(_ topic: Topic) -> ChecklistItem? { items.first { $0.topic == topic } }
}
