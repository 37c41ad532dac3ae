import CICUBridge

/// An ICU break iterator reused across messages, with its output buffers.
///
/// Not thread-safe: each ``Segmenter`` owns its own.
final class ICUBreaker {
    private let breaker: OpaquePointer
    /// Segment ends (UTF-8 offsets) of the last ``segment(_:)`` call.
    private(set) var ends: [Int32] = []
    /// ICU rule statuses of the last ``segment(_:)`` call (UBRK_WORD_* values).
    private(set) var statuses: [Int32] = []
    private(set) var count = 0

    init(kind: ParleyBreakKind) throws(TextError) {
        var error: Int32 = 0
        guard let breaker = parley_breaker_open(kind, &error), error <= 0 else {
            throw TextError.icu(operation: "ubrk_open", code: error)
        }
        self.breaker = breaker
        ends = [Int32](repeating: 0, count: 256)
        statuses = [Int32](repeating: 0, count: 256)
    }

    deinit { parley_breaker_close(breaker) }

    /// Segments the text; results are in ``ends``/``statuses`` (first ``count`` entries).
    /// Allocates only when a message has more segments than any before it.
    func segment(_ text: UnsafeBufferPointer<UInt8>) throws(TextError) {
        var error: Int32 = 0
        while true {
            let capacity = Int32(ends.count)
            let n = ends.withUnsafeMutableBufferPointer { endsBuffer in
                statuses.withUnsafeMutableBufferPointer { statusBuffer in
                    parley_breaker_segment(breaker, text.baseAddress, Int32(text.count), endsBuffer.baseAddress,
                        statusBuffer.baseAddress, capacity, &error)
                }
            }
            if error > 0 { throw TextError.icu(operation: "ubrk_next", code: error) }
            if n <= capacity {
                count = Int(n)
                return
            }
            ends = [Int32](repeating: 0, count: Int(n) + 64)
            statuses = [Int32](repeating: 0, count: Int(n) + 64)
        }
    }

    /// Counts segments (grapheme clusters for a character breaker).
    func count(_ text: UnsafeBufferPointer<UInt8>) throws(TextError) -> Int {
        var error: Int32 = 0
        let n = parley_breaker_count(breaker, text.baseAddress, Int32(text.count), &error)
        if error > 0 { throw TextError.icu(operation: "ubrk_next", code: error) }
        return Int(n)
    }
}
