#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// ``ModerationState`` in the memory of one process. Each operation holds one lock for its whole
/// check-and-update, so it is atomic; a lock rather than an actor so that it answers at once
/// (``SynchronousModerationState``), from a network thread as well as from a task.
///
/// Windows are exact (a log of timestamps per key, trimmed on access); memory is bounded by the
/// limits (a key never holds more than `limit` events), by the bulk window for fingerprints, and
/// by a periodic sweep of the keys whose entries have all expired.
public final class InMemoryModerationState: SynchronousModerationState {
    fileprivate struct Logs {
        var events: [String: [Int64]] = [:]
        var members: [String: [(member: String, time: Int64)]] = [:]
        var fingerprints: [String: [(fingerprint: UInt64, recipient: String, time: Int64)]] = [:]
        /// The longest window each log was asked about: the sweep keeps what may still count.
        var windows = (events: 0, members: 0, fingerprints: 0)
        var sweepCountdown = 4096
    }

    private let logs = Mutex(Logs())

    public init() {}

    /// Keys held, over the three kinds of log (a sender's messages, contacts and fingerprints):
    /// what the sweep keeps bounded.
    public var keyCount: Int {
        logs.withLock { $0.events.count + $0.members.count + $0.fingerprints.count }
    }

    public func countEvent(key: String, now: Int64, windowSeconds: Int, limit: Int?) -> LimitOutcome {
        logs.withLock { $0.countEvent(key: key, now: now, windowSeconds: windowSeconds, limit: limit) }
    }

    public func addMember(key: String, member: String, now: Int64, windowSeconds: Int, limit: Int?) -> LimitOutcome {
        logs.withLock { $0.addMember(key: key, member: member, now: now, windowSeconds: windowSeconds, limit: limit) }
    }

    public func recordFingerprint(key: String, fingerprint: UInt64, recipient: String, now: Int64, windowSeconds: Int,
                                  maxHamming: Int) -> Int {
        logs.withLock {
            $0.recordFingerprint(key: key, fingerprint: fingerprint, recipient: recipient, now: now,
                                 windowSeconds: windowSeconds, maxHamming: maxHamming)
        }
    }
}

extension InMemoryModerationState.Logs {
    // Each log is changed in place through the dictionary's `default:` subscript: reading it out
    // and storing it back would copy it on every message.

    mutating func countEvent(key: String, now: Int64, windowSeconds: Int, limit: Int?) -> LimitOutcome {
        windows.events = max(windows.events, windowSeconds)
        sweepIfDue(now: now)
        let start = now - Int64(windowSeconds)
        return events[key, default: []].withTrimmed(after: start, time: { $0 }) { log in
            if let limit, log.count >= limit { return LimitOutcome(allowed: false, count: log.count + 1) }
            log.append(now)
            return LimitOutcome(allowed: true, count: log.count)
        }
    }

    mutating func addMember(key: String, member: String, now: Int64, windowSeconds: Int, limit: Int?) -> LimitOutcome {
        windows.members = max(windows.members, windowSeconds)
        sweepIfDue(now: now)
        let start = now - Int64(windowSeconds)
        return members[key, default: []].withTrimmed(after: start, time: { $0.time }) { set in
            if set.contains(where: { $0.member == member }) { return LimitOutcome(allowed: true, count: set.count) }
            if let limit, set.count >= limit { return LimitOutcome(allowed: false, count: set.count + 1) }
            set.append((member, now))
            return LimitOutcome(allowed: true, count: set.count)
        }
    }

    mutating func recordFingerprint(key: String, fingerprint: UInt64, recipient: String, now: Int64, windowSeconds: Int,
                                    maxHamming: Int) -> Int {
        windows.fingerprints = max(windows.fingerprints, windowSeconds)
        sweepIfDue(now: now)
        let start = now - Int64(windowSeconds)
        return fingerprints[key, default: []].withTrimmed(after: start, time: { $0.time }) { log in
            log.append((fingerprint, recipient, now))
            // Distinct recipients of a near copy; the log is short (one sender's window), so a
            // quadratic scan beats building a set.
            var count = 0
            for (index, entry) in log.enumerated() where (entry.fingerprint ^ fingerprint).nonzeroBitCount <= maxHamming {
                let seen = log[..<index].contains { $0.recipient == entry.recipient && ($0.fingerprint ^ fingerprint).nonzeroBitCount <= maxHamming }
                if !seen { count += 1 }
            }
            return count
        }
    }

    /// Drops the keys whose every entry has expired, once every so many operations (as many as
    /// there are keys, at least 4,096: amortised O(1) each), so that memory follows the senders of
    /// the last window rather than every sender ever seen.
    private mutating func sweepIfDue(now: Int64) {
        sweepCountdown -= 1
        guard sweepCountdown <= 0 else { return }
        // The earlier of the message's time and the clock's: a message dated in the future must
        // not sweep away what today's messages still count.
        let now = min(now, Int64(time(nil)))
        func live(_ times: some Sequence<Int64>, _ window: Int) -> Bool { times.contains { $0 > now - Int64(window) } }
        events = events.filter { live($0.value, windows.events) }
        members = members.filter { live($0.value.lazy.map(\.time), windows.members) }
        fingerprints = fingerprints.filter { live($0.value.lazy.map(\.time), windows.fingerprints) }
        sweepCountdown = max(4096, events.count + members.count + fingerprints.count)
    }
}

extension Array {
    /// Drops the entries at or before `start`, then runs `body` on what is left, in place.
    fileprivate mutating func withTrimmed<Result>(after start: Int64, time: (Element) -> Int64,
                                                  _ body: (inout [Element]) -> Result) -> Result {
        removeAll { time($0) <= start }
        return body(&self)
    }
}
