import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Logging
import ParleyServer
import ParleyTesting
import ServiceLifecycle

/// A real `ParleyServer` on free loopback ports, with an HTTP client, for one test.
struct TestServer {
    static let token = "test-admin-token"

    let server: ParleyServer
    let port: Int
    let adminPort: Int
    private let group: ServiceGroup
    private let running: Task<Void, any Error>
    private let session = URLSession(configuration: .ephemeral)

    struct Reply {
        var status: Int
        var contentType: String
        var body: Data
        var json: JSONValue? { JSONValue.parse(body) }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Starts a server over `lexicons` (default: the bundled ones) and waits until both ports listen.
    static func start(lexicons: String = Fixtures.lexiconsDirectory, configure: (inout ServerConfiguration) -> Void = { _ in })
        async throws -> TestServer
    {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.adminPort = 0
        configuration.adminToken = token
        configuration.lexiconsDirectory = lexicons
        configuration.modelsDirectory = Fixtures.modelsDirectory
        // Reloads only when a test asks (one that tests the watch sets an interval).
        configuration.watchIntervalMilliseconds = 0
        configure(&configuration)
        var logger = Logger(label: "parley-test")
        logger.logLevel = .warning
        let server = try ParleyServer(configuration: configuration, logger: logger)
        let (ports, continuation) = AsyncStream.makeStream(of: (String, Int).self)
        let services = server.services(
            reloadOnSIGHUP: false,
            onPublicRunning: { continuation.yield(("public", $0)) },
            onAdminRunning: { continuation.yield(("admin", $0)) })
        let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) }, logger: logger))
        let running = Task { try await group.run() }
        var found: [String: Int] = [:]
        for await (name, port) in ports {
            found[name] = port
            if found.count == 2 { break }
        }
        return TestServer(server: server, port: found["public"]!, adminPort: found["admin"]!, group: group, running: running)
    }

    /// Starts shutting down (as SIGTERM does) without waiting for it.
    func beginShutdown() async {
        await group.triggerGracefulShutdown()
    }

    /// Cancels every service at once (no drain, no waiting for requests) and waits for the group.
    func stopNow() async {
        running.cancel()
        _ = await running.result
    }

    /// Stops accepting, lets requests in flight finish, and waits for the group to return.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await running.value
    }

    func request(_ method: String, _ path: String, body: Data? = nil, admin: Bool = false,
                 token: String? = TestServer.token, contentType: String = "application/json") async throws -> Reply
    {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(admin ? adminPort : port)\(path)")!)
        request.httpMethod = method
        if let body {
            request.httpBody = body
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        if admin, let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        return Reply(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "", body: data)
    }

    func post(_ path: String, json: Any) async throws -> Reply {
        try await request("POST", path, body: try JSONSerialization.data(withJSONObject: json))
    }

    /// A valid analyze body.
    static func message(_ text: String, id: String = "m-1", extra: [String: Any] = [:]) -> [String: Any] {
        var context: [String: Any] = ["messageId": id, "senderId": "u-1", "conversationId": "c-1"]
        context.merge(extra) { $1 }
        return ["text": text, "context": context]
    }
}

/// Runs `body` against a started server and always stops it.
func withServer<Result>(lexicons: String = Fixtures.lexiconsDirectory, configure: (inout ServerConfiguration) -> Void = { _ in },
                        _ body: (TestServer) async throws -> Result) async throws -> Result {
    let server = try await TestServer.start(lexicons: lexicons, configure: configure)
    do {
        let result = try await body(server)
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}
