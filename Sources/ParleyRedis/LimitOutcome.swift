/// The outcome of an atomic check-and-count against a limit. The same type, field for field, as
/// ParleyModeration's `LimitOutcome`: ParleyRedis does not depend on the engine yet; once it does,
/// this file goes and ``RedisModerationState`` conforms to `ModerationState` as it is.
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
