import Foundation
import Glibc
import NIOCore
import NIOPosix
import ParleyRedis
import Testing

/// Two `parley serve` processes sharing one `redis-server`, as replicas behind a load balancer:
/// limits are exact across them, a dead Redis gets each replica's declared mode (no crash, no hung
/// request), and both reconnect when Redis is back.
@Suite(.serialized) struct ReplicasWithRedisTests {
    /// A `redis-server` without persistence on `port`, output in the test's folder.
    static func startRedis(port: Int, directory: URL) async throws -> ChildProcess {
        guard let executable = executableInPath("redis-server") else {
            throw ChildProcessError(description: "redis-server not found in PATH (apt-get install redis-server, or run Scripts/setup.sh)")
        }
        let redis = try ChildProcess(
            name: "redis-\(port)", executable: executable,
            arguments: ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
            directory: directory)
        _ = try await redis.waitForLine(containing: "Ready to accept connections", seconds: 10)
        return redis
    }

    /// A loopback port nobody listens on now (the kernel's pick for a socket then closed).
    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }

    @Test(.timeLimit(.minutes(8)))
    func sixtyMessagesOverTwoReplicasGetExactlyFiftyThroughThenRedisDiesAndComesBack() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-replicas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let redisPort = try await Self.freePort()
        var redis = try await Self.startRedis(port: redisPort, directory: directory)
        defer { redis.stop() }
        let url = "redis://127.0.0.1:\(redisPort)"
        let open = try await Sidecar(name: "replica-open", arguments: ["--redis-url", url, "--redis-failure-mode", "fail-open"], directory: directory)
        defer { open.child.stop() }
        let closed = try await Sidecar(name: "replica-closed", arguments: ["--redis-url", url, "--redis-failure-mode", "fail-closed"], directory: directory)
        defer { closed.child.stop() }
        let replicas = [open, closed]

        // 60 messages from one sender, all at once, alternating replicas.
        let sender = "artist-\(UUID().uuidString.prefix(8))"
        let replies = try await withThrowingTaskGroup(of: Sidecar.Reply.self) { group in
            for index in 0..<60 {
                group.addTask {
                    try await replicas[index % 2].moderate("Bonjour, êtes-vous libres le \(index % 28 + 1) mars pour un concert ?",
                                                           sender: sender, id: "m-\(index)")
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(replies.allSatisfy { $0.status == 200 }, "\(replies.filter { $0.status != 200 }.map(\.text))")
        #expect(replies.filter { !$0.isRateLimited }.count == 50)
        #expect(replies.filter(\.isRateLimited).count == 10)
        #expect(replies.filter(\.isRateLimited).allSatisfy { $0.action == "block" })
        // The count lives in Redis: the hour window holds exactly the 50 accepted.
        let probe = RedisClient(configuration: RedisConfiguration(port: redisPort, reconnectDelay: .zero))
        #expect(try await probe.send(["ZCARD", "parley:rate:" + sender]) == .integer(50))
        await probe.close()

        // Redis dies: each replica answers at once in its declared mode.
        redis.stop()
        let started = ContinuousClock.now
        let whileDown = "booker-\(UUID().uuidString.prefix(8))"
        let openReply = try await open.moderate("Bonjour, le contrat est prêt.", sender: whileDown, id: "down-1")
        let closedReply = try await closed.moderate("Bonjour, le contrat est prêt.", sender: whileDown, id: "down-2")
        #expect(ContinuousClock.now - started < .seconds(5), "answers while Redis is down must not wait on it")
        #expect(openReply.status == 200 && !openReply.isRateLimited && openReply.action == "allow", "\(openReply.text)")
        #expect(closedReply.status == 200 && closedReply.isRateLimited && closedReply.action == "block", "\(closedReply.text)")
        for replica in replicas {
            #expect(replica.child.isRunning, "\(replica.child.name) crashed:\n\(replica.child.output)")
            #expect(try await replica.request("GET", "/healthz").status == 200)
            let errors = try await replica.metric(#"parley_redis_errors_total{operation="rate""#)
            #expect(errors >= 1, "no Redis error counted by \(replica.child.name)")
        }

        // Redis is back on the same port (empty): both replicas reconnect and count there again.
        redis = try await Self.startRedis(port: redisPort, directory: directory)
        let afterwards = "venue-\(UUID().uuidString.prefix(8))"
        let deadline = ContinuousClock.now + .seconds(20)
        var reconnected = false
        var attempt = 0
        while !reconnected, ContinuousClock.now < deadline {
            attempt += 1
            let reply = try await closed.moderate("Merci, à bientôt.", sender: afterwards, id: "back-\(attempt)")
            reconnected = reply.status == 200 && !reply.isRateLimited
            if !reconnected { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(reconnected, "the fail-closed replica still refuses after Redis came back")
        let viaOpen = try await open.moderate("Merci, à bientôt.", sender: afterwards, id: "back-open")
        #expect(viaOpen.status == 200 && !viaOpen.isRateLimited)
        let check = RedisClient(configuration: RedisConfiguration(port: redisPort, reconnectDelay: .zero))
        let counted = try await check.send(["ZCARD", "parley:rate:" + afterwards])
        await check.close()
        #expect(counted == .integer(2), "both replicas count in the restarted Redis")

        // SIGTERM: both exit 0.
        for replica in replicas { #expect(replica.child.stop(signal: SIGTERM) == 0, "\(replica.child.output)") }
    }
}
