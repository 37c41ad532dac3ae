#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ParleyText

/// The trained language-ID tables (`Models/langid/langid.bin`, written by `Scripts/langid/train.py`),
/// loaded once and shared read-only by every recognizer and thread.
///
/// Two hash tables, keyed by the FNV-1a hash of UTF-8 bytes: character n-grams (orders 1–5 over
/// `<word>`, a log-probability and a back-off weight per language) and known words (each language's
/// distance below the word's best language). See `Scripts/langid/langid_model.py` for the layout.
///
/// Immutable after `init`: the tables live in buffers allocated once, never written again, and freed
/// with the model, which is why the class can be shared across tasks (`@unchecked Sendable`).
public final class LanguageModel: @unchecked Sendable {
    /// The languages of the model, targets first.
    public let languages: [Language]
    /// How many of ``languages`` (the first ones) can be answered; the others are guards.
    public let targetCount: Int
    /// The posterior the dominant language needs, as trained (recognizers may override it).
    public let defaultThreshold: Double
    /// The prior weight of a guard language, against 1 for a target.
    public let guardPrior: Double
    /// One word puts a language at most this many nats below the word's best language.
    let wordCap: Float
    /// Log-probability of a character a language never showed.
    let unseen: Float
    let maxOrder: Int
    /// Dequantized value of each u8 code (255 is "absent" and never read through this table).
    let levels: UnsafeBufferPointer<Float>
    /// Dequantized word distances.
    let distances: UnsafeBufferPointer<Float>
    let ngramKeys: UnsafeBufferPointer<UInt32>
    let ngramP: UnsafeBufferPointer<UInt8>
    let ngramLambda: UnsafeBufferPointer<UInt8>
    let wordKeys: UnsafeBufferPointer<UInt32>
    let wordValues: UnsafeBufferPointer<UInt8>
    /// The file it came from (for messages).
    public let file: String

    static let absent: UInt8 = 255
    /// The layout version `Scripts/langid/langid_model.py` writes.
    static let formatVersion: UInt32 = 2
    static let maximumLanguages = 8

    /// The bundled model: `Models/langid/langid.bin` under ``ResourceLocator/modelsDirectory()``.
    /// - Complexity: reads and checks a 3.5 MB file: tens of milliseconds, about 4 MB resident.
    public static func bundled() throws(LanguageModelError) -> LanguageModel {
        guard let directory = ResourceLocator.modelsDirectory() else { throw .modelsDirectoryNotFound }
        return try LanguageModel(contentsOf: directory + "/langid/langid.bin")
    }

    /// Loads a model file.
    /// - Throws: ``LanguageModelError`` naming the file when it is missing, truncated or corrupt.
    /// - Complexity: O(file size); the tables are copied once into arrays.
    public convenience init(contentsOf path: String) throws(LanguageModelError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(file: path) }
        try self.init(bytes: [UInt8](data), file: path)
    }

    /// Reads a model from its bytes; `file` names it in errors.
    public init(bytes: [UInt8], file: String) throws(LanguageModelError) {
        var reader = ModelReader(bytes: bytes, file: file)
        guard bytes.count >= 8, bytes[0] == 0x50, bytes[1] == 0x4C, bytes[2] == 0x49, bytes[3] == 0x44 else {
            throw .corrupt(file: file, reason: "not a Parley language model (no PLID header)")
        }
        guard bytes.count >= 12 else { throw .corrupt(file: file, reason: "truncated header") }
        let stored = UInt32(bytes[bytes.count - 4]) | UInt32(bytes[bytes.count - 3]) << 8
            | UInt32(bytes[bytes.count - 2]) << 16 | UInt32(bytes[bytes.count - 1]) << 24
        guard CRC32.checksum(bytes[0..<(bytes.count - 4)]) == stored else {
            throw .corrupt(file: file, reason: "checksum mismatch (truncated or altered file)")
        }
        reader.offset = 4
        let version = try reader.u32()
        guard version == Self.formatVersion else {
            throw .corrupt(file: file, reason: "format version \(version), this build reads version \(Self.formatVersion) (retrain with Scripts/langid/train.py)")
        }
        let count = Int(try reader.u32())
        let targets = Int(try reader.u32())
        guard (1...Self.maximumLanguages).contains(count), (1...count).contains(targets) else {
            throw .corrupt(file: file, reason: "bad language count \(count) (targets \(targets))")
        }
        var languages: [Language] = []
        for _ in 0..<count {
            let code = try reader.bytes(4)
            let trimmed = code.prefix { $0 != 0x20 }
            guard !trimmed.isEmpty, trimmed.allSatisfy({ (0x61...0x7A).contains($0) }) else {
                throw .corrupt(file: file, reason: "bad language code")
            }
            languages.append(Language(String(decoding: trimmed, as: UTF8.self)))
        }
        let quantMin = try reader.f32()
        let quantSteps = try reader.u32()
        let unseen = try reader.f32()
        let wordCap = try reader.f32()
        let maxOrder = Int(try reader.u32())
        let threshold = try reader.f32()
        let guardPrior = try reader.f32()
        guard quantMin < 0, (1...254).contains(quantSteps), unseen < 0, wordCap > 0, (1...8).contains(maxOrder),
              threshold > 0, threshold <= 1, guardPrior > 0
        else { throw .corrupt(file: file, reason: "bad parameters") }

        // Check the table sizes against the file size before allocating anything.
        let tablesStart = reader.offset
        let ngramCapacity = Int(try reader.u32())
        guard ngramCapacity > 0, ngramCapacity <= (bytes.count - reader.offset) / (4 + 2 * count) else {
            throw .corrupt(file: file, reason: "bad n-gram table size \(ngramCapacity)")
        }
        reader.offset += ngramCapacity * (4 + 2 * count)
        let wordCapacity = Int(try reader.u32())
        guard wordCapacity > 0, reader.offset + wordCapacity * (4 + count) + 4 == bytes.count else {
            throw .corrupt(file: file, reason: "bad word table size \(wordCapacity) for a file of \(bytes.count) bytes")
        }
        reader.offset = tablesStart + 4
        // Tables are copied straight from the file bytes into buffers that live as long as the model.
        let ngramKeys = try reader.u32Table(ngramCapacity)
        let ngramP = try reader.byteTable(ngramCapacity * count)
        let ngramLambda = try reader.byteTable(ngramCapacity * count)
        reader.offset += 4
        let wordKeys = try reader.u32Table(wordCapacity)
        let wordValues = try reader.byteTable(wordCapacity * count)
        let tables = [UnsafeRawBufferPointer(ngramKeys), UnsafeRawBufferPointer(ngramP), UnsafeRawBufferPointer(ngramLambda),
                      UnsafeRawBufferPointer(wordKeys), UnsafeRawBufferPointer(wordValues)]
        // Lookups stop at an empty slot: a table without one would never end a miss.
        guard ngramKeys.contains(0), wordKeys.contains(0) else {
            for table in tables { table.deallocate() }
            throw .corrupt(file: file, reason: "hash table without an empty slot")
        }

        self.languages = languages
        self.targetCount = targets
        self.defaultThreshold = Double(threshold)
        self.guardPrior = Double(guardPrior)
        self.wordCap = wordCap
        self.unseen = unseen
        self.maxOrder = maxOrder
        let step = -quantMin / Float(quantSteps)
        self.levels = Self.freeze((0..<256).map { quantMin + Float($0) * step })
        self.distances = Self.freeze((0..<256).map { Float($0) * wordCap / 255 })
        self.ngramKeys = ngramKeys
        self.ngramP = ngramP
        self.ngramLambda = ngramLambda
        self.wordKeys = wordKeys
        self.wordValues = wordValues
        self.file = file
    }

    deinit {
        for buffer in [UnsafeRawBufferPointer(levels), UnsafeRawBufferPointer(distances), UnsafeRawBufferPointer(ngramKeys),
                       UnsafeRawBufferPointer(ngramP), UnsafeRawBufferPointer(ngramLambda), UnsafeRawBufferPointer(wordKeys),
                       UnsafeRawBufferPointer(wordValues)] {
            buffer.deallocate()
        }
    }

    /// Copies an array into a buffer that lives as long as the model.
    private static func freeze<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(rebasing: buffer[0..<array.count])
    }

    /// The languages a recognizer can answer (fr, en, es, de for the bundled model).
    public var targets: ArraySlice<Language> { languages[0..<targetCount] }

    /// The index of a language in ``languages``.
    public func index(of language: Language) -> Int? { languages.firstIndex(of: language) }
}

/// Little-endian reader over the model bytes, with errors that name the file.
private struct ModelReader {
    let bytes: [UInt8]
    let file: String
    var offset = 0

    mutating func bytes(_ count: Int) throws(LanguageModelError) -> [UInt8] {
        guard count >= 0, offset + count <= bytes.count - 4 else {
            throw .corrupt(file: file, reason: "truncated at byte \(offset)")
        }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func u32() throws(LanguageModelError) -> UInt32 {
        let raw = try bytes(4)
        return UInt32(raw[0]) | UInt32(raw[1]) << 8 | UInt32(raw[2]) << 16 | UInt32(raw[3]) << 24
    }

    mutating func f32() throws(LanguageModelError) -> Float { Float(bitPattern: try u32()) }

    /// A table of `count` little-endian u32 in a new buffer (the caller owns it).
    mutating func u32Table(_ count: Int) throws(LanguageModelError) -> UnsafeBufferPointer<UInt32> {
        guard count > 0, count <= (bytes.count - 4 - offset) / 4 else {
            throw .corrupt(file: file, reason: "bad table size at byte \(offset)")
        }
        let table = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: count)
        var position = offset
        for index in 0..<count {
            table[index] = UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8
                | UInt32(bytes[position + 2]) << 16 | UInt32(bytes[position + 3]) << 24
            position += 4
        }
        offset = position
        return UnsafeBufferPointer(table)
    }

    /// A table of `count` bytes in a new buffer (the caller owns it).
    mutating func byteTable(_ count: Int) throws(LanguageModelError) -> UnsafeBufferPointer<UInt8> {
        guard count > 0, offset + count <= bytes.count - 4 else {
            throw .corrupt(file: file, reason: "bad table size at byte \(offset)")
        }
        let table = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: count)
        _ = table.initialize(from: bytes[offset..<(offset + count)])
        offset += count
        return UnsafeBufferPointer(table)
    }
}
