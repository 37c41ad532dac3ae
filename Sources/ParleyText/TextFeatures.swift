/// What a message contains that some pass needs, found in one cheap scan of its bytes, so that
/// passes with nothing to do are skipped (most messages have no hyphen, no invisible character,
/// no leetspeak).
struct TextFeatures: OptionSet {
    let rawValue: UInt8

    /// `'` (or a multi-byte character that may be `’`).
    static let apostrophe = TextFeatures(rawValue: 1 << 0)
    /// `-` (or a multi-byte character that may be a Unicode hyphen).
    static let hyphen = TextFeatures(rawValue: 1 << 1)
    /// A lead byte of an invisible character (ZWSP, word joiner, BOM, soft hyphen).
    static let invisible = TextFeatures(rawValue: 1 << 2)
    /// Leetspeak or masking may be present: a digit touching a letter (`s3xy`), a leet symbol or
    /// asterisk before a letter (`arn@que`, `$alope`, `sal*pe`), or an asterisk after one (`f***`).
    static let leet = TextFeatures(rawValue: 1 << 3)
    /// Any byte above ASCII.
    static let nonASCII = TextFeatures(rawValue: 1 << 4)
    /// A carriage return (CR LF is one grapheme).
    static let carriageReturn = TextFeatures(rawValue: 1 << 5)
    /// `@`.
    static let atSign = TextFeatures(rawValue: 1 << 6)

    /// Feature bits per byte value.
    private static let byByte: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        table[Int(UInt8(ascii: "'"))] |= apostrophe.rawValue
        table[Int(UInt8(ascii: "-"))] |= hyphen.rawValue
        table[0x0D] |= carriageReturn.rawValue
        table[Int(UInt8(ascii: "@"))] |= atSign.rawValue
        for b in 0x80...0xFF { table[b] |= nonASCII.rawValue }
        // U+2019 ’, U+2010/2011 hyphens and U+200B… invisibles all start with E2; BOM with EF; soft hyphen with C2.
        table[0xE2] |= apostrophe.rawValue | hyphen.rawValue | invisible.rawValue
        table[0xEF] |= invisible.rawValue
        table[0xC2] |= invisible.rawValue
        return table
    }()

    /// Byte classes for the leetspeak test: 1 letter (or any non-ASCII byte), 2 digit, 3 leet
    /// symbol, 4 asterisk, 0 anything else.
    private static let leetClass: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = 1 }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = 1 }
        for b in 0x80...0xFF { table[b] = 1 }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = 2 }
        for b in "@$!|".utf8 { table[Int(b)] = 3 }
        table[Int(UInt8(ascii: "*"))] = 4
        return table
    }()

    /// Whether a pair of byte classes (previous, current) may be leetspeak or masking.
    @inline(__always)
    private static func isLeetPair(_ previous: UInt8, _ current: UInt8) -> Bool {
        switch (previous, current) {
        case (1, 2), (2, 1), (3, 1), (4, 1), (1, 4): return true
        default: return false
        }
    }

    /// Scans the text once.
    /// - Complexity: O(n), no allocation.
    static func scan(_ t: UnsafeBufferPointer<UInt8>) -> TextFeatures {
        var bits: UInt8 = 0
        var leet = false
        var previous: UInt8 = 0
        byByte.withUnsafeBufferPointer { table in
            leetClass.withUnsafeBufferPointer { classes in
                for b in t {
                    bits |= table[Int(b)]
                    let current = classes[Int(b)]
                    if current != 0 && previous != 0 && current != previous && isLeetPair(previous, current) { leet = true }
                    previous = current
                }
            }
        }
        return TextFeatures(rawValue: bits | (leet ? TextFeatures.leet.rawValue : 0))
    }
}
