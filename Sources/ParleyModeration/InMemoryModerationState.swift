/// ``ModerationState`` in the memory of one process: an actor, so each operation is atomic.
///
/// Windows are exact (a log of timestamps per key, trimmed on access); memory is bounded by the
/// limits (a key never holds more than `limit` events) and by the bulk window for fingerprints.
public actor InMemoryModerationState: ModerationState {
    private var events: [String: [Int64]] = [:]
    private var members: [String: [(member: String, time: Int64)]] = [:]
    private var fingerprints: [String: [(fingerprint: UInt64, recipient: String, time: Int64)]] = [:]

    public init() {}

    public func countEvent(key: String, now: Int64, windowSeconds: Int, limit: Int?) -> LimitOutcome {
        var log = events[key, default: []]
        log.removeAll { $0 <= now - Int64(windowSeconds) }
        if let limit, log.count >= limit {
            events[key] = log
            return LimitOutcome(allowed: false, count: log.count + 1)
        }
        log.append(now)
        events[key] = log
        return LimitOutcome(allowed: true, count: log.count)
    }

    public func addMember(key: String, member: String, now: Int64, windowSeconds: Int, limit: Int?) -> LimitOutcome {
        var set = members[key, default: []]
        set.removeAll { $0.time <= now - Int64(windowSeconds) }
        if set.contains(where: { $0.member == member }) {
            members[key] = set
            return LimitOutcome(allowed: true, count: set.count)
        }
        if let limit, set.count >= limit {
            members[key] = set
            return LimitOutcome(allowed: false, count: set.count + 1)
        }
        set.append((member, now))
        members[key] = set
        return LimitOutcome(allowed: true, count: set.count)
    }

    public func recordFingerprint(key: String, fingerprint: UInt64, recipient: String, now: Int64, windowSeconds: Int,
                                  maxHamming: Int) -> Int {
        var log = fingerprints[key, default: []]
        log.removeAll { $0.time <= now - Int64(windowSeconds) }
        log.append((fingerprint, recipient, now))
        fingerprints[key] = log
        var recipients: Set<String> = []
        for entry in log where (entry.fingerprint ^ fingerprint).nonzeroBitCount <= maxHamming {
            recipients.insert(entry.recipient)
        }
        return recipients.count
    }
}
