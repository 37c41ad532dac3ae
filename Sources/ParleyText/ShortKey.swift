/// Up to 16 bytes packed into two integers: a dictionary key for short table entries (top-level
/// domains, currency words, number words) that can be built from a slice of a message without
/// allocating.
struct ShortKey: Hashable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    static let capacity = 16

    /// Packs bytes, lower-casing ASCII letters; nil when longer than 16 bytes.
    @inline(__always)
    init?<Bytes: Sequence<UInt8>>(lowercasing bytes: Bytes) {
        var count = 0
        for b in bytes {
            guard count < Self.capacity else { return nil }
            let folded = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            if count < 8 {
                low |= UInt64(folded) << (8 * UInt64(count))
            } else {
                high |= UInt64(folded) << (8 * UInt64(count - 8))
            }
            count += 1
        }
        guard count > 0 else { return nil }
    }

    /// A key from bytes already packed (little-endian, lower case).
    init(packedLow low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    init?(_ string: String) {
        self.init(lowercasing: string.utf8)
    }
}
