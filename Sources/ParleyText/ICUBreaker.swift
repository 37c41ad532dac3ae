import CICUBridge

/// An ICU break iterator reused across messages, with its output buffers.
///
/// Not thread-safe: each ``Segmenter`` owns its own. The buffers are raw memory so that the
/// segmenter's loops read them without closures (and without the exclusivity checks closures bring).
final class ICUBreaker {
    private let breaker: OpaquePointer
    /// Segment ends (UTF-8 offsets) of the last ``segment(_:)`` call, ``count`` of them.
    private(set) var ends: UnsafeMutablePointer<Int32>
    /// ICU rule statuses of the last ``segment(_:)`` call (UBRK_WORD_* values).
    private(set) var statuses: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private(set) var count = 0

    init(kind: ParleyBreakKind) throws(TextError) {
        var error: Int32 = 0
        guard let breaker = parley_breaker_open(kind, &error), error <= 0 else {
            throw TextError.icu(operation: "ubrk_open", code: error)
        }
        self.breaker = breaker
        capacity = 256
        ends = .allocate(capacity: capacity)
        statuses = .allocate(capacity: capacity)
    }

    deinit {
        parley_breaker_close(breaker)
        ends.deallocate()
        statuses.deallocate()
    }

    /// Segments the text; results are in ``ends``/``statuses`` (first ``count`` entries).
    /// Allocates only when a message has more segments than any before it.
    func segment(_ text: UnsafeBufferPointer<UInt8>) throws(TextError) {
        var error: Int32 = 0
        while true {
            let n = Int(parley_breaker_segment(breaker, text.baseAddress, Int32(text.count), ends, statuses, Int32(capacity), &error))
            if error > 0 { throw TextError.icu(operation: "ubrk_next", code: error) }
            if n <= capacity {
                count = n
                return
            }
            ends.deallocate()
            statuses.deallocate()
            capacity = n + 64
            ends = .allocate(capacity: capacity)
            statuses = .allocate(capacity: capacity)
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
