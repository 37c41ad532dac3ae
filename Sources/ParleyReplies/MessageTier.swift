import ParleyModeration

/// The subscription tiers the spec limits first messages by.
public enum MessageTier: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case standard
    case superLike = "super_like"
    case bookerPro = "booker_pro"

    public static func < (lhs: MessageTier, rhs: MessageTier) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// First-message limits of one tier, in graphemes: the hook (the first line, shown as the preview)
/// and the whole message. nil is unlimited.
public struct TierLimits: Sendable, Hashable, Codable {
    public var hook: Int?
    public var full: Int?

    public init(hook: Int?, full: Int?) {
        self.hook = hook
        self.full = full
    }

    /// The tier's limits as `rules.yaml`'s `policy:` section sets them (the numbers moderation
    /// enforces), so templates and moderation never disagree. A tier the policy does not list is unlimited.
    /// - Complexity: O(1).
    public init(_ tier: MessageTier, policy: PolicySettings) {
        hook = policy.firstMessageHook[tier.rawValue] ?? nil
        full = policy.firstMessageFull[tier.rawValue] ?? nil
    }
}
