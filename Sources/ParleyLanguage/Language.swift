/// A language, named by its ISO 639-1 code (`fr`, `en`, …), or ``und`` (undetermined).
///
/// Parley answers French, English, Spanish and German. The model also knows Italian, Portuguese and
/// Dutch as *guards*: text in them wins their probability and is answered ``und`` rather than forced
/// into one of the four.
public struct Language: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// A language from its code, lower-cased (`"FR"` is ``french``).
    public init(_ code: String) { self.rawValue = code.lowercased() }

    public static let french = Language("fr")
    public static let english = Language("en")
    public static let spanish = Language("es")
    public static let german = Language("de")
    public static let italian = Language("it")
    public static let portuguese = Language("pt")
    public static let dutch = Language("nl")
    /// Undetermined: no language evidence, not reliable enough, or a language Parley does not answer.
    public static let und = Language("und")

    public var description: String { rawValue }

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.rawValue < rhs.rawValue }
}
