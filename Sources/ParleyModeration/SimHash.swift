import ParleyText

/// A 64-bit SimHash of a message's folded units, over shingles of consecutive units: two messages
/// that differ by a few words are a few bits apart, so bulk sends of the same promotion with a
/// changed name or link still match.
public enum SimHash {
    /// The fingerprint of a folded text with shingles of `shingle` units, or nil when it has fewer
    /// than `minimumUnits` units (too short to tell a template from a coincidence).
    /// - Complexity: O(units × shingle); no allocation.
    public static func fingerprint(of folded: FoldedText, shingle: Int, minimumUnits: Int) -> UInt64? {
        let count = folded.units.count
        guard count >= max(minimumUnits, 1) else { return nil }
        let width = max(1, min(shingle, count))
        let shingles = count - width + 1
        // Each bit of the result is the majority vote of that bit over the shingles' hashes: set
        // where more than half the shingles have it. Counting the ones without a branch lets the
        // compiler vectorize the 64 counters.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 64) { ones in
            ones.initialize(repeating: 0)
            folded.bytes.withUnsafeBufferPointer { bytes in
                for start in 0..<shingles {
                    var hash = WordHash.offset
                    for unit in folded.units[start..<(start + width)] {
                        for index in unit.folded { hash = WordHash.add(hash, bytes[index]) }
                        hash = WordHash.add(hash, 0x20)
                    }
                    let key = WordHash.key(hash, kind: 3)
                    for bit in 0..<64 { ones[bit] &+= Int32(truncatingIfNeeded: (key &>> UInt64(bit)) & 1) }
                }
            }
            var result: UInt64 = 0
            for bit in 0..<64 where 2 * Int(ones[bit]) > shingles { result |= 1 << UInt64(bit) }
            return result
        }
    }
}
