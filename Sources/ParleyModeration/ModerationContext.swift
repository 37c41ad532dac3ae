/// A file attached to a message.
public struct MessageAttachment: Hashable, Sendable, Codable {
    /// `pdf`, `image`, `audio`, `video` (the keys of `policy.attachment_megabytes_by_type`).
    public var type: String
    public var bytes: Int
    /// Length of audio or video, when known.
    public var durationSeconds: Double?

    public init(type: String, bytes: Int, durationSeconds: Double? = nil) {
        self.type = type
        self.bytes = bytes
        self.durationSeconds = durationSeconds
    }
}

/// What the chat server knows about a message besides its text. Every field is optional: without a
/// sender, the per-sender limits and bulk detection are skipped.
public struct ModerationContext: Hashable, Sendable, Codable {
    /// The message's language (`fr`, `en`) from language ID; nil: Parley guesses cheaply.
    public var language: String?
    public var sender: String?
    public var recipient: String?
    /// Seconds since 1970; nil: the state's clock.
    public var timestamp: Int64?
    /// `unverified`, `identity`, `business`, `pro`, `certified` (keys of `policy.contacts_per_window`).
    public var verification: String?
    /// `standard`, `super_like`, `booker_pro` (keys of `policy.first_message_full`).
    public var tier: String?
    /// The first message of a conversation (first-message length limits apply).
    public var isFirstMessage: Bool
    /// The first message from this sender to this recipient (counts as a new contact).
    public var isNewContact: Bool
    public var attachments: [MessageAttachment]

    public init(language: String? = nil, sender: String? = nil, recipient: String? = nil, timestamp: Int64? = nil,
                verification: String? = nil, tier: String? = nil, isFirstMessage: Bool = false, isNewContact: Bool = false,
                attachments: [MessageAttachment] = []) {
        self.language = language
        self.sender = sender
        self.recipient = recipient
        self.timestamp = timestamp
        self.verification = verification
        self.tier = tier
        self.isFirstMessage = isFirstMessage
        self.isNewContact = isNewContact
        self.attachments = attachments
    }

    enum CodingKeys: String, CodingKey {
        case language, sender, recipient, timestamp, verification, tier, isFirstMessage = "first_message"
        case isNewContact = "new_contact", attachments
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        sender = try container.decodeIfPresent(String.self, forKey: .sender)
        recipient = try container.decodeIfPresent(String.self, forKey: .recipient)
        timestamp = try container.decodeIfPresent(Int64.self, forKey: .timestamp)
        verification = try container.decodeIfPresent(String.self, forKey: .verification)
        tier = try container.decodeIfPresent(String.self, forKey: .tier)
        isFirstMessage = try container.decodeIfPresent(Bool.self, forKey: .isFirstMessage) ?? false
        isNewContact = try container.decodeIfPresent(Bool.self, forKey: .isNewContact) ?? false
        attachments = try container.decodeIfPresent([MessageAttachment].self, forKey: .attachments) ?? []
    }
}
