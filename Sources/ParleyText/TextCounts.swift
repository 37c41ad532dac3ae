/// Lengths of a message in the units different limits speak of.
public struct TextCounts: Hashable, Sendable, Codable {
    /// UTF-8 bytes of the original input.
    public var utf8: Int
    /// UTF-16 code units of the original input.
    public var utf16: Int
    /// Unicode scalars of the NFC text.
    public var scalars: Int
    /// User-perceived characters (extended grapheme clusters) of the NFC text: what the spec's
    /// character limits count ("300 caractères").
    public var graphemes: Int

    public init(utf8: Int = 0, utf16: Int = 0, scalars: Int = 0, graphemes: Int = 0) {
        self.utf8 = utf8
        self.utf16 = utf16
        self.scalars = scalars
        self.graphemes = graphemes
    }
}
