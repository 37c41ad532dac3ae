#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers `POST /v1/moderate` on the network thread that read it, in the public listener's
/// pipeline between Hummingbird's HTTP decoding and its router; every other request goes on to the
/// router untouched.
///
/// Why: the router runs each request as a task on Swift's concurrency pool and streams the body
/// and the answer across threads. For a message that takes 20–30 µs to moderate, that hand-over
/// cost more than the moderation (`Scripts/load.sh`: about 90 µs of server CPU per message through
/// the router). Here the body is gathered from the parts already decoded, moderated at once with
/// the in-memory state (``ParleyServer/moderateImmediately(_:)``: same parser, analyzer, metrics
/// and logs as the route) and the answer written straight back.
///
/// It steps aside, and the request goes to the router, whenever that is simpler or needed: another
/// route or method, a query string, `Connection: close`, a body over the limit, a body the fast
/// parser declines (so that `JSONDecoder` names the bad field), a request while an earlier one on
/// the connection is still with the router (answers stay in order when a client pipelines), and
/// once the server is shutting down (the router closes the connection after its answer).
final class ModerateChannelHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// One answer of the network-thread path.
    struct Answer {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
    }

    private enum State {
        /// Between requests.
        case idle
        /// Gathering the body of a `/v1/moderate` request to answer here.
        case gathering(HTTPRequest, ByteBuffer?)
        /// Passing the parts of the current request to the router.
        case routing
    }

    private let server: ParleyServer
    private let bodyLimit: Int
    private var state = State.idle
    /// Requests handed to the router whose answer has not been written in full yet.
    private var routedInFlight = 0
    /// The server is shutting down: every request goes to the router, which closes the connection.
    private var quiescing = false
    /// A shutdown notice held back while a request is gathered, passed on once it is answered.
    private var heldQuiesceEvent: Any?
    /// Answers written since the last flush (flushed once per read batch).
    private var unflushed = false
    private var date = HTTPDate()

    init(server: ParleyServer) {
        self.server = server
        bodyLimit = server.configuration.maximumBodyBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch (state, part) {
        case (.idle, .head(let head)):
            if routedInFlight == 0, !quiescing, Self.isModerate(head) {
                state = .gathering(head, nil)
            } else {
                route(head, context: context)
            }
        case (.gathering(let head, var body), .body(let chunk)):
            if (body?.readableBytes ?? 0) + chunk.readableBytes > bodyLimit {
                // The router answers 413 and reads the rest of the body.
                route(head, context: context)
                if let body { context.fireChannelRead(wrapInboundOut(.body(body))) }
                context.fireChannelRead(data)
                return
            }
            if body == nil {
                body = chunk
            } else {
                body!.writeImmutableBuffer(chunk)
            }
            state = .gathering(head, body)
        case (.gathering(let head, let body), .end):
            state = .idle
            if let answer = server.moderateImmediately(body ?? ByteBuffer()) {
                write(answer, context: context)
            } else {
                route(head, context: context)
                if let body { context.fireChannelRead(wrapInboundOut(.body(body))) }
                context.fireChannelRead(data)
                state = .idle
            }
            passHeldQuiesceEvent(context: context)
        case (.routing, .end):
            state = .idle
            context.fireChannelRead(data)
        default:
            context.fireChannelRead(data)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if unflushed {
            unflushed = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // Only the router's answers pass here: this handler's own go from its context onwards.
        if case .end = unwrapOutboundIn(data) { routedInFlight -= 1 }
        context.write(data, promise: promise)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ChannelShouldQuiesceEvent else { return context.fireUserInboundEventTriggered(event) }
        quiescing = true
        if case .gathering = state {
            heldQuiesceEvent = event
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func route(_ head: HTTPRequest, context: ChannelHandlerContext) {
        routedInFlight += 1
        state = .routing
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    private func write(_ answer: Answer, context: ChannelHandlerContext) {
        var head = HTTPResponse(status: answer.status, headerFields: answer.headers)
        head.headerFields[.contentLength] = String(answer.body.readableBytes)
        head.headerFields[.date] = date.now()
        head.headerFields[.server] = "parley"
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(answer.body)), promise: nil)
        context.write(wrapOutboundOut(.end(nil)), promise: nil)
        unflushed = true
    }

    /// After the gathered request is answered or routed: the connection state handler further on
    /// then closes the connection once it is idle.
    private func passHeldQuiesceEvent(context: ChannelHandlerContext) {
        guard let event = heldQuiesceEvent else { return }
        heldQuiesceEvent = nil
        if unflushed {
            unflushed = false
            context.flush()
        }
        context.fireUserInboundEventTriggered(event)
    }

    private static func isModerate(_ head: HTTPRequest) -> Bool {
        head.method == .post && head.path == "/v1/moderate" && head.headerFields[.connection] != "close"
    }
}

/// The `Date` header's value (RFC 9110 IMF-fixdate), formatted once a second.
struct HTTPDate {
    private var second = -1
    private var text = ""

    mutating func now() -> String {
        let seconds = time(nil)
        if seconds != second {
            second = seconds
            text = Self.format(seconds)
        }
        return text
    }

    static func format(_ seconds: Int) -> String {
        var clock = time_t(seconds)
        var parts = tm()
        gmtime_r(&clock, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(1900 + parts.tm_year) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
