/// A frozen open-addressing hash map from non-zero 64-bit keys to 32-bit values: the lookup
/// structure of ``PhraseAutomaton``. Linear probing over a power-of-two table at most half full.
struct HashIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private let mask: Int

    /// Builds the index. Keys must be distinct and non-zero.
    /// - Complexity: O(n).
    init(_ pairs: [UInt64: Int32]) {
        var capacity = 16
        while capacity < pairs.count * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (key, value) in pairs {
            var slot = Self.slot(key) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    @inline(__always)
    static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29)
    }

    /// The value for a key, or -1.
    /// - Complexity: O(1) expected, no allocation.
    @inline(__always)
    func value(for key: UInt64) -> Int32 {
        keys.withUnsafeBufferPointer { keys in
            var slot = Self.slot(key) & mask
            while true {
                let stored = keys[slot]
                if stored == key { return values.withUnsafeBufferPointer { $0[slot] } }
                if stored == 0 { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }
}

/// 64-bit FNV-1a, fed byte by byte so prefixes and suffixes hash incrementally.
struct WordHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func add(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    /// The final key of a hash for one kind of word match (exact, prefix, suffix), never zero.
    @inline(__always)
    static func key(_ hash: UInt64, kind: UInt64) -> UInt64 {
        var mixed = (hash ^ (kind &* 0xff51_afd7_ed55_8ccd)) &* 0xc4ce_b9fe_1a85_ec53
        mixed ^= mixed >> 33
        return mixed == 0 ? 1 : mixed
    }

    static func exact<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        key(bytes.reduce(offset, add), kind: 0)
    }

    static func prefix<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        key(bytes.reduce(offset, add), kind: 1)
    }

    static func suffix<C: BidirectionalCollection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        key(bytes.reversed().reduce(offset, add), kind: 2)
    }
}
