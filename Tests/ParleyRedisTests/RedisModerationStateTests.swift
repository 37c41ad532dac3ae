import ParleyModeration
import ParleyTesting
import Testing

@testable import ParleyRedis

/// A hang (Redis dead or silent) fails the time limit; outcomes are checked exactly.
@Suite(.timeLimit(.minutes(1))) struct RedisModerationStateTests {
    private let hour = 3600
    private let t0: Int64 = 1_764_000_000

    private func replicas(
        _ server: RedisServerFixture, count: Int = 2, prefix: String = "parley:",
        mode: RedisFailureMode = .failOpen
    ) throws -> [RedisModerationState] {
        try (0..<count).map { _ in
            RedisModerationState(client: try RedisClient(url: server.url), keyPrefix: prefix, failureMode: mode)
        }
    }

    /// Runs `operation(0..<count)` all at once in a task group; returns how many were allowed.
    private func countAllowed(_ count: Int, _ operation: @escaping @Sendable (Int) async throws -> LimitOutcome) async throws -> Int {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<count {
                group.addTask { try await operation(index).allowed }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
    }

    @Test func fiftyAnHourAcrossTwoReplicas() async throws {
        try await withRedisServer { server in
            let states = try replicas(server)
            var outcomes: [LimitOutcome] = []
            for index in 0..<60 {
                outcomes.append(try await states[index % 2].countEvent(key: "rate:alice", now: t0 + Int64(index), windowSeconds: hour, limit: 50))
            }
            #expect(outcomes.filter(\.allowed).count == 50)
            #expect(outcomes.prefix(50).map(\.count) == Array(1...50))
            #expect(outcomes.dropFirst(50).allSatisfy { !$0.allowed && $0.count == 51 })
            // Another sender is counted apart.
            #expect(try await states[1].countEvent(key: "rate:bob", now: t0, windowSeconds: hour, limit: 50) == LimitOutcome(allowed: true, count: 1))
        }
    }

    @Test func fiftyAnHourUnderConcurrentLoadFromManyTasks() async throws {
        try await withRedisServer { server in
            let states = try replicas(server)
            let allowed = try await countAllowed(60) { index in
                try await states[index % 2].countEvent(key: "rate:carol", now: self.t0, windowSeconds: self.hour, limit: 50)
            }
            #expect(allowed == 50)
            let stored = try await states[0].client.send(["ZCARD", "parley:rate:carol"]).int()
            #expect(stored == 50)
        }
    }

    @Test func eventsLeaveTheWindowAfterWindowSeconds() async throws {
        try await withRedisServer { server in
            let state = try replicas(server, count: 1)[0]
            for index in 0..<3 {
                _ = try await state.countEvent(key: "rate:dan", now: t0 + Int64(index * 10), windowSeconds: 60, limit: 3)
            }
            #expect(try await state.countEvent(key: "rate:dan", now: t0 + 59, windowSeconds: 60, limit: 3) == LimitOutcome(allowed: false, count: 4))
            // At t0 + 60 the event of t0 is out (a window is (now - 60, now]); the one of t0 + 10 still in.
            #expect(try await state.countEvent(key: "rate:dan", now: t0 + 60, windowSeconds: 60, limit: 3) == LimitOutcome(allowed: true, count: 3))
            #expect(try await state.countEvent(key: "rate:dan", now: t0 + 61, windowSeconds: 60, limit: 3) == LimitOutcome(allowed: false, count: 4))
            #expect(try await state.countEvent(key: "rate:dan", now: t0 + 500, windowSeconds: 60, limit: 3) == LimitOutcome(allowed: true, count: 1))
            // No limit: everything counts.
            for index in 1...5 {
                #expect(
                    try await state.countEvent(key: "rate:erin", now: t0, windowSeconds: 60, limit: nil) == LimitOutcome(allowed: true, count: index))
            }
        }
    }

    @Test func membersAreCountedOnceAndLimited() async throws {
        try await withRedisServer { server in
            let states = try replicas(server)
            let key = "contacts:frank"
            // (replica, member, seconds after t0, expected outcome), with a limit of 3 a day.
            let steps: [(Int, String, Int64, LimitOutcome)] = [
                (0, "venue-1", 0, LimitOutcome(allowed: true, count: 1)),
                (1, "venue-2", 1, LimitOutcome(allowed: true, count: 2)),
                (0, "venue-1", 2, LimitOutcome(allowed: true, count: 2)),  // already in: not counted again
                (1, "venue-3", 3, LimitOutcome(allowed: true, count: 3)),
                (0, "venue-4", 4, LimitOutcome(allowed: false, count: 4)),
                (1, "venue-2", 5, LimitOutcome(allowed: true, count: 3)),  // a member stays allowed at the limit
                // Re-adding venue-1 did not refresh its time: it leaves the window first, making room.
                (0, "venue-4", 86_400, LimitOutcome(allowed: true, count: 3)),
            ]
            for (index, (replica, member, offset, expected)) in steps.enumerated() {
                let outcome = try await states[replica].addMember(key: key, member: member, now: t0 + offset, windowSeconds: 86_400, limit: 3)
                #expect(outcome == expected, "step \(index)")
            }
            #expect(try await states[0].client.send(["ZSCORE", "parley:" + key, "venue-1"]) == .null)
        }
    }

    @Test func concurrentNewMembersNeverExceedTheLimit() async throws {
        try await withRedisServer { server in
            let states = try replicas(server)
            let allowed = try await countAllowed(40) { index in
                try await states[index % 2].addMember(
                    key: "contacts:gina", member: "r\(index % 20)", now: self.t0,
                    windowSeconds: 86_400, limit: 10)
            }
            // Ten distinct recipients get in, each twice (the second time as a known member).
            #expect(allowed == 20)
            #expect(try await states[0].client.send(["ZCARD", "parley:contacts:gina"]).int() == 10)
        }
    }

    @Test func nearDuplicateFingerprintsAcrossRecipients() async throws {
        try await withRedisServer { server in
            let states = try replicas(server)
            let base: UInt64 = 0xF0E1_D2C3_B4A5_9687  // high bits set: the Lua halves must not go negative
            let key = "bulk:hank"
            func record(_ replica: Int, _ fingerprint: UInt64, _ recipient: String, at offset: Int64) async throws -> Int {
                try await states[replica].recordFingerprint(
                    key: key, fingerprint: fingerprint, recipient: recipient,
                    now: t0 + offset, windowSeconds: 600, maxHamming: 3)
            }
            #expect(try await record(0, base, "r1", at: 0) == 1)
            #expect(try await record(1, base ^ (1 << 63), "r2", at: 1) == 2)  // one bit off, in the high half
            #expect(try await record(0, base ^ 0b111, "r3", at: 2) == 2)  // three bits from r1's, four from r2's
            #expect(try await record(1, base ^ 0b1111_0000_0000, "r4", at: 3) == 1)  // four or more bits from all: only itself
            #expect(try await record(0, base, "r2", at: 4) == 3)  // same recipient again: counted once
            #expect(try await record(1, ~base, "r5", at: 5) == 1)  // unrelated message
            // After the window, the old copies are forgotten.
            #expect(try await record(0, base, "r6", at: 602) == 2)  // r2's copy at 4 is still in (602 - 600 < 4)
            #expect(try await record(0, base, "r7", at: 700) == 2)
        }
    }

    @Test(arguments: [(64, 2), (63, 1)])
    func hammingDistanceSpansAllSixtyFourBits(maxHamming: Int, expected: Int) async throws {
        try await withRedisServer { server in
            let state = try replicas(server, count: 1)[0]
            _ = try await state.recordFingerprint(key: "bulk:pia", fingerprint: 0, recipient: "a", now: t0, windowSeconds: 60,
                                                  maxHamming: maxHamming)
            let count = try await state.recordFingerprint(key: "bulk:pia", fingerprint: .max, recipient: "b", now: t0, windowSeconds: 60,
                                                          maxHamming: maxHamming)
            #expect(count == expected)
        }
    }

    @Test func fingerprintCountsMatchABruteForceComputation() async throws {
        try await withRedisServer { server in
            let state = try replicas(server, count: 1)[0]
            var generator = SplitMix64(seed: 7)
            var log: [(fingerprint: UInt64, recipient: String, time: Int64)] = []
            let seeds = (0..<4).map { _ in generator.next() }
            for step in 0..<150 {
                let flips = (0..<Int(generator.next() % 6)).reduce(UInt64(0)) { bits, _ in bits | (1 << (generator.next() % 64)) }
                let fingerprint = seeds[Int(generator.next() % 4)] ^ flips
                let recipient = "r\(generator.next() % 12)"
                let now = t0 + Int64(step * 7)
                let got = try await state.recordFingerprint(
                    key: "bulk:ivy", fingerprint: fingerprint, recipient: recipient,
                    now: now, windowSeconds: 300, maxHamming: 3)
                log.removeAll { $0.time <= now - 300 }
                log.append((fingerprint, recipient, now))
                let expected = Set(log.filter { ($0.fingerprint ^ fingerprint).nonzeroBitCount <= 3 }.map(\.recipient)).count
                #expect(got == expected, "step \(step)")
            }
        }
    }

    @Test func everyKeyGetsTheTTLOfItsWindowUnderTheConfiguredPrefix() async throws {
        try await withRedisServer { server in
            let state = try replicas(server, count: 1, prefix: "test-prefix:")[0]
            _ = try await state.countEvent(key: "rate:jo", now: t0, windowSeconds: 3600, limit: 50)
            _ = try await state.addMember(key: "contacts:jo", member: "x", now: t0, windowSeconds: 86_400, limit: 5)
            _ = try await state.recordFingerprint(key: "bulk:jo", fingerprint: 42, recipient: "x", now: t0, windowSeconds: 900, maxHamming: 3)
            let client = state.client
            let rateTTL = try await client.send(["TTL", "test-prefix:rate:jo"]).int()
            let contactsTTL = try await client.send(["TTL", "test-prefix:contacts:jo"]).int()
            let bulkTTL = try await client.send(["TTL", "test-prefix:bulk:jo"]).int()
            #expect((3590...3600).contains(rateTTL))
            #expect((86_390...86_400).contains(contactsTTL))
            #expect((890...900).contains(bulkTTL))
            let keys = try await client.send(["KEYS", "*"]).array().map { try $0.string() }
            #expect(Set(keys) == ["test-prefix:rate:jo", "test-prefix:contacts:jo", "test-prefix:bulk:jo"])
        }
    }

    @Test func fingerprintsPerSenderAreCapped() async throws {
        try await withRedisServer { server in
            let state = RedisModerationState(client: try RedisClient(url: server.url), maxFingerprintsPerKey: 5)
            for index in 0..<12 {
                _ = try await state.recordFingerprint(
                    key: "bulk:kim", fingerprint: UInt64(index) << 20, recipient: "r\(index)",
                    now: t0 + Int64(index), windowSeconds: 900, maxHamming: 0)
            }
            #expect(try await state.client.send(["ZCARD", "parley:bulk:kim"]).int() == 5)
        }
    }

    @Test(arguments: RedisFailureMode.allCases)
    func redisKilledMidTestGivesTheDeclaredModeThenRecovers(mode: RedisFailureMode) async throws {
        let server = try await RedisServerFixture()
        defer { server.stop() }
        let state = RedisModerationState(
            client: RedisClient(
                configuration: RedisConfiguration(
                    port: server.port, connectTimeout: .milliseconds(200),
                    commandTimeout: .milliseconds(200), reconnectDelay: .milliseconds(50))),
            failureMode: mode)
        #expect(try await state.countEvent(key: "rate:lou", now: t0, windowSeconds: hour, limit: 50) == LimitOutcome(allowed: true, count: 1))
        #expect(state.errorCount == 0)

        server.stop()
        let rate = try await state.countEvent(key: "rate:lou", now: t0 + 1, windowSeconds: hour, limit: 50)
        let contacts = try await state.addMember(key: "contacts:lou", member: "m", now: t0 + 1, windowSeconds: hour, limit: 10)
        let recipients = try await state.recordFingerprint(
            key: "bulk:lou", fingerprint: 1, recipient: "m", now: t0 + 1,
            windowSeconds: hour, maxHamming: 3)
        switch mode {
        case .failOpen:
            #expect(rate == LimitOutcome(allowed: true, count: 0))
            #expect(contacts == LimitOutcome(allowed: true, count: 0))
            #expect(recipients == 1)
        case .failClosed:
            #expect(rate == LimitOutcome(allowed: false, count: 51))
            #expect(contacts == LimitOutcome(allowed: false, count: 11))
            #expect(recipients == Int.max)
        }
        #expect(state.errorCount == 3)
        #expect(state.lastError?.isConnectionError == true)

        // Back up (empty: no persistence, no scripts loaded): the next call reconnects and reloads.
        try await server.start()
        try await Task.sleep(for: .milliseconds(50))  // past the reconnect delay
        #expect(try await state.countEvent(key: "rate:lou", now: t0 + 2, windowSeconds: hour, limit: 50) == LimitOutcome(allowed: true, count: 1))
        #expect(state.errorCount == 3)
    }

    @Test func failClosedNeverLetsMoreThroughWhenRedisDiesUnderLoad() async throws {
        let server = try await RedisServerFixture()
        defer { server.stop() }
        let states = (0..<2).map { _ in
            RedisModerationState(
                client: RedisClient(configuration: RedisConfiguration(port: server.port, reconnectDelay: .zero)),
                failureMode: .failClosed)
        }
        let event: @Sendable (Int) async throws -> LimitOutcome = { index in
            try await Task.sleep(for: .milliseconds(index / 2))  // spread over ~30 ms, across the kill
            return try await states[index % 2].countEvent(key: "rate:nina", now: self.t0, windowSeconds: self.hour, limit: 50)
        }
        async let before = countAllowed(60, event)
        try await Task.sleep(for: .milliseconds(15))
        server.stop()
        let after = try await countAllowed(60, event)
        let total = try await before + after
        #expect(total <= 50)
        #expect(after == 0)
        #expect(states[0].errorCount + states[1].errorCount >= 60)
    }

    @Test func anErrorReplyAlsoGivesTheDeclaredModeAndCounts() async throws {
        try await withRedisServer { server in
            let state = try replicas(server, count: 1, mode: .failClosed)[0]
            _ = try await state.client.send(["SET", "parley:rate:olga", "not a sorted set"])
            #expect(try await state.countEvent(key: "rate:olga", now: t0, windowSeconds: hour, limit: 50) == LimitOutcome(allowed: false, count: 51))
            #expect(state.errorCount == 1)
            guard case .server(let message) = state.lastError, message.contains("WRONGTYPE") else {
                Issue.record("expected WRONGTYPE, got \(String(describing: state.lastError))")
                return
            }
        }
    }

    @Test func aServerThatNeverAnswersCostsOneTimeoutNotAHang() async throws {
        // A listening socket that never accepts: TCP connects (the kernel's backlog), no reply ever comes.
        let listener = try SilentListener()
        defer { listener.close() }
        let state = RedisModerationState(
            client: RedisClient(
                configuration: RedisConfiguration(
                    port: listener.port, connectTimeout: .milliseconds(150),
                    commandTimeout: .milliseconds(150))),
            failureMode: .failClosed)
        let outcome = try await state.countEvent(key: "rate:max", now: t0, windowSeconds: hour, limit: 50)
        #expect(outcome == LimitOutcome(allowed: false, count: 51))
        guard case .commandTimeout = state.lastError else {
            Issue.record("expected a command timeout, got \(String(describing: state.lastError))")
            return
        }
    }
}
