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
    /// May join a grapheme cluster with its neighbour (marks, ZWJ, regional indicators, Hangul jamo…).
    static let graphemeJoins = CharacterProperties(rawValue: 1 << 14)
}

/// Per-code-point facts computed once by ICU and cached for the blocks chat uses (Latin, Greek,
/// Cyrillic, Latin Extended Additional, general punctuation, letter-like symbols, full-width forms).
/// Other code points are asked of ICU directly. Built once per process, on first use (a global `let`);
/// a class, so that the scanners and folders holding it share one copy.
final class CharacterTable: Sendable {
    /// The cached blocks: (first code point, count); indices run through them in order.
    static let blocks: [(first: UInt32, count: Int)] = [
        (0x0000, 0x0530),  // Basic Latin … Cyrillic Supplement
        (0x1E00, 0x0200),  // Latin Extended Additional, Greek Extended
        (0x2000, 0x0070),  // General Punctuation (zero-width, bidi controls, spaces)
        (0x20A0, 0x0030),  // Currency Symbols
        (0x2100, 0x0050),  // Letter-like symbols
        (0xFE00, 0x0010),  // Variation selectors
        (0xFEFF, 0x0001),  // BOM / zero-width no-break space
        (0xFF00, 0x00F0),  // Half-width and full-width forms
    ]

    static let shared = CharacterTable()

    private let properties: [UInt32]
    private let scripts: [UInt16]
    /// Folded UTF-8 of each cached code point: bytes[foldOffsets[i]..<foldOffsets[i+1]].
    private let foldOffsets: [UInt32]
    private let foldBytes: [UInt8]
    /// ASCII letter a code point of another script is confusable with (UTS #39), or 0.
    private let confusables: [UInt8]

    private init() {
        let count = Self.blocks.reduce(0) { $0 + $1.count }
        var properties = [UInt32](repeating: 0, count: count)
        var scripts = [UInt16](repeating: 0, count: count)
        var foldOffsets = [UInt32](repeating: 0, count: count + 1)
        var foldBytes: [UInt8] = []
        foldBytes.reserveCapacity(count * 2)
        var confusables = [UInt8](repeating: 0, count: count)
        var buffer = [UInt8](repeating: 0, count: 64)
        var index = 0
        for block in Self.blocks {
            for scalar in block.first..<(block.first + UInt32(block.count)) {
                let bits = parley_char_properties(Int32(bitPattern: scalar))
                properties[index] = bits
                let script = ScriptSet.from(icuScript: parley_char_script(Int32(bitPattern: scalar)))
                scripts[index] = script.rawValue
                foldOffsets[index] = UInt32(foldBytes.count)
                if scalar < 0x80 {
                    let b = UInt8(scalar)
                    foldBytes.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                } else {
                    let n = buffer.withUnsafeMutableBufferPointer { parley_fold_code_point(Int32(bitPattern: scalar), $0.baseAddress, 64) }
                    // Spaces inside a token (NBSP, narrow NBSP, which UAX #29 keeps inside words) fold to
                    // nothing: a unit never contains a separator.
                    let isSpace = bits & CharacterProperties.whitespace.rawValue != 0
                    if n > 0 && n <= 64 && !isSpace { foldBytes.append(contentsOf: buffer[0..<Int(n)]) }
                    let letter = bits & CharacterProperties.letter.rawValue != 0
                    if letter && script != .latin && !script.isEmpty {
                        let m = buffer.withUnsafeMutableBufferPointer { parley_confusable_skeleton(Int32(bitPattern: scalar), $0.baseAddress, 64) }
                        if m == 1, buffer[0] >= 0x61, buffer[0] <= 0x7A { confusables[index] = buffer[0] }
                    }
                }
                index += 1
            }
        }
        foldOffsets[count] = UInt32(foldBytes.count)
        self.properties = properties
        self.scripts = scripts
        self.foldOffsets = foldOffsets
        self.foldBytes = foldBytes
        self.confusables = confusables
    }

    @inline(__always)
    private static func index(of scalar: UInt32) -> Int? {
        if scalar < 0x0530 { return Int(scalar) }
        var base = 0
        for block in blocks {
            if scalar < block.first { return nil }
            if scalar < block.first + UInt32(block.count) { return base + Int(scalar - block.first) }
            base += block.count
        }
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

    /// The folded form of a cached scalar, without copying; nil for scalars outside the cached blocks.
    @inline(__always)
    func cachedFold(of scalar: UInt32) -> ArraySlice<UInt8>? {
        guard let index = Self.index(of: scalar) else { return nil }
        return foldBytes[Int(foldOffsets[index])..<Int(foldOffsets[index + 1])]
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
