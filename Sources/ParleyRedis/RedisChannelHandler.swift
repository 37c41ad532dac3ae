import NIOCore

/// One command on its way to Redis: the encoded bytes and the promise its reply completes.
struct RedisRequest: Sendable {
    var bytes: ByteBuffer
    var promise: EventLoopPromise<RedisValue>
    var name: String
    var timeout: TimeAmount
}

/// Matches replies to commands in order (Redis answers a connection's commands in the order they
/// were sent, which is what lets many callers pipeline on one connection) and arms a timer per
/// command. A timeout, a protocol error or the connection closing fails every pending command and
/// closes the channel: after a missed reply, the order can no longer be trusted.
final class RedisChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = RedisRequest
    typealias OutboundOut = ByteBuffer

    private struct Pending {
        var promise: EventLoopPromise<RedisValue>
        var name: String
        var timer: Scheduled<Void>?
    }

    private var pending = CircularBuffer<Pending>()
    private var received: ByteBuffer?
    /// Set once the connection is unusable; later writes fail at once with it.
    private var failure: RedisError?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let failure {
            request.promise.fail(failure)
            promise?.fail(failure)
            return
        }
        let milliseconds = request.timeout.nanoseconds / 1_000_000
        let name = request.name
        let timer = context.eventLoop.assumeIsolated().scheduleTask(in: request.timeout) { [self] in
            self.failAll(.commandTimeout(command: name, milliseconds: milliseconds), context: context)
        }
        pending.append(Pending(promise: request.promise, name: request.name, timer: timer))
        context.writeAndFlush(wrapOutboundOut(request.bytes), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        if received == nil {
            received = incoming
        } else {
            received!.writeBuffer(&incoming)
        }
        do {
            while var buffer = received, let reply = try RESPCodec.decodeReply(from: &buffer) {
                // Pipelined replies can keep a partial one at the end for ever: drop what was read.
                if buffer.readableBytes == 0 {
                    received = nil
                } else {
                    if buffer.readerIndex >= 16_384 { buffer.discardReadBytes() }
                    received = buffer
                }
                guard let command = pending.popFirst() else {
                    throw RedisError.protocolError("reply \(reply) with no command waiting for it")
                }
                command.timer?.cancel()
                if case .error(let message) = reply {
                    command.promise.fail(RedisError.server(message))
                } else {
                    command.promise.succeed(reply)
                }
            }
        } catch {
            failAll((error as? RedisError) ?? .protocolError("\(error)"), context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(.connectionClosed, context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        failAll(.connectionClosed, context: context)
    }

    private func failAll(_ error: RedisError, context: ChannelHandlerContext) {
        if failure == nil { failure = error }
        while let command = pending.popFirst() {
            command.timer?.cancel()
            if case .commandTimeout(_, let milliseconds) = error {
                command.promise.fail(RedisError.commandTimeout(command: command.name, milliseconds: milliseconds))
            } else {
                command.promise.fail(error)
            }
        }
        received = nil
        context.close(promise: nil)
    }
}
