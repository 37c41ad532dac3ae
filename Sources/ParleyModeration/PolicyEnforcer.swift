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
    /// - Complexity: one to three state operations, awaited in turn.
    public func enforce(_ facts: MessageFacts, context: ModerationContext, state: some ModerationState,
                        now: Int64) async throws -> [PolicyFinding] {
        guard let checks = checks(facts, context: context, now: now) else { return [] }
        var outcomes = Outcomes(rate: try await state.countEvent(key: checks.rate.key, now: checks.time,
                                                                 windowSeconds: checks.rate.windowSeconds, limit: checks.rate.limit))
        if let contacts = checks.contacts {
            outcomes.contacts = try await state.addMember(key: contacts.key, member: contacts.member, now: checks.time,
                                                          windowSeconds: contacts.windowSeconds, limit: contacts.limit)
        }
        if let bulk = checks.bulk {
            outcomes.recipients = try await state.recordFingerprint(key: bulk.key, fingerprint: bulk.fingerprint, recipient: bulk.recipient,
                                                                    now: checks.time, windowSeconds: bulk.windowSeconds, maxHamming: bulk.maxHamming)
        }
        return findings(checks, outcomes, context: context)
    }

    /// ``enforce(_:context:state:now:)`` with a state that answers at once: no suspension, so the
    /// server can moderate on its network thread.
    /// - Complexity: one to three state operations.
    public func enforce(_ facts: MessageFacts, context: ModerationContext, state: some SynchronousModerationState,
                        now: Int64) -> [PolicyFinding] {
        guard let checks = checks(facts, context: context, now: now) else { return [] }
        var outcomes = Outcomes(rate: state.countEvent(key: checks.rate.key, now: checks.time,
                                                       windowSeconds: checks.rate.windowSeconds, limit: checks.rate.limit))
        if let contacts = checks.contacts {
            outcomes.contacts = state.addMember(key: contacts.key, member: contacts.member, now: checks.time,
                                                windowSeconds: contacts.windowSeconds, limit: contacts.limit)
        }
        if let bulk = checks.bulk {
            outcomes.recipients = state.recordFingerprint(key: bulk.key, fingerprint: bulk.fingerprint, recipient: bulk.recipient,
                                                          now: checks.time, windowSeconds: bulk.windowSeconds, maxHamming: bulk.maxHamming)
        }
        return findings(checks, outcomes, context: context)
    }

    /// The state operations one message needs, worked out before any is run.
    struct Checks {
        var time: Int64
        var rate: (key: String, windowSeconds: Int, limit: Int?)
        var contacts: (key: String, member: String, windowSeconds: Int, limit: Int?)?
        var bulk: (key: String, fingerprint: UInt64, recipient: String, windowSeconds: Int, maxHamming: Int)?
    }

    /// What the state answered to each of the ``Checks``.
    struct Outcomes {
        var rate: LimitOutcome
        var contacts: LimitOutcome?
        var recipients: Int?
    }

    /// The checks of one message; nil without a sender (nothing is counted).
    private func checks(_ facts: MessageFacts, context: ModerationContext, now: Int64) -> Checks? {
        guard let sender = context.sender else { return nil }
        let policy = resources.rules.policy
        let settings = resources.rules.detectors
        var checks = Checks(time: context.timestamp ?? now,
                            rate: ("rate:" + sender, policy.messageWindowSeconds, policy.messagesPerWindow))
        if context.isNewContact, let recipient = context.recipient {
            checks.contacts = ("contacts:" + sender, recipient, policy.contactWindowSeconds,
                               policy.contactLimit(verification: context.verification))
        }
        if let fingerprint = facts.fingerprint, let recipient = context.recipient,
            !settings.bulkExemptTiers.contains(context.tier ?? policy.defaultTier) {
            checks.bulk = ("bulk:" + sender, fingerprint, recipient, settings.bulkWindowSeconds, settings.bulkMaxHamming)
        }
        return checks
    }

    /// The limits the outcomes say were broken.
    private func findings(_ checks: Checks, _ outcomes: Outcomes, context: ModerationContext) -> [PolicyFinding] {
        var findings: [PolicyFinding] = []
        if !outcomes.rate.allowed {
            findings.append(PolicyFinding(symbol: .rateLimit, detail: "count=\(outcomes.rate.count) limit=\(checks.rate.limit ?? 0)"))
        }
        if let contacts = outcomes.contacts, !contacts.allowed {
            findings.append(PolicyFinding(symbol: .contactLimit, detail:
                "count=\(contacts.count) limit=\(checks.contacts?.limit ?? 0) verification=\(context.verification ?? "default")"))
        }
        let settings = resources.rules.detectors
        if let recipients = outcomes.recipients, recipients >= settings.bulkMinRecipients {
            findings.append(PolicyFinding(symbol: .bulkNearDuplicate, detail: "recipients=\(recipients) window=\(settings.bulkWindowSeconds)s"))
        }
        return findings
    }
}
