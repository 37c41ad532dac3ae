/// What a user completed or typed recently, resolved against one ``Vocabulary``, so completion can
/// rank their own terms first. Built by ``Vocabulary/recentUsage(_:)``; cheap to keep per user.
public struct RecentUsage: Sendable {
    /// Boost a use at the head of the list gives, in weight points.
    public static let boostPerUse: Double = 40
    /// Each older use counts this much less than the one after it.
    public static let decayPerUse: Double = 0.9
    /// Highest boost one entry can get, in weight points (weights go up to 100).
    public static let maximumBoost: Double = 100
    /// Terms read from the head of the list.
    public static let maximumTerms = 50

    struct Item: Sendable {
        var entry: Int32
        var boost: Double
        /// The entry's keys and, for each, the pair that leads to it.
        var keys: [(key: Int32, pair: Int32)]
    }

    let items: [Item]
    /// The vocabulary this was resolved against; another vocabulary ignores it.
    let vocabulary: ObjectIdentifier?

    init(items: [Item], vocabulary: ObjectIdentifier?) {
        self.items = items
        self.vocabulary = vocabulary
    }

    /// No recent usage.
    public static let none = RecentUsage(items: [], vocabulary: nil)

    /// Number of vocabulary entries the recent terms resolved to.
    public var count: Int { items.count }

    /// The boost of an entry (0 when not recently used). O(number of recent entries).
    @inline(__always)
    func boost(of entry: Int32) -> Double {
        for item in items where item.entry == entry { return item.boost }
        return 0
    }
}
