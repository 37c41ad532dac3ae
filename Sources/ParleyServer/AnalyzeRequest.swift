/// The body of `POST /v1/analyze`, and one item of `POST /v1/batch`: a message and its context.
public struct AnalyzeRequest: Codable, Hashable, Sendable {
    /// The message as the sender typed it.
    public var text: String
    public var context: MessageContext

    public init(text: String, context: MessageContext) {
        self.text = text
        self.context = context
    }
}

/// Who sent a message, to whom, where and when.
public struct MessageContext: Codable, Hashable, Sendable {
    public var messageId: String
    public var senderId: String
    public var recipientId: String?
    public var conversationId: String
    /// The sender's verification level and tier, as the chat server names them.
    public var verificationLevel: String?
    public var tier: String?
    /// Whether this is the sender's first message in the conversation (first-message length limits).
    public var firstMessage: Bool?
    /// Whether this is the sender's first message to this recipient (counts against the contacts limit).
    public var newContact: Bool?
    /// When it was sent, RFC 3339 (`2026-03-28T12:00:00+01:00`); "now" for relative dates. Default: now.
    public var sentAt: String?
    /// IANA time zone dates are read in. Default: Europe/Paris.
    public var timeZone: String?
    /// The last few messages of the conversation, oldest first: tone history and register tips.
    public var recent: [RecentMessage]?

    public init(messageId: String, senderId: String, recipientId: String? = nil, conversationId: String,
                verificationLevel: String? = nil, tier: String? = nil, firstMessage: Bool? = nil,
                newContact: Bool? = nil, sentAt: String? = nil, timeZone: String? = nil, recent: [RecentMessage]? = nil) {
        self.messageId = messageId
        self.senderId = senderId
        self.recipientId = recipientId
        self.conversationId = conversationId
        self.verificationLevel = verificationLevel
        self.tier = tier
        self.firstMessage = firstMessage
        self.newContact = newContact
        self.sentAt = sentAt
        self.timeZone = timeZone
        self.recent = recent
    }
}

/// An earlier message of the conversation.
public struct RecentMessage: Codable, Hashable, Sendable {
    public var text: String
    public var senderId: String

    public init(text: String, senderId: String) {
        self.text = text
        self.senderId = senderId
    }
}

/// The body of `POST /v1/batch`.
public struct BatchRequest: Codable, Hashable, Sendable {
    public var messages: [AnalyzeRequest]
}
