/// Where a piece of a message sits in the caller's original text, in both encodings callers use:
/// UTF-8 bytes (servers, Rust/Go peers) and UTF-16 code units (JavaScript, `NSString`, Java).
///
/// Spans always refer to the original input, before NFC normalization, so a client can highlight
/// exactly what its user typed.
public struct TextSpan: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Byte offsets into the original UTF-8 input.
    public var utf8: Range<Int>
    /// UTF-16 code unit offsets into the original input.
    public var utf16: Range<Int>

    public init(utf8: Range<Int>, utf16: Range<Int>) {
        self.utf8 = utf8
        self.utf16 = utf16
    }

    /// The smallest span covering both.
    public func union(_ other: TextSpan) -> TextSpan {
        TextSpan(
            utf8: min(utf8.lowerBound, other.utf8.lowerBound)..<max(utf8.upperBound, other.utf8.upperBound),
            utf16: min(utf16.lowerBound, other.utf16.lowerBound)..<max(utf16.upperBound, other.utf16.upperBound)
        )
    }

    public var description: String { "\(utf8.lowerBound)..<\(utf8.upperBound)" }
}
