import ParleyText

/// A glossary term found in a message, with the form a translation must emit.
public struct GlossaryMatch: Sendable, Hashable {
    /// Indices into ``Message/tokens`` of the matched text (elided articles before it are not part of it).
    public var tokens: Range<Int>
    /// Where the matched text sits in the original message.
    public var span: TextSpan
    /// The TBX id of the concept.
    public var termID: String
    /// The matched text as the user wrote it.
    public var source: String
    /// The form to emit in the target language, in the number the source was written in ("cachets" →
    /// "fees", "les balances" → "soundcheck"); for a do-not-translate concept, ``source`` itself.
    public var target: String
    /// Whether the concept is marked "do not translate".
    public var doNotTranslate: Bool

    public init(tokens: Range<Int>, span: TextSpan, termID: String, source: String, target: String, doNotTranslate: Bool) {
        self.tokens = tokens
        self.span = span
        self.termID = termID
        self.source = source
        self.target = target
        self.doNotTranslate = doNotTranslate
    }
}
