/// The folded view of a message: what lexicons match against.
///
/// Units are stored back to back in ``bytes``, separated by one ASCII space, so a phrase or a regular
/// expression can run over the whole folded text and every match maps back to units (and from
/// them to spans of the original) with ``unitIndex(atFoldedOffset:)``.
public struct FoldedText: Hashable, Sendable {
    /// Folded units' UTF-8 text, space-separated.
    public var bytes: [UInt8]
    public var units: [FoldedUnit]

    public init(bytes: [UInt8] = [], units: [FoldedUnit] = []) {
        self.bytes = bytes
        self.units = units
    }

    /// The whole folded text.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The folded text of one unit.
    /// - Complexity: O(length of the unit); allocates the returned string.
    public func text(of unit: FoldedUnit) -> String {
        String(decoding: bytes[unit.folded], as: UTF8.self)
    }

    /// The unit containing a byte offset of ``bytes`` (a separator belongs to the unit before it).
    /// - Complexity: O(log n), no allocation.
    public func unitIndex(atFoldedOffset offset: Int) -> Int? {
        guard !units.isEmpty, offset >= 0, offset <= bytes.count else { return nil }
        var low = 0
        var high = units.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if units[mid].folded.lowerBound <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        units.removeAll(keepingCapacity: true)
    }
}
