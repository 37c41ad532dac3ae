/// What folding changed in a unit, so a verdict can say "matched after removing leetspeak".
public struct FoldTransforms: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Upper case became lower case (full case folding: `ß` → `ss`).
    public static let caseFolded = FoldTransforms(rawValue: 1 << 0)
    /// Accents and other combining marks were removed, compatibility forms decomposed (`ﬁ`, full-width).
    public static let accentsStripped = FoldTransforms(rawValue: 1 << 1)
    /// Invisible characters (zero-width, soft hyphen, bidi controls, variation selectors) were dropped.
    public static let invisiblesRemoved = FoldTransforms(rawValue: 1 << 2)
    /// Look-alike letters of another script became Latin (UTS #39 skeletons).
    public static let confusables = FoldTransforms(rawValue: 1 << 3)
    /// Digits or symbols used as letters were read as letters (`s3xy` → `sexy`).
    public static let leet = FoldTransforms(rawValue: 1 << 4)
    /// Letters stretched three times or more were squeezed to one (`siiiick` → `sick`).
    public static let squeezed = FoldTransforms(rawValue: 1 << 5)
    /// Spaced-out or dotted single letters were joined (`w h a t s a p p` → `whatsapp`).
    public static let joined = FoldTransforms(rawValue: 1 << 6)
    /// Numbers written as words were read as digits (`zéro six douze` → `0612`).
    public static let numberWords = FoldTransforms(rawValue: 1 << 7)
    /// Grouping separators or formatting were removed from a number, amount or phone (`2 500` → `2500`).
    public static let digitsNormalized = FoldTransforms(rawValue: 1 << 8)
}
