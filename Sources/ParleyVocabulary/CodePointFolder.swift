import CICUBridge

/// Folds text one code point at a time with ParleyText's folding rules (ICU: NFKD, marks removed,
/// full case folding, Latin-ASCII), keeping only letters and digits.
///
/// This is the cheap path for what a user is typing (a completion prefix) and for stems, where the
/// word-level rules of message folding (leetspeak, joined letters) do not apply. Latin code points
/// (U+0000–U+024F) come from a table built once; others ask ICU.
struct CodePointFolder: Sendable {
    /// Last code point of the table.
    static let tableLimit: UInt32 = 0x250
    /// For each tabled code point, its folded bytes in `tableBytes` (start, length); length 0 = dropped.
    private let tableStarts: [UInt16]
    private let tableLengths: [UInt8]
    private let tableBytes: [UInt8]

    init() {
        var starts: [UInt16] = []
        var lengths: [UInt8] = []
        var bytes: [UInt8] = []
        starts.reserveCapacity(Int(Self.tableLimit))
        lengths.reserveCapacity(Int(Self.tableLimit))
        var scratch = [UInt8](repeating: 0, count: 32)
        for value in 0..<Self.tableLimit {
            starts.append(UInt16(bytes.count))
            let written = scratch.withUnsafeMutableBufferPointer { Self.foldOutsideTable(value, into: $0) }
            lengths.append(UInt8(written))
            bytes.append(contentsOf: scratch[0..<written])
        }
        tableStarts = starts
        tableLengths = lengths
        tableBytes = bytes
    }

    /// The code-point folder over the ICU tables, built once per process.
    static let shared = CodePointFolder()

    /// Writes the folded form of UTF-8 `text` into `output` and returns the number of bytes written,
    /// dropping everything that is not a letter or a digit (spaces, hyphens, apostrophes,
    /// punctuation), so `Café-Conc` gives `cafeconc`. Stops when `output` is full.
    /// - Complexity: O(n); no allocation (ICU is asked only for code points above U+024F).
    func fold(_ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var written = 0
        var index = 0
        let count = text.count
        let capacity = output.count
        while index < count && written < capacity {
            let byte = text[index]
            if byte < 0x80 {
                if byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 {
                    output[written] = byte
                    written += 1
                } else if byte >= 0x41 && byte <= 0x5A {
                    output[written] = byte | 0x20
                    written += 1
                }
                index += 1
                continue
            }
            let (value, length) = Self.decode(text, at: index)
            index += length
            if value < Self.tableLimit {
                let start = Int(tableStarts[Int(value)])
                let length = Int(tableLengths[Int(value)])
                var offset = 0
                while offset < length && written < capacity {
                    output[written] = tableBytes[start + offset]
                    written += 1
                    offset += 1
                }
            } else {
                written += Self.foldOutsideTable(value, into: UnsafeMutableBufferPointer(rebasing: output[written...]))
            }
        }
        return written
    }

    /// The folded bytes of a whole string (load time).
    func fold(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { source in
            [UInt8](unsafeUninitializedCapacity: source.count * 18 + 16) { buffer, initialized in
                initialized = fold(source, into: buffer)
            }
        }
    }

    private static func foldOutsideTable(_ value: UInt32, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let properties = parley_char_properties(Int32(bitPattern: value))
        let kept = UInt32(ParleyCharLetter) | UInt32(ParleyCharDigit)
        guard properties & kept != 0 else { return 0 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            let length = Int(parley_fold_code_point(Int32(bitPattern: value), buffer.baseAddress, 32))
            guard length > 0, length <= 32 else { return 0 }
            var written = 0
            for offset in 0..<length where written < output.count {
                let byte = buffer[offset]
                if byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) {
                    output[written] = byte
                    written += 1
                }
            }
            return written
        }
    }

    /// Decodes the UTF-8 sequence at `index` (the input is valid UTF-8; a bad byte reads as U+FFFD).
    @inline(__always)
    static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let first = UInt32(text[index])
        func continuation(_ offset: Int) -> UInt32? {
            guard index + offset < text.count else { return nil }
            let byte = text[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        if first & 0xE0 == 0xC0, let second = continuation(1) {
            return ((first & 0x1F) << 6 | second, 2)
        }
        if first & 0xF0 == 0xE0, let second = continuation(1), let third = continuation(2) {
            return ((first & 0x0F) << 12 | second << 6 | third, 3)
        }
        if first & 0xF8 == 0xF0, let second = continuation(1), let third = continuation(2), let fourth = continuation(3) {
            return ((first & 0x07) << 18 | second << 12 | third << 6 | fourth, 4)
        }
        return (0xFFFD, 1)
    }
}
