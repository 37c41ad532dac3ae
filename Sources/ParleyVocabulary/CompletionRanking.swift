/// One suggestion being ranked (plain values: it lives in a stack buffer during a completion).
struct CompletionCandidate {
    var pair: Int32
    var entry: Int32
    var distance: Int8
    var recentlyUsed: Bool
    var score: Double
}

/// The best `capacity` candidates seen so far, one per entry, kept sorted in a caller-owned buffer:
/// fewer edits first, then higher score, then the shorter canonical form, then load order.
struct CompletionRanking {
    let candidates: UnsafeMutableBufferPointer<CompletionCandidate>
    let recent: RecentUsage
    /// Length of the folded prefix.
    let prefixLength: Int
    private(set) var count = 0
    // The vocabulary's frozen tables, read directly (no retain per offer).
    private let pairEntry: UnsafeBufferPointer<Int32>
    private let weights: UnsafeBufferPointer<Int32>
    private let canonicalLengths: UnsafeBufferPointer<Int32>
    private let hasRecent: Bool

    init(candidates: UnsafeMutableBufferPointer<CompletionCandidate>, vocabulary: Vocabulary, recent: RecentUsage, prefixLength: Int) {
        self.candidates = candidates
        self.recent = recent
        self.prefixLength = prefixLength
        self.pairEntry = vocabulary.trie.pairEntry.buffer
        self.weights = vocabulary.entryWeight.buffer
        self.canonicalLengths = vocabulary.entryCanonicalLength.buffer
        self.hasRecent = !recent.items.isEmpty
    }

    /// Whether every place is taken by an exact (distance 0) match: nothing with a typo can enter.
    var isFullOfExactMatches: Bool { count == candidates.count && candidates[count - 1].distance == 0 }

    /// Considers a (key, entry) pair matched at `distance`; `whole` when its key is the whole prefix.
    /// - Returns: whether the candidate was kept (or improved its entry's place).
    /// - Complexity: O(capacity), no allocation.
    @discardableResult
    mutating func offer(pair: Int32, distance: Int, whole: Bool) -> Bool {
        let entry = pairEntry[Int(pair)]
        let boost = hasRecent ? recent.boost(of: entry) : 0
        let score = Double(weights[Int(entry)]) + boost + (whole ? Vocabulary.wholeFormBonus : 0)
        let candidate = CompletionCandidate(pair: pair, entry: entry, distance: Int8(distance), recentlyUsed: boost > 0, score: score)
        // Not better than the last of a full list: better than none of them, even its own entry.
        if count == candidates.count && !precedes(candidate, candidates[count - 1]) { return false }
        var slot = -1
        for index in 0..<count where candidates[index].entry == entry {
            guard precedes(candidate, candidates[index]) else { return false }
            slot = index
            break
        }
        if slot < 0 {
            if count < candidates.count {
                slot = count
                count += 1
            } else {
                guard precedes(candidate, candidates[count - 1]) else { return false }
                slot = count - 1
            }
        }
        candidates[slot] = candidate
        while slot > 0 && precedes(candidates[slot], candidates[slot - 1]) {
            candidates.swapAt(slot, slot - 1)
            slot -= 1
        }
        return true
    }

    private func precedes(_ lhs: CompletionCandidate, _ rhs: CompletionCandidate) -> Bool {
        if lhs.distance != rhs.distance { return lhs.distance < rhs.distance }
        if lhs.score != rhs.score { return lhs.score > rhs.score }
        let leftLength = canonicalLengths[Int(lhs.entry)]
        let rightLength = canonicalLengths[Int(rhs.entry)]
        if leftLength != rightLength { return leftLength < rightLength }
        if lhs.entry != rhs.entry { return lhs.entry < rhs.entry }
        return lhs.pair < rhs.pair
    }
}
