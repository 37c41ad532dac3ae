/// The outcome of an atomic check-and-count against a limit. Mirrors ParleyModeration's type of
/// the same name field for field (ParleyRedis does not depend on the engine yet); the conformance
/// file converts between them.
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
