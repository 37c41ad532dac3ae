#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Logging
import ParleyText

/// Everything `parley serve` can be told: addresses, resource folders, limits, the admin token.
///
/// Each field has a flag and an environment variable (`PARLEY_HOST`, `PARLEY_PORT`…); flags win.
public struct ServerConfiguration: Sendable, Hashable {
    /// Address of the public API. Loopback by default: the chat server runs beside the sidecar.
    public var host = "127.0.0.1"
    public var port = 8080
    /// Address of the admin API (reload, lexicon report); loopback only unless told otherwise.
    public var adminHost = "127.0.0.1"
    public var adminPort = 8081
    /// Bearer token the admin API requires; without one the admin port is not opened.
    public var adminToken: String?
    /// The `Lexicons/` and `Models/` folders; nil: found by ``ResourceLocator``.
    public var lexiconsDirectory: String?
    public var modelsDirectory: String?
    /// Largest request body accepted, in bytes (larger → 413).
    public var maximumBodyBytes = 1 << 20
    /// Largest message text accepted, in UTF-8 bytes (larger → 422 naming the field).
    public var maximumMessageBytes = TextLimits().maximumBytes
    /// Most messages in one `POST /v1/batch`.
    public var maximumBatchMessages = 500
    /// Most earlier messages read for context in one analysis.
    public var maximumRecentMessages = 10
    /// How often the `Lexicons/` and `Models/` folders are checked for changed files, which are then
    /// reloaded (see `LexiconWatchService`); 0 turns the watch off (SIGHUP and `/admin/reload` remain).
    public var watchIntervalMilliseconds = 1000
    /// After SIGTERM, how long `/readyz` answers 503 (`draining`) while the listeners still serve,
    /// so that a load balancer stops sending before they close.
    public var drainDelayMilliseconds = 0
    /// Threads of the network event loops (HTTP parsing and socket I/O, and `/v1/moderate` when it
    /// is answered there); 0: one per core; nil: chosen by where the work runs.
    /// - With `/v1/moderate` on the event loops (in-memory state), one per core: all the work is
    ///   there, and one loop left a core idle (9,881 and 9,236 messages/s with one loop against
    ///   16,295 and 14,738 with two, `PARLEY_THREADS=1|2 Scripts/load.sh 8 16 2`, 26 Nov 2026).
    /// - Through the router (Redis state), one: the handlers run on Swift's concurrency pool, and
    ///   one loop beside it gave 7,622 and 9,104 messages/s at 116 and 112 µs of CPU per message
    ///   against 7,190 and 5,481 at 158 and 140 µs with one per core (`PARLEY_THREADS=1|0
    ///   Scripts/load.sh 10 16 2`, run in turn, load average about 5.3).
    public var eventLoopThreads: Int?
    /// Answer `/v1/moderate` on the network thread that read the request, without the router's
    /// task (see ``ModerateChannelHandler``), when the moderation state is in memory. Off: every
    /// request goes through the router (the answers are the same; tests compare them).
    public var moderateOnEventLoop = true
    /// Salt mixed into the hashed user ids written to the logs.
    public var logSalt = ""
    public var logLevel = Logger.Level.info

    public init() {}

    /// Defaults overridden by the `PARLEY_*` environment variables that are set.
    /// - Throws: ``ServerConfigurationError`` naming the variable whose value does not parse.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ServerConfigurationError) -> ServerConfiguration
    {
        var configuration = ServerConfiguration()
        func string(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        func integer(_ name: String, _ range: ClosedRange<Int>) throws(ServerConfigurationError) -> Int? {
            guard let text = string(name) else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw ServerConfigurationError(setting: name, value: text, expected: "an integer from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        if let value = string("PARLEY_HOST") { configuration.host = value }
        if let value = try integer("PARLEY_PORT", 0...65535) { configuration.port = value }
        if let value = string("PARLEY_ADMIN_HOST") { configuration.adminHost = value }
        if let value = try integer("PARLEY_ADMIN_PORT", 0...65535) { configuration.adminPort = value }
        configuration.adminToken = string("PARLEY_ADMIN_TOKEN")
        configuration.lexiconsDirectory = string("PARLEY_LEXICONS")
        configuration.modelsDirectory = string("PARLEY_MODELS")
        if let value = try integer("PARLEY_MAX_BODY_BYTES", 1...(1 << 30)) { configuration.maximumBodyBytes = value }
        if let value = try integer("PARLEY_MAX_MESSAGE_BYTES", 1...(1 << 24)) { configuration.maximumMessageBytes = value }
        if let value = try integer("PARLEY_MAX_BATCH", 1...100_000) { configuration.maximumBatchMessages = value }
        if let value = try integer("PARLEY_WATCH_INTERVAL_MS", 0...3_600_000) { configuration.watchIntervalMilliseconds = value }
        if let value = try integer("PARLEY_DRAIN_DELAY_MS", 0...600_000) { configuration.drainDelayMilliseconds = value }
        if let value = try integer("PARLEY_THREADS", 0...256) { configuration.eventLoopThreads = value }
        if let text = string("PARLEY_MODERATE_ON_EVENT_LOOP") {
            switch text {
            case "on": configuration.moderateOnEventLoop = true
            case "off": configuration.moderateOnEventLoop = false
            default: throw ServerConfigurationError(setting: "PARLEY_MODERATE_ON_EVENT_LOOP", value: text, expected: "on or off")
            }
        }
        if let value = string("PARLEY_LOG_SALT") { configuration.logSalt = value }
        if let text = string("PARLEY_LOG_LEVEL") {
            guard let level = Logger.Level(rawValue: text) else {
                throw ServerConfigurationError(setting: "PARLEY_LOG_LEVEL", value: text, expected: "trace, debug, info, notice, warning, error or critical")
            }
            configuration.logLevel = level
        }
        return configuration
    }
}

/// A setting whose value does not parse.
public struct ServerConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var setting: String
    public var value: String
    public var expected: String

    public var description: String { "\(setting)='\(value)': expected \(expected)" }
}
