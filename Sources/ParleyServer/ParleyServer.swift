import Foundation
import Atomics
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ParleyModeration
import ParleyText
import ParleyVocabulary
import ServiceLifecycle
import UnixSignals

/// The HTTP sidecar: decodes JSON, calls the library, encodes JSON. It holds no logic of its own.
///
/// Two listeners: the public API (`/v1/…`, `/healthz`, `/readyz`, `/metrics`) and, when an admin
/// token is set, the admin API (`/admin/…`) on its own loopback port behind that bearer token.
public struct ParleyServer: Sendable {
    public let configuration: ServerConfiguration
    public let store: ResourceStore
    public let metrics: ServerMetrics
    /// Rate limits, contact counters and message fingerprints: in memory for one instance, shared
    /// (Redis) for replicas.
    public let state: any ModerationState
    /// The same state when it answers at once (in memory): then `/v1/moderate` is answered on the
    /// network thread (``ModerateChannelHandler``).
    let immediateState: (any SynchronousModerationState)?
    let pool: AnalyzerPool
    let logger: Logger
    let hashUser: UserIdHash
    /// The network event loops of both listeners.
    let eventLoops: any EventLoopGroup
    /// Set when shutdown starts: `/readyz` then answers 503.
    let draining = ManagedAtomic(false)
    /// The `Lexicons/` and `Models/` folders the snapshot is built from (watched for changes).
    public let resourceDirectories: [String]

    /// Finds the resource folders and builds the first snapshot.
    /// - Parameter metrics: where every metric goes; pass one made beforehand when something built
    ///   before the server (the Redis state's error hook) reports into it.
    /// - Throws: ``ServerStartError`` when a folder is missing or the resources do not build.
    /// - Complexity: the first ``ResourceSnapshot/build(lexiconsDirectory:modelsDirectory:)``.
    public init(configuration: ServerConfiguration, logger: Logger,
                state: any ModerationState = InMemoryModerationState(), metrics: ServerMetrics = ServerMetrics()) throws(ServerStartError) {
        guard let lexicons = configuration.lexiconsDirectory ?? ResourceLocator.lexiconsDirectory() else {
            throw ServerStartError(description: "cannot find the Lexicons folder; pass --lexicons or set PARLEY_LEXICONS")
        }
        guard let models = configuration.modelsDirectory ?? ResourceLocator.modelsDirectory() else {
            throw ServerStartError(description: "cannot find the Models folder; pass --models or set PARLEY_MODELS")
        }
        do {
            store = try ResourceStore(metrics: metrics, logger: logger) { () throws(DiagnosticList) in
                try ResourceSnapshot.build(lexiconsDirectory: lexicons, modelsDirectory: models)
            }
        } catch {
            throw ServerStartError(description: "the resources do not build:\n\(error.description)")
        }
        self.configuration = configuration
        resourceDirectories = [lexicons, models]
        self.state = state
        immediateState = state as? any SynchronousModerationState
        let moderatesOnEventLoop = configuration.moderateOnEventLoop && immediateState != nil
        eventLoops = Self.eventLoopGroup(threads: configuration.eventLoopThreads ?? (moderatesOnEventLoop ? 0 : 1))
        self.metrics = metrics
        self.logger = logger
        pool = AnalyzerPool(store: store, configuration: configuration)
        hashUser = UserIdHash(salt: configuration.logSalt)
    }

    /// Event-loop groups by thread count, shared by every server of the process and never shut
    /// down, as SwiftNIO's own singleton (tests start many servers; each must not leak threads).
    private static let eventLoopGroups = NIOLockedValueBox<[Int: MultiThreadedEventLoopGroup]>([:])

    private static func eventLoopGroup(threads: Int) -> MultiThreadedEventLoopGroup {
        guard threads > 0 else { return MultiThreadedEventLoopGroup.singleton }
        return eventLoopGroups.withLockedValue { groups in
            if let group = groups[threads] { return group }
            let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
            groups[threads] = group
            return group
        }
    }

    /// Reloads off the cooperative thread pool (the build blocks for tens of milliseconds).
    public func reload() async -> ReloadOutcome {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: store.reload()) }
        }
    }

    // MARK: Public API

    /// The public routes.
    public func publicRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let routes = RouteMethods()
        router.middlewares.add(ProblemMiddleware(metrics: metrics, logger: logger, routes: routes))
        router.get("/healthz") { _, _ in json(["status": "ok"]) }
        router.get("/readyz") { _, _ in
            guard !draining.load(ordering: .acquiring) else { throw Problem.draining }
            // Lending an analyzer proves the snapshot and a segmenter (ICU) are usable.
            let version = try await pool.withAnalyzer { analyzer throws(Problem) in analyzer.snapshot.version }
            return json(["status": "ready", "resourcesVersion": version])
        }
        router.get("/metrics") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
        router.post("/v1/analyze") { request, _ in
            let body = try await JSONBody.decodeAnalyzeRequest(from: request, limit: configuration.maximumBodyBytes)
            return json(try await analyze(body, at: ""))
        }
        router.post("/v1/moderate") { request, _ in
            let body = try await JSONBody.decodeAnalyzeRequest(from: request, limit: configuration.maximumBodyBytes)
            let response = try await moderate(body, at: "")
            return ModerateResponseWriter.response(response) ?? json(response)
        }
        router.post("/v1/attachments/check") { request, _ in
            let body = try await JSONBody.decode(AttachmentCheckRequest.self, from: request, limit: configuration.maximumBodyBytes)
            let response = try await pool.withAnalyzer { analyzer throws(Problem) in try analyzer.checkAttachment(body, at: "") }
            metrics.verdict(action: response.action.rawValue, label: response.allowed ? "ok" : "attachment")
            return json(response)
        }
        router.post("/v1/batch") { request, _ in
            let body = try await JSONBody.decode(BatchRequest.self, from: request, limit: configuration.maximumBodyBytes)
            guard body.messages.count <= configuration.maximumBatchMessages else {
                throw Problem.invalidValue("/messages", "\(body.messages.count) messages; a batch holds at most \(configuration.maximumBatchMessages)")
            }
            try await pool.withAnalyzer { analyzer throws(Problem) in
                for (index, item) in body.messages.enumerated() { try analyzer.validateContext(of: item, at: "/messages/\(index)") }
            }
            var results: [BatchItem] = []
            results.reserveCapacity(body.messages.count)
            for (index, item) in body.messages.enumerated() {
                do throws(Problem) {
                    results.append(BatchItem(index: index, result: try await analyze(item, at: "/messages/\(index)"), problem: nil))
                } catch {
                    results.append(BatchItem(index: index, result: nil, problem: error))
                }
            }
            let failed = results.reduce(0) { $0 + ($1.problem == nil ? 0 : 1) }
            return json(BatchResponse(results: results, analysed: results.count - failed, failed: failed))
        }
        router.get("/v1/complete") { request, _ in
            let parameters = request.uri.queryParameters
            guard let query = parameters.get("q") else { throw Problem.invalidParameter("q", "the query parameter 'q' (what the user typed) is required") }
            let catalog = store.current.vocabulary
            let language = parameters.get("lang") ?? "fr"
            guard catalog.languages.contains(language) else {
                throw Problem.invalidParameter("lang", "'\(language)' is not one of \(catalog.languages.joined(separator: ", "))")
            }
            var limit = 10
            if let text = parameters.get("limit") {
                guard let value = Int(text), (1...Vocabulary.maximumLimit).contains(value) else {
                    throw Problem.invalidParameter("limit", "'\(text)' is not an integer from 1 to \(Vocabulary.maximumLimit)")
                }
                limit = value
            }
            let recent = parameters.getAll("recent")
            guard let response = catalog.complete(query, language: language, limit: limit, recent: recent) else {
                throw Problem.invalidParameter("lang", "'\(language)' is not loaded")
            }
            return json(response)
        }
        routes.record(router)
        return router
    }

    /// Analyses one message with a pooled analyzer and counts it.
    func analyze(_ request: AnalyzeRequest, at pointer: String) async throws(Problem) -> AnalyzeResponse {
        do {
            let response = try await pool.withAnalyzer { analyzer throws(Problem) in
                try await analyzer.analyze(request, at: pointer, state: state)
            }
            metrics.messageAnalysed(language: response.language.code, sentiment: response.tone.sentiment.label.rawValue)
            counted(response.moderation, request)
            return response
        } catch {
            metrics.messageRejected(reason: String(error.type.split(separator: "/").last ?? "problem"))
            throw error
        }
    }

    /// Moderates one message with a pooled analyzer and counts its verdict.
    func moderate(_ request: AnalyzeRequest, at pointer: String) async throws(Problem) -> ModerateResponse {
        do {
            let response = try await pool.withAnalyzer { analyzer throws(Problem) in
                try await analyzer.moderate(request, at: pointer, state: state)
            }
            counted(response.moderation, request)
            return response
        } catch {
            metrics.messageRejected(reason: String(error.type.split(separator: "/").last ?? "problem"))
            throw error
        }
    }

    /// Answers one `/v1/moderate` body at once, on the calling (network) thread, with the same
    /// answer, metrics and logs as the route; nil when it cannot: the state is not immediate
    /// (Redis), or the fast parser declines the body (then `JSONDecoder` must name the bad field),
    /// and the request goes through the router instead. Nothing is counted before it can answer.
    /// - Complexity: one UTF-8 check, one parse, one moderation pass, one answer written.
    func moderateImmediately(_ body: ByteBuffer) -> ModerateChannelHandler.Answer? {
        guard let state = immediateState else { return nil }
        let start = ContinuousClock.now
        guard JSONBody.firstInvalidUTF8(body.readableBytesView) == nil,
              let request = body.withUnsafeReadableBytes({ AnalyzeRequestParser.parse($0) }) else { return nil }
        var answer: ModerateChannelHandler.Answer
        do throws(Problem) {
            let response = try pool.withAnalyzerSynchronously { analyzer throws(Problem) in
                try analyzer.moderate(request, at: "", state: state)
            }
            counted(response.moderation, request)
            // The writer declines a non-finite score; `JSONEncoder` then says why it cannot be encoded.
            let body = if let written = ModerateResponseWriter.body(response) { written } else { try jsonBody(response) }
            answer = .init(status: .ok, headers: jsonHeaders, body: body)
        } catch {
            metrics.messageRejected(reason: String(error.type.split(separator: "/").last ?? "problem"))
            answer = .init(status: error.status, headers: error.headers, body: error.body())
        }
        let elapsed = ContinuousClock.now - start
        metrics.requestFinished(route: "/v1/moderate", method: "POST", status: answer.status.code,
                                nanoseconds: elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        return answer
    }

    private func counted(_ verdict: Verdict, _ request: AnalyzeRequest) {
        metrics.verdict(action: verdict.action.rawValue, label: verdict.label)
        if verdict.action != .allow || logger.logLevel <= .debug {
            // Never the text; the sender only hashed.
            logger.log(level: verdict.action == .allow ? .debug : .info, "message moderated", metadata: [
                "messageId": .string(request.context.messageId), "sender": .string(hashUser(request.context.senderId)),
                "action": .string(verdict.action.rawValue), "label": .string(verdict.label),
                "rules": .array(verdict.rules.prefix(5).map { .string($0.symbol) }),
            ])
        }
    }

    // MARK: Admin API

    /// The admin routes, behind the bearer token; nil without a token.
    public func adminRouter() -> Router<BasicRequestContext>? {
        guard let token = configuration.adminToken else { return nil }
        let router = Router(context: BasicRequestContext.self)
        let routes = RouteMethods()
        router.middlewares.add(ProblemMiddleware(metrics: metrics, logger: logger, routes: routes))
        router.middlewares.add(BearerTokenMiddleware(token: Array(token.utf8)))
        router.get("/admin/lexicons") { _, _ in json(LexiconReport(store: store)) }
        router.post("/admin/reload") { _, _ in
            switch await reload() {
            case .reloaded(let previous, let current):
                return json(ReloadReport(status: "reloaded", previousVersion: previous, version: current, changed: previous != current))
            case .failed(let serving, let errors):
                throw Problem.reloadFailed(serving: serving, errors: errors)
            }
        }
        routes.record(router)
        return router
    }

    // MARK: Running

    /// The services to run: the public listener, the admin listener (with a token), the SIGHUP
    /// reloader, the file watcher (unless its interval is 0) and the drain (readiness 503 on shutdown). `onPublicRunning`/`onAdminRunning` get each bound port (useful with port 0).
    public func services(
        reloadOnSIGHUP: Bool = true,
        onPublicRunning: @escaping @Sendable (Int) async -> Void = { _ in },
        onAdminRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> [any Service] {
        var services: [any Service] = [
            Application(
                router: publicRouter(),
                server: .http1(configuration: .init(additionalChannelHandlers: publicChannelHandlers())),
                configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "parley"),
                onServerRunning: { [logger] channel in
                    let port = channel.localAddress?.port ?? 0
                    logger.notice("listening", metadata: ["api": "public", "port": .stringConvertible(port)])
                    await onPublicRunning(port)
                },
                eventLoopGroupProvider: .shared(eventLoops),
                logger: logger)
        ]
        if let admin = adminRouter() {
            services.append(Application(
                router: admin,
                configuration: .init(address: .hostname(configuration.adminHost, port: configuration.adminPort), serverName: "parley-admin"),
                onServerRunning: { [logger] channel in
                    let port = channel.localAddress?.port ?? 0
                    logger.notice("listening", metadata: ["api": "admin", "port": .stringConvertible(port)])
                    await onAdminRunning(port)
                },
                eventLoopGroupProvider: .shared(eventLoops),
                logger: logger))
        } else {
            logger.warning("no admin token: the admin API (reload, lexicon report) is off; set PARLEY_ADMIN_TOKEN")
        }
        if reloadOnSIGHUP { services.append(SignalReloadService(server: self)) }
        if configuration.watchIntervalMilliseconds > 0 {
            services.append(LexiconWatchService(
                server: self, directories: resourceDirectories, interval: .milliseconds(configuration.watchIntervalMilliseconds)))
        }
        // Last: shutdown goes in reverse order, so readiness turns to 503 before anything closes.
        services.append(DrainService(draining: draining, delay: .milliseconds(configuration.drainDelayMilliseconds), logger: logger))
        return services
    }

    /// The handlers each public connection gets between HTTP decoding and the router: the
    /// network-thread path of `/v1/moderate` when it is on and the state answers at once.
    private func publicChannelHandlers() -> [any RemovableChannelHandler] {
        guard configuration.moderateOnEventLoop, immediateState != nil else { return [] }
        return [ModerateChannelHandler(server: self)]
    }

    /// Runs until SIGTERM or SIGINT, then stops accepting, finishes the requests in flight and returns.
    public func run() async throws {
        let group = ServiceGroup(configuration: .init(
            services: services().map { .init(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        logger.notice("parley serving", metadata: [
            "address": .string("\(configuration.host):\(configuration.port)"),
            "admin": .string(configuration.adminToken == nil ? "off" : "\(configuration.adminHost):\(configuration.adminPort)"),
            "resourcesVersion": .string(store.current.version),
        ])
        try await group.run()
        logger.notice("parley stopped")
    }
}
