/// A token-level edit alignment of a stored segment with a message (Levenshtein over symbols):
/// equal words cost nothing, a wildcard (number, amount, name, link, contact) meeting a value of its
/// class costs nothing but is recorded as a substitution, anything else costs one edit.
struct FuzzyAlignment {
    private(set) var edits = 0
    /// Slots of the stored translation to fill, with the message symbol that fills each.
    private(set) var substitutions: [(slot: Int, symbol: MemorySymbol)] = []

    /// The cost of pairing a stored element with a message symbol: nil when they differ, else
    /// whether the pairing substitutes a value.
    static func pairing(_ element: MemorySegment.Element, _ symbol: MemorySymbol) -> Bool? {
        let stored = element.symbol
        if stored.text == symbol.text && (stored.kind == symbol.kind || (stored.kind == .name && symbol.kind == .word)) {
            return false
        }
        guard element.slot != nil else { return nil }
        if stored.kind == .name { return symbol.kind == .word && symbol.nameCandidate ? true : nil }
        return stored.kind == symbol.kind ? true : nil
    }

    init(segment: [MemorySegment.Element], message: [MemorySymbol]) {
        let rows = segment.count + 1
        let columns = message.count + 1
        // Cost = edits * 1024 + substitutions, so fewer edits win first, then fewer substitutions.
        var cost = [Int](repeating: 0, count: rows * columns)
        for i in 0..<rows { cost[i * columns] = i * 1024 }
        for j in 0..<columns { cost[j] = j * 1024 }
        for i in 1..<rows {
            for j in 1..<columns {
                var value = min(cost[(i - 1) * columns + j], cost[i * columns + j - 1]) + 1024
                let diagonal = cost[(i - 1) * columns + j - 1]
                switch Self.pairing(segment[i - 1], message[j - 1]) {
                case .some(false): value = min(value, diagonal)
                case .some(true): value = min(value, diagonal + 1)
                case .none: value = min(value, diagonal + 1024)
                }
                cost[i * columns + j] = value
            }
        }
        edits = cost[rows * columns - 1] / 1024
        var i = rows - 1
        var j = columns - 1
        while i > 0 && j > 0 {
            let here = cost[i * columns + j]
            let diagonal = cost[(i - 1) * columns + j - 1]
            let pairing = Self.pairing(segment[i - 1], message[j - 1])
            if pairing == false && here == diagonal {
                i -= 1
                j -= 1
            } else if pairing == true && here == diagonal + 1 {
                if let slot = segment[i - 1].slot { substitutions.append((slot, message[j - 1])) }
                i -= 1
                j -= 1
            } else if here == diagonal + 1024 {
                i -= 1
                j -= 1
            } else if here == cost[(i - 1) * columns + j] + 1024 {
                i -= 1
            } else {
                j -= 1
            }
        }
    }
}
