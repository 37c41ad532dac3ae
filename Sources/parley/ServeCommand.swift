import ArgumentParser
import Foundation
import Logging
import ParleyModeration
import ParleyRedis
import ParleyServer

/// `parley serve`: the HTTP sidecar (see docs/http-api.md and openapi.yaml).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP sidecar the chat server calls per message.",
        discussion: """
            Serves the public API on --host:--port (default 127.0.0.1:8080) and, with an admin token, \
            the admin API on --admin-host:--admin-port (default 127.0.0.1:8081). Every option also \
            reads an environment variable (PARLEY_HOST, PARLEY_PORT, PARLEY_ADMIN_HOST, \
            PARLEY_ADMIN_PORT, PARLEY_ADMIN_TOKEN, PARLEY_LEXICONS, PARLEY_MODELS, \
            PARLEY_MAX_BODY_BYTES, PARLEY_MAX_MESSAGE_BYTES, PARLEY_MAX_BATCH, PARLEY_WATCH_INTERVAL_MS, PARLEY_DRAIN_DELAY_MS, PARLEY_THREADS, PARLEY_MODERATE_ON_EVENT_LOOP, \
            PARLEY_LOG_LEVEL, PARLEY_LOG_SALT); an option given on the command line wins. Logs are JSON \
            lines on standard error. A changed file under the Lexicons or Models folder (checked every \
            second), SIGHUP and POST /admin/reload reload the lexicons; SIGTERM finishes the requests in flight, \
            then exits 0.
            """
    )

    @Option(name: .long, help: "Address of the public API (env PARLEY_HOST; default 127.0.0.1).")
    var host: String?
    @Option(name: .long, help: "Port of the public API (env PARLEY_PORT; default 8080; 0 picks a free one).")
    var port: Int?
    @Option(name: .long, help: "Address of the admin API (env PARLEY_ADMIN_HOST; default 127.0.0.1).")
    var adminHost: String?
    @Option(name: .long, help: "Port of the admin API (env PARLEY_ADMIN_PORT; default 8081).")
    var adminPort: Int?
    @Option(name: .long, help: "Bearer token of the admin API (env PARLEY_ADMIN_TOKEN); without one the admin API is off.")
    var adminToken: String?
    @Option(name: .long, help: "The Lexicons folder (env PARLEY_LEXICONS; default: the nearest Lexicons/).")
    var lexicons: String?
    @Option(name: .long, help: "The Models folder (env PARLEY_MODELS; default: the nearest Models/).")
    var models: String?
    @Option(name: .long, help: "Largest request body in bytes (env PARLEY_MAX_BODY_BYTES; default 1048576).")
    var maxBodyBytes: Int?
    @Option(name: .long, help: "Largest message text in UTF-8 bytes (env PARLEY_MAX_MESSAGE_BYTES; default 65536).")
    var maxMessageBytes: Int?
    @Option(name: .long, help: "Most messages in one batch (env PARLEY_MAX_BATCH; default 500).")
    var maxBatch: Int?
    @Option(name: .long, help: "Check the Lexicons and Models folders for changed files every this many milliseconds and reload them (env PARLEY_WATCH_INTERVAL_MS; default 1000; 0: off).")
    var watchIntervalMs: Int?
    @Option(name: .long, help: "After SIGTERM, answer /readyz with 503 for this many milliseconds before closing the listeners (env PARLEY_DRAIN_DELAY_MS; default 0).")
    var drainDelayMs: Int?
    @Option(name: .long, help: "Network event-loop threads; 0: one per core (env PARLEY_THREADS; default: one per core when /v1/moderate is answered on them, else 1).")
    var threads: Int?
    @Option(name: .long, help: "Answer /v1/moderate on the network threads, without the router's task, when the state is in memory: on or off (env PARLEY_MODERATE_ON_EVENT_LOOP; default on).")
    var moderateOnEventLoop: String?
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical (env PARLEY_LOG_LEVEL; default info).")
    var logLevel: String?
    @Option(name: .long, help: "Share rate limits, contact counts and fingerprints with other replicas through this Redis, redis://[[user]:password@]host[:port][/db] (env PARLEY_REDIS_URL; default: in memory, this process only).")
    var redisURL: String?
    @Option(name: .long, help: "When Redis cannot be reached: fail-open (let messages through) or fail-closed (hold them) (env PARLEY_REDIS_FAILURE_MODE; default fail-open).")
    var redisFailureMode: String?

    func validate() throws {
        for (name, value) in [("--port", port), ("--admin-port", adminPort)] {
            if let value, !(0...65535).contains(value) { throw ValidationError("\(name) must be from 0 to 65535") }
        }
        for (name, value) in [("--max-body-bytes", maxBodyBytes), ("--max-message-bytes", maxMessageBytes), ("--max-batch", maxBatch)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1") }
        }
        if let watchIntervalMs, !(0...3_600_000).contains(watchIntervalMs) {
            throw ValidationError("--watch-interval-ms must be from 0 to 3600000")
        }
        if let drainDelayMs, !(0...600_000).contains(drainDelayMs) {
            throw ValidationError("--drain-delay-ms must be from 0 to 600000")
        }
        if let threads, !(0...256).contains(threads) { throw ValidationError("--threads must be from 0 to 256") }
        if let moderateOnEventLoop, !["on", "off"].contains(moderateOnEventLoop) {
            throw ValidationError("--moderate-on-event-loop must be on or off")
        }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level must be trace, debug, info, notice, warning, error or critical")
        }
        if let adminToken, adminToken.isEmpty { throw ValidationError("--admin-token must not be empty") }
        if let redisFailureMode, RedisFailureMode(rawValue: redisFailureMode) == nil {
            throw ValidationError("--redis-failure-mode must be fail-open or fail-closed")
        }
    }

    /// The moderation state: Redis when a URL is given (flag or environment), else in memory.
    func moderationState(metrics: ServerMetrics) throws -> any ModerationState {
        let environment = ProcessInfo.processInfo.environment
        guard let url = redisURL ?? environment["PARLEY_REDIS_URL"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return InMemoryModerationState()
        }
        let modeName = redisFailureMode ?? environment["PARLEY_REDIS_FAILURE_MODE"] ?? RedisFailureMode.failOpen.rawValue
        guard let mode = RedisFailureMode(rawValue: modeName) else {
            throw ValidationError("PARLEY_REDIS_FAILURE_MODE must be fail-open or fail-closed, not '\(modeName)'")
        }
        do {
            return RedisModerationState(client: try RedisClient(url: url), failureMode: mode) { operation, error in
                metrics.redisError(operation: operation, kind: error.kind)
            }
        } catch {
            throw ValidationError("--redis-url: \(error)")
        }
    }

    func run() async throws {
        var configuration: ServerConfiguration
        do {
            configuration = try ServerConfiguration.fromEnvironment()
        } catch {
            throw ValidationError(error.description)
        }
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        if let adminHost { configuration.adminHost = adminHost }
        if let adminPort { configuration.adminPort = adminPort }
        if let adminToken { configuration.adminToken = adminToken }
        if let lexicons { configuration.lexiconsDirectory = lexicons }
        if let models { configuration.modelsDirectory = models }
        if let maxBodyBytes { configuration.maximumBodyBytes = maxBodyBytes }
        if let maxMessageBytes { configuration.maximumMessageBytes = maxMessageBytes }
        if let maxBatch { configuration.maximumBatchMessages = maxBatch }
        if let watchIntervalMs { configuration.watchIntervalMilliseconds = watchIntervalMs }
        if let drainDelayMs { configuration.drainDelayMilliseconds = drainDelayMs }
        if let threads { configuration.eventLoopThreads = threads }
        if let moderateOnEventLoop { configuration.moderateOnEventLoop = moderateOnEventLoop == "on" }
        if let logLevel, let level = Logger.Level(rawValue: logLevel) { configuration.logLevel = level }

        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        var logger = Logger(label: "parley")
        logger.logLevel = level
        let metrics = ServerMetrics()
        let state = try moderationState(metrics: metrics)
        let server: ParleyServer
        do {
            server = try ParleyServer(configuration: configuration, logger: logger, state: state, metrics: metrics)
        } catch {
            StandardError.write("parley serve: \(error.description)")
            throw ExitCode(2)
        }
        try await server.run()
    }
}
