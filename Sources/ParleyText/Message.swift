/// One chat message, read once: its text, typed tokens with spans, and the folded view for matching.
///
/// Every Parley stage reads a `Message`; none re-tokenizes. A `Message` is a value: it can be kept,
/// sent across tasks, and reused as a buffer by ``Segmenter/read(_:into:)`` to avoid allocations.
public struct Message: Hashable, Sendable {
    /// The original input bytes (valid UTF-8). Spans index into these.
    public internal(set) var original: [UInt8] = []
    /// The NFC text the segmenter read; empty when the original was already NFC (see ``normalized``).
    var normalizedStorage: [UInt8] = []
    /// For each byte of the normalized text (and one past its end), the original offset it comes from;
    /// empty when the original was already NFC.
    var normalizedToOriginal: [Int32] = []
    /// Tokens in text order; they tile the normalized text with no gap.
    public internal(set) var tokens: [Token] = []
    /// The folded view.
    public internal(set) var folded = FoldedText()
    /// Lengths in bytes, UTF-16 units, scalars and graphemes.
    public internal(set) var counts = TextCounts()
    /// Scripts of all letters of the message.
    public internal(set) var scripts: ScriptSet = []

    public init() {}

    /// Whether NFC normalization changed the input.
    public var wasNormalized: Bool { !normalizedToOriginal.isEmpty }

    /// The NFC bytes the tokens' ``Token/normalizedRange`` index into.
    public var normalized: [UInt8] { wasNormalized ? normalizedStorage : original }

    /// The original text.
    public var text: String { String(decoding: original, as: UTF8.self) }

    /// The NFC text.
    public var normalizedText: String { String(decoding: normalized, as: UTF8.self) }

    /// The original text of a token, exactly as the user typed it.
    public func text(of token: Token) -> String {
        String(decoding: original[token.span.utf8], as: UTF8.self)
    }

    /// The original text under a span.
    public func text(in span: TextSpan) -> String {
        String(decoding: original[span.utf8], as: UTF8.self)
    }

    /// The NFC text of a token.
    public func normalizedText(of token: Token) -> String {
        normalized.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[token.normalizedRange]), as: UTF8.self) }
    }

    /// The folded text of one unit.
    public func foldedText(of unit: FoldedUnit) -> String { folded.text(of: unit) }

    /// Tokens of the given kinds (allocates the result).
    public func tokens(of kinds: Set<TokenKind>) -> [Token] { tokens.filter { kinds.contains($0.kind) } }

    mutating func reset() {
        original.removeAll(keepingCapacity: true)
        normalizedStorage.removeAll(keepingCapacity: true)
        normalizedToOriginal.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
        folded.removeAll()
        counts = TextCounts()
        scripts = []
    }
}
