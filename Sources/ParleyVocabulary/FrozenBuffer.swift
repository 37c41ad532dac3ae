/// An array copied once into memory that is only read afterwards, for the tables of a compiled
/// vocabulary: reading it costs a load, with no bounds check in release builds, no retain and no
/// copy-on-write check, and it can be shared between threads.
struct FrozenBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
    private let owner: Owner

    init(_ array: [Element]) {
        let memory = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = memory.initialize(from: array)
        owner = Owner(memory: UnsafeMutableRawPointer(memory.baseAddress!))
        buffer = UnsafeBufferPointer(start: memory.baseAddress, count: array.count)
    }

    var count: Int { buffer.count }

    @inline(__always)
    subscript(index: Int) -> Element { buffer[index] }

    /// Frees the memory when the last copy of the buffer goes.
    private final class Owner {
        let memory: UnsafeMutableRawPointer
        init(memory: UnsafeMutableRawPointer) { self.memory = memory }
        deinit { memory.deallocate() }
    }
}
