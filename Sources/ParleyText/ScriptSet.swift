/// The writing systems the letters of a token or message belong to (Common and Inherited
/// characters — digits, punctuation, combining marks — belong to none).
public struct ScriptSet: OptionSet, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let latin = ScriptSet(rawValue: 1 << 0)
    public static let cyrillic = ScriptSet(rawValue: 1 << 1)
    public static let greek = ScriptSet(rawValue: 1 << 2)
    public static let arabic = ScriptSet(rawValue: 1 << 3)
    public static let hebrew = ScriptSet(rawValue: 1 << 4)
    public static let han = ScriptSet(rawValue: 1 << 5)
    public static let kana = ScriptSet(rawValue: 1 << 6)
    public static let hangul = ScriptSet(rawValue: 1 << 7)
    public static let devanagari = ScriptSet(rawValue: 1 << 8)
    public static let thai = ScriptSet(rawValue: 1 << 9)
    public static let armenian = ScriptSet(rawValue: 1 << 10)
    public static let georgian = ScriptSet(rawValue: 1 << 11)
    /// Any script not named above.
    public static let other = ScriptSet(rawValue: 1 << 15)

    /// More than one script: the mark of a homoglyph attack inside one word.
    public var isMixed: Bool { rawValue & (rawValue &- 1) != 0 }

    /// Names of the scripts, lower case, for JSON output.
    public var names: [String] {
        var result: [String] = []
        for (flag, name) in Self.named where contains(flag) { result.append(name) }
        return result
    }

    public var description: String { names.joined(separator: "+") }

    static let named: [(ScriptSet, String)] = [
        (.latin, "latin"), (.cyrillic, "cyrillic"), (.greek, "greek"), (.arabic, "arabic"), (.hebrew, "hebrew"),
        (.han, "han"), (.kana, "kana"), (.hangul, "hangul"), (.devanagari, "devanagari"), (.thai, "thai"),
        (.armenian, "armenian"), (.georgian, "georgian"), (.other, "other"),
    ]

    /// The set for an ICU UScriptCode; empty for Common (0), Inherited (1) and Unknown.
    static func from(icuScript code: Int32) -> ScriptSet {
        switch code {
        case 0, 1, -1, 103: return []  // COMMON, INHERITED, INVALID, UNKNOWN
        case 25: return .latin
        case 8: return .cyrillic
        case 14: return .greek
        case 2: return .arabic
        case 19: return .hebrew
        case 17: return .han
        case 20, 22: return .kana  // HIRAGANA, KATAKANA
        case 18: return .hangul
        case 10: return .devanagari
        case 38: return .thai
        case 3: return .armenian
        case 12: return .georgian
        default: return .other
        }
    }
}
