/// Describes the letters of a token: scripts, capitals, stretched letters, masking asterisks and
/// invisible characters, written into its ``Token/scripts`` and ``Token/flags``.
enum LetterFacts {
    static let described: TokenFlags = [.allCaps, .capitalized, .elongated, .mixedScript, .masked, .invisibles]

    /// Describes any token (all scripts).
    /// - Complexity: O(length of the token), no allocation.
    static func describe(_ token: inout Token, in t: UnsafeBufferPointer<UInt8>, table: CharacterTable) {
        let range = token.normalizedRange
        var flags = token.flags.subtracting(described.subtracting(.invisibles))
        var scripts: ScriptSet = []
        var letters = 0
        var upper = 0
        var firstLetterUpper = false
        var previous: UInt32 = 0
        var run = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let b = t[i]
            var isLetter = false
            var lowered: UInt32
            if b < 0x80 {
                lowered = UInt32(b)
                if EntityScanner.isAlpha(b) {
                    isLetter = true
                    scripts.insert(.latin)
                    let isUpper = b <= 0x5A
                    if letters == 0 { firstLetterUpper = isUpper }
                    letters += 1
                    if isUpper {
                        upper += 1
                        lowered |= 0x20
                    }
                } else if b == UInt8(ascii: "*"), token.kind == .word {
                    flags.insert(.masked)
                }
                i += 1
            } else {
                let (scalar, length) = UTF8Decoding.decode(t, at: i)
                lowered = scalar
                let properties = table.properties(of: scalar)
                if properties.contains(.letter) {
                    isLetter = true
                    scripts.formUnion(table.script(of: scalar))
                    let isUpper = properties.contains(.uppercase)
                    if letters == 0 { firstLetterUpper = isUpper }
                    letters += 1
                    if isUpper { upper += 1 }
                } else if properties.contains(.defaultIgnorable) && token.kind != .emoji {
                    flags.insert(.invisibles)
                }
                i += length
            }
            // Elongation counts letters only ("siiiick", not "f***ing").
            if isLetter && lowered == previous {
                run += 1
                if run == 3 && token.kind == .word { flags.insert(.elongated) }
            } else {
                run = isLetter ? 1 : 0
                previous = isLetter ? lowered : 0
            }
        }
        if letters >= 2 && upper == letters { flags.insert(.allCaps) }
        if firstLetterUpper { flags.insert(.capitalized) }
        if scripts.isMixed { flags.insert(.mixedScript) }
        token.scripts = scripts
        token.flags = flags
    }
}
