/// Limits the segmenter enforces before doing any work.
public struct TextLimits: Hashable, Sendable, Codable {
    /// Largest accepted message, in UTF-8 bytes (default 64 KiB).
    public var maximumBytes: Int

    public init(maximumBytes: Int = 64 * 1024) {
        self.maximumBytes = maximumBytes
    }
}
