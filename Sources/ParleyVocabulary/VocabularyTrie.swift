/// A compact, immutable trie over folded keys, with each node's best entries precomputed.
///
/// Nodes are stored breadth-first in parallel arrays, so a node's children are contiguous and
/// sorted by byte. Keys are numbered in sorted order, so every node covers a contiguous range of
/// key numbers (`keyLow..<keyHigh`): "does this entry complete this prefix?" is a range check.
/// A key maps to one or more (entry, form) pairs. Nodes covering more than ``topCapacity`` pairs
/// keep their ``topCapacity`` best distinct entries by weight; smaller nodes are read directly.
struct VocabularyTrie: Sendable {
    /// Best entries kept per large node (the completion limit).
    static let topCapacity = 10

    // Nodes, frozen so that the completion's inner loops read them without bounds checks, retains
    // or copy-on-write checks.
    let labels: FrozenBuffer<UInt8>
    let firstChild: FrozenBuffer<Int32>
    let childCount: FrozenBuffer<UInt16>
    let keyLow: FrozenBuffer<Int32>
    let keyHigh: FrozenBuffer<Int32>
    /// Whether the node's path is itself a key (then it is key `keyLow`).
    let isKey: FrozenBuffer<Bool>
    /// For each node, one bit per possible child byte (see ``maskBit(_:)``): most failed lookups
    /// stop at this test without scanning the children.
    let childMask: FrozenBuffer<UInt64>
    let topStart: FrozenBuffer<Int32>
    let topCount: FrozenBuffer<UInt8>
    let tops: FrozenBuffer<Int32>
    // Keys → pairs.
    let pairStart: FrozenBuffer<Int32>
    let pairEntry: FrozenBuffer<Int32>
    let pairForm: FrozenBuffer<Int32>
    /// Length of each key in bytes.
    let keyLength: FrozenBuffer<UInt16>
    /// Length of the longest key.
    let maximumKeyLength: Int

    var nodeCount: Int { labels.count }
    var keyCount: Int { keyLength.count }

    /// Builds the trie.
    /// - Parameters:
    ///   - keys: folded keys with their (entry, form) pairs; duplicates allowed, merged here.
    ///   - rank: orders pairs best first (higher weight, canonical before variants).
    init(keys input: [(key: [UInt8], entry: Int32, form: Int32)], better: (_ a: (entry: Int32, form: Int32), _ b: (entry: Int32, form: Int32)) -> Bool) {
        let sorted = input.filter { !$0.key.isEmpty }.sorted { lhs, rhs in
            if lhs.key != rhs.key { return lhs.key.lexicographicallyPrecedes(rhs.key) }
            if lhs.entry != rhs.entry { return lhs.entry < rhs.entry }
            return lhs.form < rhs.form
        }
        var keys: [[UInt8]] = []
        var pairStart: [Int32] = []
        var pairEntry: [Int32] = []
        var pairForm: [Int32] = []
        for item in sorted {
            if keys.last != item.key {
                keys.append(item.key)
                pairStart.append(Int32(pairEntry.count))
            } else if let last = pairEntry.last, last == item.entry {
                continue  // the same entry through another form with the same key: keep the first form
            }
            pairEntry.append(item.entry)
            pairForm.append(item.form)
        }
        pairStart.append(Int32(pairEntry.count))

        var labels: [UInt8] = [0]
        var firstChild: [Int32] = [0]
        var childCount: [UInt16] = [0]
        var keyLow: [Int32] = [0]
        var keyHigh: [Int32] = [Int32(keys.count)]
        var isKey: [Bool] = [false]
        var depth: [Int] = [0]
        var node = 0
        while node < labels.count {
            let low = Int(keyLow[node])
            let high = Int(keyHigh[node])
            let level = depth[node]
            var index = low
            if index < high && keys[index].count == level {
                isKey[node] = true
                index += 1
            }
            firstChild[node] = Int32(labels.count)
            var children = 0
            while index < high {
                let byte = keys[index][level]
                var end = index + 1
                while end < high && keys[end][level] == byte { end += 1 }
                labels.append(byte)
                firstChild.append(0)
                childCount.append(0)
                keyLow.append(Int32(index))
                keyHigh.append(Int32(end))
                isKey.append(false)
                depth.append(level + 1)
                children += 1
                index = end
            }
            childCount[node] = UInt16(children)
            node += 1
        }

        var childMask = [UInt64](repeating: 0, count: labels.count)
        for parent in 0..<labels.count {
            let first = Int(firstChild[parent])
            for child in first..<first + Int(childCount[parent]) { childMask[parent] |= Self.maskBit(labels[child]) }
        }
        var topStart = [Int32](repeating: 0, count: labels.count)
        var topCount = [UInt8](repeating: 0, count: labels.count)
        var tops: [Int32] = []
        for node in 0..<labels.count {
            let pairLow = Int(pairStart[Int(keyLow[node])])
            let pairHigh = Int(pairStart[Int(keyHigh[node])])
            guard pairHigh - pairLow > Self.topCapacity else { continue }
            let ranked = (pairLow..<pairHigh).sorted { better((pairEntry[$0], pairForm[$0]), (pairEntry[$1], pairForm[$1])) }
            var chosen: [Int32] = []
            var entries = Set<Int32>()
            for pair in ranked where entries.insert(pairEntry[pair]).inserted {
                chosen.append(Int32(pair))
                if chosen.count == Self.topCapacity { break }
            }
            topStart[node] = Int32(tops.count)
            topCount[node] = UInt8(chosen.count)
            tops.append(contentsOf: chosen)
        }

        self.labels = FrozenBuffer(labels)
        self.firstChild = FrozenBuffer(firstChild)
        self.childCount = FrozenBuffer(childCount)
        self.keyLow = FrozenBuffer(keyLow)
        self.keyHigh = FrozenBuffer(keyHigh)
        self.isKey = FrozenBuffer(isKey)
        self.childMask = FrozenBuffer(childMask)
        self.topStart = FrozenBuffer(topStart)
        self.topCount = FrozenBuffer(topCount)
        self.tops = FrozenBuffer(tops)
        self.pairStart = FrozenBuffer(pairStart)
        self.pairEntry = FrozenBuffer(pairEntry)
        self.pairForm = FrozenBuffer(pairForm)
        self.keyLength = FrozenBuffer(keys.map { UInt16(min($0.count, Int(UInt16.max))) })
        self.maximumKeyLength = keys.map(\.count).max() ?? 0
    }

    /// The child of `node` along `byte`, if any: a linear scan over few children, a binary search
    /// over many. No allocation.
    @inline(__always)
    func child(of node: Int, _ byte: UInt8) -> Int? {
        guard childMask[node] & Self.maskBit(byte) != 0 else { return nil }
        var low = Int(firstChild[node])
        var high = low + Int(childCount[node])
        if high - low > 8 {
            while low < high {
                let middle = (low + high) >> 1
                let label = labels[middle]
                if label == byte { return middle }
                if label < byte { low = middle + 1 } else { high = middle }
            }
            return nil
        }
        while low < high {
            let label = labels[low]
            if label == byte { return low }
            if label > byte { return nil }
            low += 1
        }
        return nil
    }

    /// The bit of a child byte in ``childMask``: one per letter and digit, the other bytes
    /// (punctuation kept by folding, UTF-8 of other scripts) share bit 63.
    @inline(__always)
    static func maskBit(_ byte: UInt8) -> UInt64 {
        switch byte {
        case 0x61...0x7A: 1 << UInt64(byte - 0x61)
        case 0x30...0x39: 1 << UInt64(26 + byte - 0x30)
        default: 1 << 63
        }
    }

    /// The node reached by following `bytes` from the root.
    func walk(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var node = 0
        for byte in bytes {
            guard let next = child(of: node, byte) else { return nil }
            node = next
        }
        return node
    }

    /// The key number of an exact key, if present.
    func keyIndex(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let node = walk(bytes), isKey[node] else { return nil }
        return Int(keyLow[node])
    }
}
