import CICUBridge

/// Code point properties as ICU reports them (see `parley_char_properties`).
struct CharacterProperties: OptionSet, Sendable {
    let rawValue: UInt32
    static let letter = CharacterProperties(rawValue: 1 << 0)
    static let digit = CharacterProperties(rawValue: 1 << 1)
    static let whitespace = CharacterProperties(rawValue: 1 << 2)
    static let punctuation = CharacterProperties(rawValue: 1 << 3)
    static let symbol = CharacterProperties(rawValue: 1 << 4)
    static let mark = CharacterProperties(rawValue: 1 << 5)
    static let pictographic = CharacterProperties(rawValue: 1 << 6)
    static let emojiPresentation = CharacterProperties(rawValue: 1 << 7)
    static let regionalIndicator = CharacterProperties(rawValue: 1 << 8)
    static let defaultIgnorable = CharacterProperties(rawValue: 1 << 9)
    static let emojiModifier = CharacterProperties(rawValue: 1 << 10)
    static let emojiComponent = CharacterProperties(rawValue: 1 << 11)
    static let uppercase = CharacterProperties(rawValue: 1 << 12)
    static let format = CharacterProperties(rawValue: 1 << 13)
}

/// Per-code-point facts computed once by ICU and cached for the scripts chat uses (Latin, Greek,
/// Cyrillic, general punctuation, full-width forms). Code points outside the cached ranges are
/// asked of ICU directly. Built lazily, once per process, thread-safe (a global `let`).
struct CharacterTable: Sendable {
    /// Cached range: everything below U+3000 (Latin to general punctuation and symbols).
    static let cachedLimit: UInt32 = 0x3000
    /// Full-width and half-width forms are cached too (`ｗｈａｔｓａｐｐ`).
    static let wideRange: ClosedRange<UInt32> = 0xFF00...0xFFEF

    static let shared = CharacterTable()

    private var properties: [UInt32]
    private var scripts: [UInt16]
    /// Folded UTF-8 of each cached code point: bytes[foldOffsets[i]..<foldOffsets[i+1]].
    private var foldOffsets: [UInt32]
    private var foldBytes: [UInt8]
    /// ASCII letter a code point of another script is confusable with (UTS #39), or 0.
    private var confusables: [UInt8]

    private init() {
        let count = Int(Self.cachedLimit) + Self.wideRange.count
        properties = [UInt32](repeating: 0, count: count)
        scripts = [UInt16](repeating: 0, count: count)
        foldOffsets = [UInt32](repeating: 0, count: count + 1)
        foldBytes = []
        foldBytes.reserveCapacity(count * 2)
        confusables = [UInt8](repeating: 0, count: count)
        var buffer = [UInt8](repeating: 0, count: 64)
        for index in 0..<count {
            let scalar = Self.scalar(forIndex: index)
            let bits = parley_char_properties(Int32(bitPattern: scalar))
            properties[index] = bits
            let script = ScriptSet.from(icuScript: parley_char_script(Int32(bitPattern: scalar)))
            scripts[index] = script.rawValue
            foldOffsets[index] = UInt32(foldBytes.count)
            if scalar < 0x80 {
                let b = UInt8(scalar)
                foldBytes.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            } else if (0xD800...0xDFFF).contains(scalar) {
                // Surrogates never occur in valid UTF-8.
            } else {
                let n = buffer.withUnsafeMutableBufferPointer { parley_fold_code_point(Int32(bitPattern: scalar), $0.baseAddress, 64) }
                // Spaces inside a token (NBSP, narrow NBSP, which UAX #29 keeps inside words) fold to nothing:
                // a unit never contains a separator.
                let isSpace = bits & CharacterProperties.whitespace.rawValue != 0
                if n > 0 && n <= 64 && !isSpace { foldBytes.append(contentsOf: buffer[0..<Int(n)]) }
                let letter = bits & CharacterProperties.letter.rawValue != 0
                if letter && script != .latin && !script.isEmpty {
                    let m = buffer.withUnsafeMutableBufferPointer { parley_confusable_skeleton(Int32(bitPattern: scalar), $0.baseAddress, 64) }
                    if m == 1, buffer[0] >= 0x61, buffer[0] <= 0x7A { confusables[index] = buffer[0] }
                }
            }
        }
        foldOffsets[count] = UInt32(foldBytes.count)
    }

    private static func scalar(forIndex index: Int) -> UInt32 {
        index < Int(cachedLimit) ? UInt32(index) : wideRange.lowerBound + UInt32(index - Int(cachedLimit))
    }

    @inline(__always)
    private static func index(of scalar: UInt32) -> Int? {
        if scalar < cachedLimit { return Int(scalar) }
        if wideRange.contains(scalar) { return Int(cachedLimit) + Int(scalar - wideRange.lowerBound) }
        return nil
    }

    @inline(__always)
    func properties(of scalar: UInt32) -> CharacterProperties {
        if let index = Self.index(of: scalar) { return CharacterProperties(rawValue: properties[index]) }
        return CharacterProperties(rawValue: parley_char_properties(Int32(bitPattern: scalar)))
    }

    @inline(__always)
    func script(of scalar: UInt32) -> ScriptSet {
        if scalar < 0x80 {
            let b = scalar | 0x20
            return b >= 0x61 && b <= 0x7A ? .latin : []
        }
        if let index = Self.index(of: scalar) { return ScriptSet(rawValue: scripts[index]) }
        return ScriptSet.from(icuScript: parley_char_script(Int32(bitPattern: scalar)))
    }

    /// The ASCII letter a non-Latin letter looks like, or 0.
    @inline(__always)
    func confusable(of scalar: UInt32) -> UInt8 {
        if let index = Self.index(of: scalar) { return confusables[index] }
        return 0
    }

    /// Appends the folded form of a scalar to `out`.
    @inline(__always)
    func appendFolded(_ scalar: UInt32, to out: inout [UInt8]) {
        if scalar < 0x80 {
            let b = UInt8(scalar)
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            return
        }
        if let index = Self.index(of: scalar) {
            let start = Int(foldOffsets[index])
            let end = Int(foldOffsets[index + 1])
            var i = start
            while i < end {
                out.append(foldBytes[i])
                i += 1
            }
            return
        }
        Self.foldUncached(scalar, to: &out)
    }

    private static func foldUncached(_ scalar: UInt32, to out: inout [UInt8]) {
        if parley_char_properties(Int32(bitPattern: scalar)) & CharacterProperties.whitespace.rawValue != 0 { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            let n = parley_fold_code_point(Int32(bitPattern: scalar), buffer.baseAddress, 64)
            if n > 0 && n <= 64 {
                for i in 0..<Int(n) { out.append(buffer[i]) }
            } else if n != 0 {
                UTF8Decoding.append(scalar, to: &out)
            }
        }
    }
}
