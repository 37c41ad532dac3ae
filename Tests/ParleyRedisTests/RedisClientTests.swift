import Testing

@testable import ParleyRedis

/// Timeouts are checked by their outcome (a typed error, the declared mode); a hang is caught by the
/// time limit, not by wall-clock bounds that a loaded CI machine would break.
@Suite(.timeLimit(.minutes(1))) struct RedisClientTests {
    @Test func sendsCommandsAndReadsTypedReplies() async throws {
        try await withRedisServer { server in
            let client = try RedisClient(url: server.url)
            #expect(try await client.send(["SET", "greeting", "bonjour à tous"]) == .simpleString("OK"))
            #expect(try await client.send(["GET", "greeting"]).string() == "bonjour à tous")
            #expect(try await client.send(["GET", "missing"]) == .null)
            #expect(try await client.send(["RPUSH", "list", "a", "b"]).int() == 2)
            #expect(try await client.send(["LRANGE", "list", "0", "-1"]) == .array([.bulkString([97]), .bulkString([98])]))
            await #expect(throws: RedisError.server("WRONGTYPE Operation against a key holding the wrong kind of value")) {
                try await client.send(["GET", "list"])
            }
            // An error reply leaves the connection usable.
            try await client.ping()
        }
    }

    @Test func pipelinesConcurrentCommandsOnOneConnection() async throws {
        try await withRedisServer { server in
            let client = try RedisClient(url: server.url)
            let replies = try await withThrowingTaskGroup(of: (Int, Int64).self) { group in
                for index in 0..<200 {
                    group.addTask { (index, try await client.send(["INCRBY", "counter", String(index)]).int()) }
                }
                var replies: [Int: Int64] = [:]
                for try await (index, value) in group { replies[index] = value }
                return replies
            }
            #expect(replies.count == 200)
            #expect(try await client.send(["GET", "counter"]).string() == String((0..<200).reduce(0, +)))
            #expect(try await client.send(["CLIENT", "LIST"]).string().split(separator: "\n").count == 1)
        }
    }

    @Test func readsLargeRepliesSplitOverManyReads() async throws {
        try await withRedisServer { server in
            let client = try RedisClient(url: server.url, commandTimeout: .seconds(5))  // about parsing, not timing
            let value = String((0..<200_000).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            _ = try await client.send(["SET", "big", value])
            let lengths = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await client.send(["GET", "big"]).string().utf8.count }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(lengths == Array(repeating: 200_000, count: 20))
            #expect(try await client.send(["GET", "big"]).string() == value)
        }
    }

    @Test func selectsTheDatabaseOfTheURL() async throws {
        try await withRedisServer { server in
            let db2 = try RedisClient(url: server.url + "/2")
            let db0 = try RedisClient(url: server.url)
            _ = try await db2.send(["SET", "where", "db2"])
            #expect(try await db0.send(["GET", "where"]) == .null)
            #expect(try await db2.send(["GET", "where"]).string() == "db2")
        }
    }

    @Test func aDatabaseRedisDoesNotHaveIsAServerError() async throws {
        try await withRedisServer { server in
            let client = try RedisClient(url: server.url + "/99")
            await #expect(throws: RedisError.server("ERR DB index is out of range")) { try await client.ping() }
        }
    }

    @Test func authenticatesWithThePasswordOfTheURL() async throws {
        try await withRedisServer(extraArguments: ["--requirepass", "s3cret!"]) { server in
            let good = try RedisClient(url: "redis://:s3cret%21@127.0.0.1:\(server.port)")
            try await good.ping()
            let anonymous = try RedisClient(url: server.url)
            await #expect(throws: RedisError.server("NOAUTH Authentication required.")) { try await anonymous.ping() }
            let wrong = try RedisClient(url: "redis://:nope@127.0.0.1:\(server.port)")
            await #expect { try await wrong.ping() } throws: { error in
                guard case RedisError.server(let message) = error else { return false }
                return message.hasPrefix("WRONGPASS")
            }
        }
    }

    @Test func reloadsAScriptRedisForgot() async throws {
        try await withRedisServer { server in
            let client = try RedisClient(url: server.url)
            let script = RedisScript(name: "echo", source: "return {KEYS[1], ARGV[1]}")
            #expect(try await client.evaluate(script, keys: ["k"], arguments: ["v"]) == .array([.bulkString([107]), .bulkString([118])]))
            _ = try await client.send(["SCRIPT", "FLUSH"])
            #expect(
                try await client.evaluate(script, keys: ["k2"], arguments: ["v2"])
                    == .array([.bulkString(Array("k2".utf8)), .bulkString(Array("v2".utf8))]))
            let failing = RedisScript(name: "fails", source: "return redis.error_reply('ERR NOPE')")
            await #expect(throws: RedisError.server("ERR NOPE")) { try await client.evaluate(failing, keys: [], arguments: []) }
        }
    }

    @Test func timesOutASlowReplyThenReconnects() async throws {
        try await withRedisServer { server in
            let client = RedisClient(configuration: RedisConfiguration(port: server.port, commandTimeout: .milliseconds(100)))
            try await client.ping()
            // BLPOP on an empty list holds the reply for 2 s: longer than the command timeout.
            await #expect(throws: RedisError.commandTimeout(command: "BLPOP", milliseconds: 100)) {
                try await client.send(["BLPOP", "empty", "2"])
            }
            try await client.ping()
        }
    }

    @Test func refusedConnectionIsATypedErrorAndTheClientRecovers() async throws {
        let server = try await RedisServerFixture()
        defer { server.stop() }
        let client = try RedisClient(url: server.url, reconnectDelay: .zero)
        try await client.ping()
        server.stop()
        await #expect { try await client.ping() } throws: { error in
            guard let error = error as? RedisError else { return false }
            return error.isConnectionError
        }
        await #expect { try await client.ping() } throws: { error in
            guard case RedisError.connectFailed(let endpoint, _) = error else { return false }
            return endpoint == "127.0.0.1:\(server.port)"
        }
        try await server.start()
        try await client.ping()
    }

    @Test func failedConnectsAreNotRetriedWithinTheReconnectDelay() async throws {
        let server = try await RedisServerFixture()
        defer { server.stop() }
        server.stop()
        // A delay long enough that restarting Redis on a loaded CI machine fits inside it.
        let delay = Duration.seconds(10)
        let client = try RedisClient(url: server.url, reconnectDelay: delay)
        let failed = ContinuousClock.now
        await #expect(throws: RedisError.self) { try await client.ping() }
        try await server.start()
        try #require(ContinuousClock.now - failed < delay, "restarting Redis took longer than the reconnect delay")
        // Redis is back, but the last connect failed within the delay: the same error, at once.
        await #expect { try await client.ping() } throws: { error in
            guard case RedisError.connectFailed = error else { return false }
            return true
        }
        try await Task.sleep(for: delay)
        try await client.ping()
    }
}
