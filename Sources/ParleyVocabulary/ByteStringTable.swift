/// A sorted, immutable table of byte strings with an integer value each, searched by binary
/// search straight on a buffer: a lookup never allocates. Used for stop words and month names.
struct ByteStringTable: Sendable {
    private let storage: [UInt8]
    /// Start of each string in `storage`, plus the end of the last.
    private let starts: [Int32]
    private let values: [Int32]

    init(_ pairs: [(key: [UInt8], value: Int)]) {
        var unique: [(key: [UInt8], value: Int)] = []
        for pair in pairs.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) where unique.last?.key != pair.key {
            unique.append(pair)
        }
        var storage: [UInt8] = []
        var starts: [Int32] = []
        for pair in unique {
            starts.append(Int32(storage.count))
            storage.append(contentsOf: pair.key)
        }
        starts.append(Int32(storage.count))
        self.storage = storage
        self.starts = starts
        self.values = unique.map { Int32($0.value) }
    }

    var count: Int { values.count }

    /// The value of a key, if present. O(log n · key length), no allocation.
    func value(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        storage.withUnsafeBufferPointer { storage in
            var low = 0
            var high = values.count - 1
            while low <= high {
                let middle = (low + high) / 2
                let order = Self.compare(key, UnsafeBufferPointer(rebasing: storage[Int(starts[middle])..<Int(starts[middle + 1])]))
                if order == 0 { return Int(values[middle]) }
                if order < 0 { high = middle - 1 } else { low = middle + 1 }
            }
            return nil
        }
    }

    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool { value(of: key) != nil }

    private static func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        let length = min(lhs.count, rhs.count)
        var index = 0
        while index < length {
            if lhs[index] != rhs[index] { return lhs[index] < rhs[index] ? -1 : 1 }
            index += 1
        }
        return lhs.count == rhs.count ? 0 : (lhs.count < rhs.count ? -1 : 1)
    }
}
