/// One unit of the folded view: the matching form of a word (or entity) and where it came from.
public struct FoldedUnit: Hashable, Sendable {
    /// Byte range of the folded text in ``FoldedText/bytes``.
    public var folded: Range<Int>
    /// Where the unit came from in the original input.
    public var span: TextSpan
    /// Indices into ``Message/tokens`` of the tokens this unit covers (several when letters were joined,
    /// one token may give several units when a hyphenated compound is split for matching).
    public var tokens: Range<Int>
    /// The kind of the token the unit comes from (`word` for joined letters).
    public var kind: TokenKind
    /// What folding did to get here.
    public var transforms: FoldTransforms

    public init(folded: Range<Int>, span: TextSpan, tokens: Range<Int>, kind: TokenKind, transforms: FoldTransforms) {
        self.folded = folded
        self.span = span
        self.tokens = tokens
        self.kind = kind
        self.transforms = transforms
    }
}
