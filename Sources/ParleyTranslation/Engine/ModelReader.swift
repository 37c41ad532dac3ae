/// Little-endian reader over a translation model's bytes; every failure names the file.
struct ModelReader {
    let bytes: [UInt8]
    let file: String
    /// End of the payload (the trailing checksum is not read as data).
    let end: Int
    var offset = 0

    static let magic: [UInt8] = Array("PRLYMT02".utf8)

    /// Checks the magic and the trailing checksum, then positions the reader after the magic.
    init(bytes: [UInt8], file: String) throws(TranslationError) {
        self.bytes = bytes
        self.file = file
        guard bytes.count >= 16, Array(bytes[0..<8]) == Self.magic else {
            if bytes.count >= 8, Array(bytes[0..<8]) == Array("PRLYMT01".utf8) {
                throw .corruptModel(file: file, reason: "an older model format (PRLYMT01); retrain with Scripts/translation/train.py")
            }
            throw .corruptModel(file: file, reason: "not a Parley translation model (no PRLYMT02 header)")
        }
        end = bytes.count - 4
        let stored = Self.u32(bytes, at: end)
        guard Self.checksum(bytes[0..<end]) == stored else {
            throw .corruptModel(file: file, reason: "checksum mismatch (truncated or altered file)")
        }
        offset = 8
    }

    /// Sum of the little-endian u32 words (zero-padded), each xor-ed with index × 2654435761, mod 2³².
    static func checksum(_ data: ArraySlice<UInt8>) -> UInt32 {
        var sum: UInt32 = 0
        var index: UInt32 = 0
        var position = data.startIndex
        while position < data.endIndex {
            var word: UInt32 = 0
            for k in 0..<4 where position + k < data.endIndex {
                word |= UInt32(data[position + k]) << (8 * UInt32(k))
            }
            sum &+= word ^ (index &* 2_654_435_761)
            index &+= 1
            position += 4
        }
        return sum
    }

    static func u32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    mutating func u32() throws(TranslationError) -> UInt32 {
        guard offset + 4 <= end else { throw .corruptModel(file: file, reason: "truncated at byte \(offset)") }
        defer { offset += 4 }
        return Self.u32(bytes, at: offset)
    }

    /// `count` little-endian values of a fixed-width type, copied into an array.
    mutating func array<T: FixedWidthInteger>(_ type: T.Type, count: Int) throws(TranslationError) -> [T] {
        let size = count * MemoryLayout<T>.size
        guard count >= 0, offset + size <= end else {
            throw .corruptModel(file: file, reason: "table of \(count) entries overruns the file at byte \(offset)")
        }
        var result = [T](repeating: 0, count: count)
        result.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + size)]))
            }
        }
        offset += size
        return result.map { T(littleEndian: $0) }
    }

    /// `count` word ids of a vocabulary of `vocabularySize` words: u16 in the file when the
    /// vocabulary allows it, else u32 (as `train.py` writes them).
    /// - Complexity: O(count), one array.
    mutating func wordIDs(count: Int, vocabularySize: Int) throws(TranslationError) -> [UInt32] {
        guard vocabularySize <= 65_536 else { return try array(UInt32.self, count: count) }
        guard count >= 0, offset + 2 * count <= end else {
            throw .corruptModel(file: file, reason: "table of \(count) entries overruns the file at byte \(offset)")
        }
        let start = offset
        offset += 2 * count
        return bytes.withUnsafeBufferPointer { bytes in
            [UInt32](unsafeUninitializedCapacity: count) { ids, initialized in
                for index in 0..<count { ids[index] = UInt32(bytes[start + 2 * index]) | UInt32(bytes[start + 2 * index + 1]) << 8 }
                initialized = count
            }
        }
    }

    mutating func floats(count: Int) throws(TranslationError) -> [Float] {
        try array(UInt32.self, count: count).map { Float(bitPattern: $0) }
    }

    /// A string table: u32 count, u32 offsets[count + 1], UTF-8 bytes.
    mutating func strings() throws(TranslationError) -> [String] {
        let count = Int(try u32())
        let offsets = try array(UInt32.self, count: count + 1)
        let base = offset
        guard let last = offsets.last, base + Int(last) <= end else {
            throw .corruptModel(file: file, reason: "string table overruns the file at byte \(base)")
        }
        var result: [String] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            let lower = Int(offsets[index]), upper = Int(offsets[index + 1])
            guard lower <= upper else { throw .corruptModel(file: file, reason: "string table offsets out of order") }
            result.append(String(decoding: bytes[(base + lower)..<(base + upper)], as: UTF8.self))
        }
        offset = base + Int(last)
        return result
    }

    /// Reads a section header and checks that the section ends where its length says.
    mutating func section<T>(_ name: String, _ body: (inout ModelReader) throws(TranslationError) -> T) throws(TranslationError) -> T {
        let length = Int(try u32())
        let start = offset
        guard start + length <= end else { throw .corruptModel(file: file, reason: "section \(name) overruns the file") }
        let value = try body(&self)
        guard offset == start + length else {
            throw .corruptModel(file: file, reason: "section \(name) is \(length) bytes but \(offset - start) were read")
        }
        return value
    }

    func check(_ condition: Bool, _ reason: @autoclosure () -> String) throws(TranslationError) {
        if !condition { throw .corruptModel(file: file, reason: reason()) }
    }
}
