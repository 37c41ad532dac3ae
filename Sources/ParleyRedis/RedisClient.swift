import NIOCore
import NIOPosix

/// A Redis client for the sidecar's shared state: a RESP2 client written on SwiftNIO.
///
/// Why SwiftNIO rather than hiredis: hiredis's synchronous API blocks the calling thread for a
/// round trip (or a whole timeout when Redis is dead), and on the 2-core machines the sidecar runs
/// on, blocking Swift's cooperative threads would stall every request; its async API needs an
/// event-loop adapter of its own. NIO is non-blocking, its event loops are the ones Hummingbird
/// already runs on, timeouts are timers on those loops, and concurrent callers pipeline their
/// commands on one connection. RESP2 is small (five reply types), and no apt package is needed.
///
/// Behaviour:
/// - Connects lazily on the first call; concurrent callers share one connection attempt.
/// - Every wait is bounded: TCP connect by ``RedisConfiguration/connectTimeout``, each reply by
///   ``RedisConfiguration/commandTimeout``. Errors are typed (``RedisError``).
/// - After a connection error (timeout, reset, protocol error) the connection is dropped and the
///   next call reconnects; after a failed connect, calls within ``RedisConfiguration/reconnectDelay``
///   fail at once. Commands are never retried automatically (a write may have happened).
/// - ``evaluate(_:keys:arguments:)`` runs scripts with `EVALSHA`, falling back to `SCRIPT LOAD` on
///   `NOSCRIPT`.
public actor RedisClient {
    public nonisolated let configuration: RedisConfiguration
    private let group: any EventLoopGroup
    private var connection: RedisConnection?
    private var connecting: Task<RedisConnection, any Error>?
    /// The last failed connect, which calls within ``RedisConfiguration/reconnectDelay`` repeat.
    private var connectFailure: (at: ContinuousClock.Instant, error: RedisError)?
    /// SHA1 of each script source, as `SCRIPT LOAD` returned it.
    private var scriptHashes: [String: String] = [:]

    /// A client for `configuration`; nothing connects until the first command. Cost: O(1).
    public init(configuration: RedisConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
    }

    /// A client for `redis://[[user]:password@]host[:port][/db]`. Cost: parsing the URL.
    /// - Throws: ``RedisError/invalidURL(_:reason:)``.
    public init(
        url: String, connectTimeout: Duration = .milliseconds(250), commandTimeout: Duration = .milliseconds(250),
        reconnectDelay: Duration = .milliseconds(100),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws(RedisError) {
        self.init(
            configuration: try RedisConfiguration(
                url: url, connectTimeout: connectTimeout, commandTimeout: commandTimeout,
                reconnectDelay: reconnectDelay),
            group: group)
    }

    /// Sends one command (`["SET", "key", "value"]`) and returns its reply. Cost: one round trip,
    /// plus a connect if there is no live connection.
    /// - Throws: ``RedisError/server(_:)`` for an error reply, a connection error otherwise.
    public func send(_ arguments: [String]) async throws(RedisError) -> RedisValue {
        let connection = try await liveConnection()
        do throws(RedisError) {
            return try await connection.send(arguments)
        } catch {
            if error.isConnectionError { drop(connection) }
            throw error
        }
    }

    /// Runs `script` with `EVALSHA`, loading it first if this client has not yet, and again if
    /// Redis no longer has it (`NOSCRIPT`). Cost: one round trip; three after a Redis restart.
    public func evaluate(_ script: RedisScript, keys: [String], arguments: [String]) async throws(RedisError) -> RedisValue {
        let hash: String
        if let known = scriptHashes[script.source] {
            hash = known
        } else {
            hash = try await load(script)
        }
        do throws(RedisError) {
            return try await send(["EVALSHA", hash, String(keys.count)] + keys + arguments)
        } catch {
            guard case .server(let message) = error, message.hasPrefix("NOSCRIPT") else { throw error }
            let reloaded = try await load(script)
            return try await send(["EVALSHA", reloaded, String(keys.count)] + keys + arguments)
        }
    }

    deinit {
        connection?.close()
    }

    /// `PING`, for readiness checks. Cost: one round trip.
    public func ping() async throws(RedisError) {
        let reply = try await send(["PING"])
        guard case .simpleString("PONG") = reply else { throw .unexpectedReply(expected: "PONG", got: reply.description) }
    }

    /// Closes the connection, if any; a later call connects again. Cost: O(1).
    public func close() {
        connecting?.cancel()
        connecting = nil
        connection?.close()
        connection = nil
    }

    private func load(_ script: RedisScript) async throws(RedisError) -> String {
        let hash = try await send(["SCRIPT", "LOAD", script.source]).string()
        scriptHashes[script.source] = hash
        return hash
    }

    private func liveConnection() async throws(RedisError) -> RedisConnection {
        if let connection {
            if connection.isActive { return connection }
            drop(connection)
        }
        if let connectFailure, ContinuousClock.now - connectFailure.at < configuration.reconnectDelay {
            throw connectFailure.error
        }
        let attempt: Task<RedisConnection, any Error>
        if let connecting {
            attempt = connecting
        } else {
            let configuration = configuration
            let group = group
            attempt = Task { try await RedisConnection.connect(configuration, group: group) }
            connecting = attempt
        }
        let result = await attempt.result
        switch result {
        case .success(let fresh):
            if connecting == attempt {
                connecting = nil
                connection = fresh
                connectFailure = nil
            }
            return fresh
        case .failure(let failure):
            let error = (failure as? RedisError) ?? .connectFailed(endpoint: configuration.endpoint, reason: "\(failure)")
            if connecting == attempt {
                connecting = nil
                connectFailure = (ContinuousClock.now, error)
            }
            throw error
        }
    }

    private func drop(_ stale: RedisConnection) {
        stale.close()
        if connection === stale { connection = nil }
    }
}
