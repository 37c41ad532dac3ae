/// What the chat server should do with a message, from least to most severe.
public enum ModerationAction: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Deliver.
    case allow
    /// Deliver, and queue for a moderator.
    case review
    /// Hold back until a moderator decides.
    case hold
    /// Refuse.
    case block

    var rank: Int {
        switch self {
        case .allow: 0
        case .review: 1
        case .hold: 2
        case .block: 3
        }
    }

    public static func < (lhs: ModerationAction, rhs: ModerationAction) -> Bool { lhs.rank < rhs.rank }
}
