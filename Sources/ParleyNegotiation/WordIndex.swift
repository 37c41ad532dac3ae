/// Folded words of the negotiation lexicons, each with a dense id; a message's unit is looked up
/// straight from its UTF-8 bytes, without making a `String` or hashing with SipHash.
///
/// Open addressing over a power-of-two slot array kept at most half full; keys are 64-bit FNV-1a
/// hashes checked against the stored bytes.
struct WordIndex: Sendable {
    static let missing: Int32 = -1

    private var bytes: [UInt8] = []
    /// Where each id's bytes start in ``bytes``; one extra entry closes the last word.
    private var offsets: [Int] = [0]
    private var slots = [Int32](repeating: -1, count: 256)
    private var slotHashes = [UInt64](repeating: 0, count: 256)

    var count: Int { offsets.count - 1 }

    private static func hash<Bytes: Sequence<UInt8>>(_ word: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// The id of a word, or ``missing``.
    /// - Complexity: O(length) expected; no allocation.
    func id(of word: ArraySlice<UInt8>) -> Int32 {
        let hash = Self.hash(word)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if slotHashes[slot] == hash && bytes[offsets[id]..<offsets[id + 1]].elementsEqual(word) { return Int32(id) }
            slot = (slot + 1) & (slots.count - 1)
        }
        return Self.missing
    }

    /// The id of a word, added when new (ids are dense, in order of first insertion).
    mutating func insert(_ word: String) -> Int32 {
        let utf8 = Array(word.utf8)
        let found = id(of: utf8[...])
        if found != Self.missing { return found }
        let id = Int32(count)
        bytes.append(contentsOf: utf8)
        offsets.append(bytes.count)
        if count * 2 > slots.count {
            let size = slots.count * 2
            slots = [Int32](repeating: -1, count: size)
            slotHashes = [UInt64](repeating: 0, count: size)
            for existing in 0..<count { place(Int32(existing), hash: Self.hash(bytes[offsets[existing]..<offsets[existing + 1]])) }
        } else {
            place(id, hash: Self.hash(utf8))
        }
        return id
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = id
        slotHashes[slot] = hash
    }
}
