/// What ``RedisModerationState`` answers when Redis cannot (unreachable, timed out, bad reply).
public enum RedisFailureMode: String, Hashable, Sendable, CaseIterable {
    /// Let the message through: limits are not enforced while Redis is down (counts read 0,
    /// fingerprints see only the current message). Chat keeps working; spam gets a window.
    case failOpen = "fail-open"
    /// Refuse: every limit reads as exceeded (count `limit + 1`) and every fingerprint as sent to
    /// `Int.max` recipients, so the policy blocks or holds the message. Safe, but chat stops.
    case failClosed = "fail-closed"
}
