/// Everything that can go wrong talking to Redis, typed so that callers (the moderation state, the
/// server's metrics) can tell an unreachable server from a bad reply or a bad configuration.
public enum RedisError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The Redis URL could not be parsed; `reason` says which part is wrong.
    case invalidURL(String, reason: String)
    /// The TCP connection was refused or failed (host down, no route, name not resolved).
    case connectFailed(endpoint: String, reason: String)
    /// The TCP connection (or its AUTH/SELECT handshake) did not complete within the connect timeout.
    case connectTimeout(endpoint: String, milliseconds: Int64)
    /// No reply came within the command timeout; the connection was dropped (a late reply would
    /// be matched to the wrong command) and the next call reconnects.
    case commandTimeout(command: String, milliseconds: Int64)
    /// The connection closed while a reply was awaited.
    case connectionClosed
    /// Redis answered with an error reply (`-ERR …`, `-NOSCRIPT …`, `-WRONGTYPE …`).
    case server(String)
    /// The bytes Redis sent are not valid RESP.
    case protocolError(String)
    /// A reply had a valid RESP shape but not the one the caller expected.
    case unexpectedReply(expected: String, got: String)

    /// Whether the error means the connection is unusable (so the next call must reconnect), as
    /// opposed to an error about one command on a healthy connection.
    public var isConnectionError: Bool {
        switch self {
        case .connectFailed, .connectTimeout, .commandTimeout, .connectionClosed, .protocolError: return true
        case .invalidURL, .server, .unexpectedReply: return false
        }
    }

    /// A short, stable name of the kind of failure, for metric labels: `url`, `connect`,
    /// `connect_timeout`, `timeout`, `closed`, `server`, `protocol`, `reply`.
    public var kind: String {
        switch self {
        case .invalidURL: return "url"
        case .connectFailed: return "connect"
        case .connectTimeout: return "connect_timeout"
        case .commandTimeout: return "timeout"
        case .connectionClosed: return "closed"
        case .server: return "server"
        case .protocolError: return "protocol"
        case .unexpectedReply: return "reply"
        }
    }

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason): return "invalid Redis URL '\(url)': \(reason)"
        case .connectFailed(let endpoint, let reason): return "cannot connect to Redis at \(endpoint): \(reason)"
        case .connectTimeout(let endpoint, let ms): return "connecting to Redis at \(endpoint) timed out after \(ms) ms"
        case .commandTimeout(let command, let ms): return "Redis command \(command) timed out after \(ms) ms"
        case .connectionClosed: return "the Redis connection closed"
        case .server(let message): return "Redis error: \(message)"
        case .protocolError(let message): return "Redis protocol error: \(message)"
        case .unexpectedReply(let expected, let got): return "unexpected Redis reply: expected \(expected), got \(got)"
        }
    }
}
