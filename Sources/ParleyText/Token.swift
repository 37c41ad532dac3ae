/// One typed piece of a message, with its exact place in the original text.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    /// Where the token is in the original input.
    public var span: TextSpan
    /// Byte range into ``Message/normalized`` (the NFC text the segmenter read).
    public var normalizedRange: Range<Int>
    /// Scripts of the token's letters.
    public var scripts: ScriptSet
    public var flags: TokenFlags

    public init(kind: TokenKind, span: TextSpan, normalizedRange: Range<Int>, scripts: ScriptSet, flags: TokenFlags) {
        self.kind = kind
        self.span = span
        self.normalizedRange = normalizedRange
        self.scripts = scripts
        self.flags = flags
    }

    /// Letters of more than one script in this token.
    public var isMixedScript: Bool { scripts.isMixed }
}
