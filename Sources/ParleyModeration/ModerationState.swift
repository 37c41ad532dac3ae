/// The outcome of an atomic check-and-count against a limit.
public struct LimitOutcome: Hashable, Sendable {
    /// Whether the event fit under the limit (and was counted).
    public var allowed: Bool
    /// Events in the window after this one (or, refused, the count that made it refuse).
    public var count: Int

    public init(allowed: Bool, count: Int) {
        self.allowed = allowed
        self.count = count
    }
}

/// Where per-sender counters and message fingerprints live: in memory for one process
/// (``InMemoryModerationState``), Redis for several replicas.
///
/// Every operation is one atomic check-and-update, so a Redis implementation can do each with one
/// Lua script (`ZREMRANGEBYSCORE` + `ZCARD` + `ZADD` on a sorted set keyed by time) and two replicas
/// can never both let the 51st message through.
public protocol ModerationState: Sendable {
    /// Counts one event for `key` in a sliding window of `windowSeconds` ending at `now`, unless the
    /// window already holds `limit` events (nil: unlimited), in which case nothing is counted.
    func countEvent(key: String, now: Int64, windowSeconds: Int, limit: Int?) async throws -> LimitOutcome

    /// Adds `member` to the set of `key` for the window (a member already in it is always allowed and
    /// not counted twice), unless the set already holds `limit` members.
    func addMember(key: String, member: String, now: Int64, windowSeconds: Int, limit: Int?) async throws -> LimitOutcome

    /// Records a message fingerprint sent by `key` to `recipient` and returns how many distinct
    /// recipients received, within the window, a message whose fingerprint is at most `maxHamming`
    /// bits away (this one included).
    func recordFingerprint(key: String, fingerprint: UInt64, recipient: String, now: Int64, windowSeconds: Int,
                           maxHamming: Int) async throws -> Int
}
