/// An interning table of folded words: each distinct byte string gets a dense id, and looking a
/// word up needs no allocation (open addressing over a byte pool, FNV-1a hashing).
///
/// Every lexicon of ``ToneResources`` shares one table, so a message's units are looked up once and
/// all phrase tables then compare small integers.
struct WordTable: Sendable {
    /// Returned by ``lookup(_:)`` for a word no lexicon knows.
    static let unknown: Int32 = -1

    private var pool: [UInt8] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt64] = []
    /// Slots hold an id, or -1 when empty; the count is a power of two kept at most half full.
    private var slots: [Int32] = Array(repeating: -1, count: 64)

    var count: Int { starts.count }

    /// The id of a word, adding it when new.
    mutating func intern<Bytes: Collection>(_ word: Bytes) -> Int32 where Bytes.Element == UInt8 {
        let bytes = Array(word)
        let found = bytes.withUnsafeBufferPointer { lookup($0) }
        if found != Self.unknown { return found }
        let id = Int32(starts.count)
        starts.append(Int32(pool.count))
        lengths.append(Int32(bytes.count))
        let hash = bytes.withUnsafeBufferPointer { Self.hash($0) }
        hashes.append(hash)
        pool.append(contentsOf: bytes)
        if starts.count * 2 > slots.count { rehash(to: slots.count * 2) } else { place(id, hash: hash) }
        return id
    }

    /// The id of a word, or ``unknown``.
    /// - Complexity: O(length of the word) expected; no allocation.
    func lookup(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(word)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[index]
            if id < 0 { return Self.unknown }
            if hashes[Int(id)] == hash && equals(Int(id), word) { return id }
            index = (index + 1) & mask
        }
    }

    /// The word of an id (allocates; for reports and diagnostics).
    func word(_ id: Int32) -> String {
        let start = Int(starts[Int(id)])
        return String(decoding: pool[start..<start + Int(lengths[Int(id)])], as: UTF8.self)
    }

    private func equals(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = Int(lengths[id])
        guard length == word.count else { return false }
        let start = Int(starts[id])
        for offset in 0..<length where pool[start + offset] != word[offset] { return false }
        return true
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] >= 0 { index = (index + 1) & mask }
        slots[index] = id
    }

    private mutating func rehash(to size: Int) {
        slots = Array(repeating: -1, count: size)
        for id in 0..<starts.count { place(Int32(id), hash: hashes[id]) }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
