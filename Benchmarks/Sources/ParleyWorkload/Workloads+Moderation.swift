import ParleyModeration
import ParleyTesting
import ParleyText

/// ParleyModeration on messages already segmented: what moderation adds (lexicon automaton, regexes,
/// detectors, composites, verdict) — issue 5: ≤ 4× ICU word break.
struct Moderate: Workload {
    let messages: [Message]
    let moderator: Moderator

    init(items: [[UInt8]]) throws {
        messages = try WorkloadInput.segmented(items)
        moderator = Moderator(resources: try ModerationResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources))
    }

    var count: Int { messages.count }

    func run(_ index: Int) -> Int {
        moderator.moderate(messages[index]).rules.count
    }
}

/// Segmentation and moderation together, from the bytes: what the chat server pays per message.
struct ModerateFromBytes: Workload {
    let items: [[UInt8]]
    let segmenter = Fixtures.segmenter()
    let moderator: Moderator
    var message = Message()

    init(items: [[UInt8]]) throws {
        self.items = items
        moderator = Moderator(resources: try ModerationResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources))
    }

    var count: Int { items.count }

    mutating func run(_ index: Int) throws -> Int {
        try segmenter.read(items[index], into: &message)
        return moderator.moderate(message).rules.count
    }
}

/// Moderation with the stateful limits, as the sidecar runs it per message: the fingerprint, the
/// rate, contact and bulk checks against the in-memory state (1,000 senders in turn, one message a
/// second, so the state holds a steady few thousand keys), then the verdict.
struct ModerateWithPolicy: Workload {
    let messages: [Message]
    let moderator: Moderator
    let enforcer: PolicyEnforcer
    let state = InMemoryModerationState()
    var sent: Int64 = 0

    init(items: [[UInt8]]) throws {
        messages = try WorkloadInput.segmented(items)
        let resources = try ModerationResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources)
        moderator = Moderator(resources: resources)
        enforcer = PolicyEnforcer(resources: resources)
    }

    var count: Int { messages.count }

    mutating func run(_ index: Int) -> Int {
        sent += 1
        let context = ModerationContext(sender: "sender-\(sent % 1_000)", recipient: "recipient-\(sent % 97)", timestamp: sent,
                                        verification: "identity", tier: "standard", isNewContact: sent % 10 == 0)
        let findings = enforcer.enforce(enforcer.facts(of: messages[index], context: context), context: context, state: state, now: sent)
        return moderator.moderate(messages[index], context: context, findings: findings).rules.count
    }
}

extension Workloads {
    static let moderation: [String: WorkloadFactory] = [
        "moderate": { try Moderate(items: WorkloadInput.messages) },
        "moderate-from-bytes": { try ModerateFromBytes(items: WorkloadInput.messages) },
        "moderate-with-policy": { try ModerateWithPolicy(items: WorkloadInput.messages) },
    ]
}
