/// A Lua script run with `EVALSHA`. The client learns its SHA1 from `SCRIPT LOAD` the first time and
/// loads it again when Redis answers `NOSCRIPT` (after a restart or `SCRIPT FLUSH`), so the script
/// text crosses the network once per server lifetime, not per call.
public struct RedisScript: Hashable, Sendable {
    /// A short name for error messages and metrics.
    public let name: String
    public let source: String

    public init(name: String, source: String) {
        self.name = name
        self.source = source
    }
}
