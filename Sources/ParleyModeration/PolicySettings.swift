/// The limits of the product spec, all from the `policy:` section of `rules.yaml`. `nil` means unlimited.
public struct PolicySettings: Hashable, Sendable {
    /// Messages a sender may send per window (spec: 50 an hour).
    public var messagesPerWindow: Int?
    public var messageWindowSeconds: Int
    /// New contacts a day by verification level (`unverified`, `identity`, `business`, `pro`, `certified`).
    public var contactsByVerification: [String: Int?]
    /// The level assumed when the caller gives none (spec: 10 a day).
    public var defaultContacts: Int?
    public var contactWindowSeconds: Int
    /// First-message limits in graphemes by tier (`standard`, `super_like`, `booker_pro`):
    /// the hook (the first line, shown as the preview) and the whole message.
    public var firstMessageHook: [String: Int?]
    public var firstMessageFull: [String: Int?]
    /// The tier assumed when the caller gives none.
    public var defaultTier: String
    /// Attachment size caps in bytes by type (`pdf`, `image`, `audio`, `video`) and by verification level.
    public var attachmentBytesByType: [String: Int?]
    public var attachmentSecondsByType: [String: Int?]
    public var attachmentBytesByVerification: [String: Int?]
    public var defaultAttachmentBytes: Int?

    /// The new-contact limit for a verification level.
    public func contactLimit(verification: String?) -> Int? {
        guard let verification, let limit = contactsByVerification[verification] else { return defaultContacts }
        return limit
    }

    /// The attachment size cap for a verification level.
    public func attachmentLimit(verification: String?) -> Int? {
        guard let verification, let limit = attachmentBytesByVerification[verification] else { return defaultAttachmentBytes }
        return limit
    }
}
