import ParleyText

/// Every literal lexicon entry compiled once into a trie over folded units.
///
/// Words are interned: each distinct exact word, `prefix*` and `*suffix` gets an id, found for a
/// unit by hashing its folded bytes once (prefixes and suffixes hash incrementally, and only at the
/// lengths some entry uses). Phrases are paths of word ids in a trie whose edges live in one hash
/// table. Matching tries every unit as a start and follows the trie while units match, so a message
/// of n units costs O(n × longest phrase) lookups and no allocation beyond the reused scratch.
/// Word identity is a 64-bit hash (no byte comparison); with 10⁵ words a false match has a
/// probability below 10⁻⁹.
public struct PhraseAutomaton: Sendable {
    /// A match: which entry, over which units (indices into ``ParleyText/FoldedText/units``).
    public struct Match: Hashable, Sendable {
        public var entry: Int32
        public var units: Range<Int32>
    }

    /// Reusable per-task buffers for ``matches(in:scratch:into:)``.
    public struct Scratch: Sendable {
        var candidateStarts: [Int32] = []
        var candidates: [Int32] = []
        var states: [Int32] = []
        var next: [Int32] = []
        public init() {}
    }

    private let words: HashIndex
    private let edges: HashIndex
    /// For each trie node, the range of its entries in `outputs`.
    private let outputStarts: [Int32]
    private let outputs: [Int32]
    /// Bit n set: some prefix (suffix) word has n bytes (n < 64; longer ones share bit 63).
    private let prefixLengths: UInt64
    private let suffixLengths: UInt64
    /// Bit set of the first two bytes of prefix words (and last two bytes of suffix words): units
    /// that start (end) otherwise skip the prefix (suffix) lookups.
    private let prefixHeads: [UInt64]
    private let suffixTails: [UInt64]
    public let entryCount: Int

    /// Compiles the phrase entries; `entries[i]` is reported as entry `indices[i]`.
    /// - Complexity: O(total bytes of the entries), about a microsecond per entry.
    public init(phrases: [(words: [PhraseWord], entry: Int32)]) {
        var wordIds: [UInt64: Int32] = [:]
        var edgeMap: [UInt64: Int32] = [:]
        var nodeOutputs: [[Int32]] = [[]]
        var prefixLengths: UInt64 = 0
        var suffixLengths: UInt64 = 0
        var prefixHeads = [UInt64](repeating: 0, count: 1024)
        var suffixTails = [UInt64](repeating: 0, count: 1024)
        func mark(_ table: inout [UInt64], _ first: UInt8, _ second: UInt8) {
            let bit = Int(first) << 8 | Int(second)
            table[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        wordIds.reserveCapacity(phrases.count)
        edgeMap.reserveCapacity(phrases.count * 2)
        for phrase in phrases {
            var node: Int32 = 0
            for word in phrase.words {
                let key: UInt64
                if word.isPrefix {
                    key = WordHash.prefix(word.bytes)
                    prefixLengths |= 1 << UInt64(min(word.bytes.count, 63))
                    mark(&prefixHeads, word.bytes[0], word.bytes.count > 1 ? word.bytes[1] : 0)
                } else if word.isSuffix {
                    key = WordHash.suffix(word.bytes)
                    suffixLengths |= 1 << UInt64(min(word.bytes.count, 63))
                    mark(&suffixTails, word.bytes[word.bytes.count - 1], word.bytes.count > 1 ? word.bytes[word.bytes.count - 2] : 0)
                } else {
                    key = WordHash.exact(word.bytes)
                }
                let id: Int32
                if let existing = wordIds[key] {
                    id = existing
                } else {
                    id = Int32(wordIds.count)
                    wordIds[key] = id
                }
                let edge = Self.edgeKey(node: node, word: id)
                if let child = edgeMap[edge] {
                    node = child
                } else {
                    let child = Int32(nodeOutputs.count)
                    nodeOutputs.append([])
                    edgeMap[edge] = child
                    node = child
                }
            }
            nodeOutputs[Int(node)].append(phrase.entry)
        }
        var starts: [Int32] = []
        starts.reserveCapacity(nodeOutputs.count + 1)
        var flat: [Int32] = []
        flat.reserveCapacity(phrases.count)
        for list in nodeOutputs {
            starts.append(Int32(flat.count))
            flat.append(contentsOf: list)
        }
        starts.append(Int32(flat.count))
        self.words = HashIndex(wordIds)
        self.edges = HashIndex(edgeMap)
        self.outputStarts = starts
        self.outputs = flat
        self.prefixLengths = prefixLengths
        self.suffixLengths = suffixLengths
        self.prefixHeads = prefixHeads
        self.suffixTails = suffixTails
        self.entryCount = phrases.count
    }

    @inline(__always)
    static func edgeKey(node: Int32, word: Int32) -> UInt64 {
        ((UInt64(UInt32(bitPattern: node)) << 32) | UInt64(UInt32(bitPattern: word))) &+ 1
    }

    @inline(__always)
    static func isMarked(_ table: UnsafeBufferPointer<UInt64>, _ first: UInt8, _ second: UInt8) -> Bool {
        let bit = Int(first) << 8 | Int(second)
        return table[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Appends every phrase match in the folded text to `matches`.
    /// - Complexity: O(units × (unit length + longest phrase)); no allocation once the scratch has grown.
    public func matches(in folded: FoldedText, scratch: inout Scratch, into matches: inout [Match]) {
        let unitCount = folded.units.count
        guard unitCount > 0, entryCount > 0 else { return }
        scratch.candidateStarts.removeAll(keepingCapacity: true)
        scratch.candidates.removeAll(keepingCapacity: true)
        folded.bytes.withUnsafeBufferPointer { bytes in
        prefixHeads.withUnsafeBufferPointer { heads in
        suffixTails.withUnsafeBufferPointer { tails in
            for unit in folded.units {
                scratch.candidateStarts.append(Int32(scratch.candidates.count))
                let range = unit.folded
                guard !range.isEmpty else { continue }
                let first = bytes[range.lowerBound]
                let second = range.count > 1 ? bytes[range.lowerBound + 1] : 0
                // A one-letter prefix word is marked with a zero second byte.
                let tryPrefixes = prefixLengths != 0 && (Self.isMarked(heads, first, second) || Self.isMarked(heads, first, 0))
                var hash = WordHash.offset
                var length = 0
                for index in range {
                    hash = WordHash.add(hash, bytes[index])
                    length += 1
                    if tryPrefixes, prefixLengths & (1 << UInt64(min(length, 63))) != 0 {
                        let id = words.value(for: WordHash.key(hash, kind: 1))
                        if id >= 0 { scratch.candidates.append(id) }
                    }
                }
                let exact = words.value(for: WordHash.key(hash, kind: 0))
                if exact >= 0 { scratch.candidates.append(exact) }
                let last = bytes[range.upperBound - 1]
                let beforeLast = range.count > 1 ? bytes[range.upperBound - 2] : 0
                if suffixLengths != 0, Self.isMarked(tails, last, beforeLast) || Self.isMarked(tails, last, 0) {
                    hash = WordHash.offset
                    length = 0
                    var index = range.upperBound
                    while index > range.lowerBound {
                        index -= 1
                        hash = WordHash.add(hash, bytes[index])
                        length += 1
                        if suffixLengths & (1 << UInt64(min(length, 63))) != 0 {
                            let id = words.value(for: WordHash.key(hash, kind: 2))
                            if id >= 0 { scratch.candidates.append(id) }
                        }
                    }
                }
            }
        }
        }
        }
        scratch.candidateStarts.append(Int32(scratch.candidates.count))
        let starts = scratch.candidateStarts
        let candidates = scratch.candidates
        starts.withUnsafeBufferPointer { starts in
            candidates.withUnsafeBufferPointer { candidates in
                for start in 0..<unitCount where starts[start] != starts[start + 1] {
                    scratch.states.removeAll(keepingCapacity: true)
                    scratch.states.append(0)
                    var position = start
                    while position < unitCount, !scratch.states.isEmpty {
                        let first = Int(starts[position])
                        let last = Int(starts[position + 1])
                        if first == last { break }
                        scratch.next.removeAll(keepingCapacity: true)
                        for state in scratch.states {
                            for candidate in first..<last {
                                let child = edges.value(for: Self.edgeKey(node: state, word: candidates[candidate]))
                                guard child >= 0 else { continue }
                                scratch.next.append(child)
                                let outputStart = Int(outputStarts[Int(child)])
                                let outputEnd = Int(outputStarts[Int(child) + 1])
                                for output in outputStart..<outputEnd {
                                    matches.append(Match(entry: outputs[output], units: Int32(start)..<Int32(position + 1)))
                                }
                            }
                        }
                        swap(&scratch.states, &scratch.next)
                        position += 1
                    }
                }
            }
        }
    }
}
