import NIOCore
import NIOPosix

/// One TCP connection to Redis, handshake done (`AUTH`, `SELECT`). Many commands may be in flight
/// at once from different tasks: they are pipelined and their replies matched in order.
final class RedisConnection: Sendable {
    let channel: any Channel
    let commandTimeout: TimeAmount

    private init(channel: any Channel, commandTimeout: TimeAmount) {
        self.channel = channel
        self.commandTimeout = commandTimeout
    }

    var isActive: Bool { channel.isActive }

    /// Connects and runs the handshake. Cost: one TCP connect plus up to two round trips, bounded
    /// by the connect timeout (TCP) and the command timeout (each handshake command).
    static func connect(_ configuration: RedisConfiguration, group: any EventLoopGroup) async throws(RedisError) -> RedisConnection {
        let endpoint = configuration.endpoint
        let connectTimeout = TimeAmount(configuration.connectTimeout)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(connectTimeout)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(RedisChannelHandler())
                    }
                }
                .connect(host: configuration.host, port: configuration.port)
                .get()
        } catch let error as ChannelError {
            if case .connectTimeout = error {
                throw .connectTimeout(endpoint: endpoint, milliseconds: connectTimeout.nanoseconds / 1_000_000)
            }
            throw .connectFailed(endpoint: endpoint, reason: "\(error)")
        } catch {
            throw .connectFailed(endpoint: endpoint, reason: "\(error)")
        }
        let connection = RedisConnection(channel: channel, commandTimeout: TimeAmount(configuration.commandTimeout))
        do throws(RedisError) {
            if let password = configuration.password {
                var auth = ["AUTH"]
                if let username = configuration.username { auth.append(username) }
                auth.append(password)
                _ = try await connection.send(auth, name: "AUTH")
            }
            if configuration.database != 0 {
                _ = try await connection.send(["SELECT", String(configuration.database)], name: "SELECT")
            }
        } catch {
            connection.close()
            throw error
        }
        return connection
    }

    /// Sends one command and awaits its reply. Cost: one round trip (shared with other commands
    /// in flight), bounded by the command timeout.
    /// - Throws: ``RedisError/server(_:)`` for an error reply; a connection error otherwise.
    func send(_ arguments: [String], name: String? = nil) async throws(RedisError) -> RedisValue {
        let promise = channel.eventLoop.makePromise(of: RedisValue.self)
        var bytes = channel.allocator.buffer(capacity: 64 + arguments.reduce(0) { $0 + $1.utf8.count + 16 })
        RESPCodec.encodeCommand(arguments, into: &bytes)
        let request = RedisRequest(bytes: bytes, promise: promise, name: name ?? arguments.first ?? "", timeout: commandTimeout)
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { error in
            promise.fail((error as? RedisError) ?? RedisError.connectionClosed)
        }
        channel.writeAndFlush(request, promise: written)
        do {
            return try await promise.futureResult.get()
        } catch {
            throw (error as? RedisError) ?? .connectionClosed
        }
    }

    func close() {
        channel.close(promise: nil)
    }
}
