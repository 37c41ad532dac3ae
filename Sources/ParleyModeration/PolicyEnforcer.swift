import ParleyText

/// The limits that need state: messages per hour per sender, new contacts per day by verification
/// level, and near-duplicate bulk sends to many recipients. Sendable: one enforcer can serve every
/// task; each check is one atomic operation of the ``ModerationState``.
public struct PolicyEnforcer: Sendable {
    public let resources: ModerationResources

    public init(resources: ModerationResources) { self.resources = resources }

    /// The fingerprint and other facts of a message.
    /// - Complexity: O(units × shingle); no allocation.
    public func facts(of message: Message, context: ModerationContext) -> MessageFacts {
        let settings = resources.rules.detectors
        return MessageFacts(fingerprint: SimHash.fingerprint(of: message.folded, shingle: settings.bulkShingle,
                                                             minimumUnits: settings.bulkMinUnits))
    }

    /// Counts the message against the sender's limits and records its fingerprint; returns what it broke.
    /// Without a sender nothing is counted. A refused message is not counted (check-and-increment).
    /// - Throws: whatever the state store throws.
    public func enforce(_ facts: MessageFacts, context: ModerationContext, state: some ModerationState,
                        now: Int64) async throws -> [PolicyFinding] {
        guard let sender = context.sender else { return [] }
        let policy = resources.rules.policy
        let settings = resources.rules.detectors
        let time = context.timestamp ?? now
        var findings: [PolicyFinding] = []
        let rate = try await state.countEvent(key: "rate:" + sender, now: time, windowSeconds: policy.messageWindowSeconds,
                                              limit: policy.messagesPerWindow)
        if !rate.allowed {
            findings.append(PolicyFinding(symbol: .rateLimit, detail: "count=\(rate.count) limit=\(policy.messagesPerWindow ?? 0)"))
        }
        if context.isNewContact, let recipient = context.recipient {
            let limit = policy.contactLimit(verification: context.verification)
            let contacts = try await state.addMember(key: "contacts:" + sender, member: recipient, now: time,
                                                     windowSeconds: policy.contactWindowSeconds, limit: limit)
            if !contacts.allowed {
                findings.append(PolicyFinding(symbol: .contactLimit,
                                              detail: "count=\(contacts.count) limit=\(limit ?? 0) verification=\(context.verification ?? "default")"))
            }
        }
        if let fingerprint = facts.fingerprint, let recipient = context.recipient,
            !settings.bulkExemptTiers.contains(context.tier ?? policy.defaultTier) {
            let recipients = try await state.recordFingerprint(key: "bulk:" + sender, fingerprint: fingerprint, recipient: recipient,
                                                               now: time, windowSeconds: settings.bulkWindowSeconds,
                                                               maxHamming: settings.bulkMaxHamming)
            if recipients >= settings.bulkMinRecipients {
                findings.append(PolicyFinding(symbol: .bulkNearDuplicate, detail: "recipients=\(recipients) window=\(settings.bulkWindowSeconds)s"))
            }
        }
        return findings
    }
}
