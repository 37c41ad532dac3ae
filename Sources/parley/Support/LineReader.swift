#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads standard input (or a file) line by line as raw bytes, so that invalid UTF-8 reaches the
/// library and is reported with its offset instead of being silently repaired.
struct LineReader {
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var pending: [UInt8] = []
    private var start = 0
    private var end = 0
    private var finished = false

    /// Reads from a file descriptor (standard input by default).
    init(descriptor: Int32 = 0) {
        self.descriptor = descriptor
    }

    /// The next line without its `\n` (and `\r`), or nil at the end of input.
    mutating func next() -> [UInt8]? {
        pending.removeAll(keepingCapacity: true)
        while true {
            if start < end {
                if let newline = buffer[start..<end].firstIndex(of: UInt8(ascii: "\n")) {
                    pending.append(contentsOf: buffer[start..<newline])
                    start = newline + 1
                    if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
                    return pending
                }
                pending.append(contentsOf: buffer[start..<end])
                start = end
            }
            if finished {
                return pending.isEmpty ? nil : pending
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            start = 0
            end = max(count, 0)
            if count <= 0 { finished = true }
        }
    }
}
