import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import ParleyTesting

/// One `parley serve` process (the executable built beside the tests) on free loopback ports, with
/// a small HTTP client whose every request is bounded by a timeout.
final class Sidecar: @unchecked Sendable {
    static let adminToken = "integration-admin-token"

    let child: ChildProcess
    let port: Int
    let adminPort: Int
    private let session: URLSession

    struct Reply {
        var status: Int
        var body: Data
        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }


    /// Starts `parley serve` with ports picked by the kernel (read back from its "listening" log
    /// lines) and waits until `/readyz` answers 200; every wait has a deadline.
    init(name: String, arguments: [String], directory: URL, readySeconds: Double = 180) async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["PARLEY_LEXICONS"] = Fixtures.lexiconsDirectory
        environment["PARLEY_MODELS"] = Fixtures.modelsDirectory
        child = try ChildProcess(
            name: name, executable: Fixtures.parleyExecutable,
            arguments: ["serve", "--port", "0", "--admin-port", "0", "--admin-token", Self.adminToken] + arguments,
            environment: environment, directory: directory)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.timeoutIntervalForResource = 15
        session = URLSession(configuration: configuration)
        port = try Self.port(in: try await child.waitForLine(containing: #""api":"public""#, seconds: readySeconds), of: name)
        adminPort = try Self.port(in: try await child.waitForLine(containing: #""api":"admin""#, seconds: readySeconds), of: name)
        let deadline = ContinuousClock.now + .milliseconds(Int(readySeconds * 1000))
        while true {
            if let reply = try? await request("GET", "/readyz"), reply.status == 200 { break }
            guard ContinuousClock.now < deadline, child.isRunning else {
                throw ChildProcessError(description: "\(name) never became ready; output:\n\(child.output)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    private static func port(in line: String, of name: String) throws -> Int {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let port = object["port"] as? Int
        else { throw ChildProcessError(description: "\(name): no port in \(line)") }
        return port
    }

    func request(_ method: String, _ path: String, json: Any? = nil, admin: Bool = false) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(admin ? adminPort : port)\(path)")!)
        request.httpMethod = method
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if admin { request.setValue("Bearer \(Self.adminToken)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await session.data(for: request)
        return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }

    /// `POST /v1/moderate` of a plain message from `sender`.
    func moderate(_ text: String, sender: String, id: String) async throws -> Reply {
        try await request("POST", "/v1/moderate", json: [
            "text": text,
            "context": ["messageId": id, "senderId": sender, "recipientId": "venue-1", "conversationId": "conv-\(sender)",
                        "verificationLevel": "identity", "tier": "standard"],
        ])
    }

    /// The sum of the `/metrics` series whose line starts with `prefix` (a name, or a name and its
    /// first labels: `parley_redis_errors_total{operation="rate"`).
    func metric(_ prefix: String) async throws -> Double {
        let text = try await request("GET", "/metrics").text
        return text.split(separator: "\n").filter { $0.hasPrefix(prefix) }.reduce(0) { $0 + (Double($1.split(separator: " ").last ?? "") ?? 0) }
    }

    deinit { child.stop() }
}

extension Sidecar.Reply {
    /// Whether the verdict of a `/v1/moderate` answer carries the rate-limit rule.
    var isRateLimited: Bool {
        let rules = (object["moderation"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        return rules.contains { $0["symbol"] as? String == "POLICY_RATE_LIMIT" }
    }

    var action: String? { (object["moderation"] as? [String: Any])?["action"] as? String }
}
