/// A byte trie over folded keys ("fiche technique": units joined by one space), frozen into flat
/// arrays: each state's edges are a sorted slice searched by binary search. Lookups allocate nothing.
struct TermTrie: Sendable, Hashable {
    /// For state s, its edges are `edgeStart[s]..<edgeStart[s + 1]`.
    private var edgeStart: [Int32] = [0, 0]
    private var edgeByte: [UInt8] = []
    private var edgeTarget: [Int32] = []
    /// Per state, the value of the key ending there, or -1.
    private var values: [Int32] = [-1]

    static let root: Int32 = 0

    /// Builds the trie from keys (UTF-8 bytes) and their values (non-negative).
    init(keys: [(key: [UInt8], value: Int32)]) {
        // A mutable trie of dictionaries first, then frozen breadth first.
        var children: [[UInt8: Int32]] = [[:]]
        var builderValues: [Int32] = [-1]
        for (key, value) in keys {
            var state: Int32 = 0
            for byte in key {
                if let next = children[Int(state)][byte] {
                    state = next
                } else {
                    let next = Int32(children.count)
                    children.append([:])
                    builderValues.append(-1)
                    children[Int(state)][byte] = next
                    state = next
                }
            }
            builderValues[Int(state)] = value
        }
        var order: [Int32] = [0]
        var newIndex = [Int32](repeating: -1, count: children.count)
        newIndex[0] = 0
        var cursor = 0
        while cursor < order.count {
            let state = order[cursor]
            cursor += 1
            for (_, child) in children[Int(state)].sorted(by: { $0.key < $1.key }) {
                newIndex[Int(child)] = Int32(order.count)
                order.append(child)
            }
        }
        edgeStart = [0]
        edgeStart.reserveCapacity(order.count + 1)
        values = []
        values.reserveCapacity(order.count)
        for state in order {
            for (byte, child) in children[Int(state)].sorted(by: { $0.key < $1.key }) {
                edgeByte.append(byte)
                edgeTarget.append(newIndex[Int(child)])
            }
            edgeStart.append(Int32(edgeByte.count))
            values.append(builderValues[Int(state)])
        }
    }

    init() {}

    var stateCount: Int { values.count }

    /// The state after one byte, or nil.
    /// - Complexity: O(log fan-out), no allocation.
    @inline(__always)
    func step(_ state: Int32, _ byte: UInt8) -> Int32? {
        var low = Int(edgeStart[Int(state)])
        var high = Int(edgeStart[Int(state) + 1])
        while low < high {
            let mid = (low + high) / 2
            let candidate = edgeByte[mid]
            if candidate == byte { return edgeTarget[mid] }
            if candidate < byte { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// The state after a run of bytes, or nil.
    func step(_ state: Int32, _ bytes: ArraySlice<UInt8>) -> Int32? {
        var current = state
        for byte in bytes {
            guard let next = step(current, byte) else { return nil }
            current = next
        }
        return current
    }

    /// The value of the key ending at `state`, or nil.
    func value(at state: Int32) -> Int32? {
        let value = values[Int(state)]
        return value >= 0 ? value : nil
    }
}
