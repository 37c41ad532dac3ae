import ParleyModeration
import ParleyTesting
import Testing

@testable import ParleyRedis

/// The Redis state answers exactly as the engine's in-memory state, operation for operation, so a
/// sidecar behaves the same alone or as one of several replicas.
@Suite struct ModerationStateConformanceTests {
    @Test func answersAsTheInMemoryStateOnARandomHistory() async throws {
        try await withRedisServer { server in
            let redis: any ModerationState = RedisModerationState(client: try RedisClient(url: server.url))
            let memory: any ModerationState = InMemoryModerationState()
            var generator = SplitMix64(seed: 11)
            let seeds = (0..<3).map { _ in generator.next() }
            var now: Int64 = 1_764_000_000
            var refusedEvents = 0
            var refusedMembers = 0
            var nearDuplicates = 0
            for step in 0..<400 {
                now += Int64(generator.next() % 30)
                let sender = "s\(generator.next() % 2)"
                switch generator.next() % 3 {
                case 0:
                    let limit: Int? = generator.next() % 4 == 0 ? nil : 5
                    let expected = try await memory.countEvent(key: "rate:" + sender, now: now, windowSeconds: 600, limit: limit)
                    let got = try await redis.countEvent(key: "rate:" + sender, now: now, windowSeconds: 600, limit: limit)
                    #expect(got == expected, "step \(step): countEvent")
                    if !expected.allowed { refusedEvents += 1 }
                case 1:
                    let member = "m\(generator.next() % 8)"
                    let expected = try await memory.addMember(key: "contacts:" + sender, member: member, now: now, windowSeconds: 900, limit: 4)
                    let got = try await redis.addMember(key: "contacts:" + sender, member: member, now: now, windowSeconds: 900, limit: 4)
                    #expect(got == expected, "step \(step): addMember")
                    if !expected.allowed { refusedMembers += 1 }
                default:
                    let flips = (0..<Int(generator.next() % 5)).reduce(UInt64(0)) { bits, _ in bits | (1 << (generator.next() % 64)) }
                    let fingerprint = seeds[Int(generator.next() % 3)] ^ flips
                    let recipient = "r\(generator.next() % 6)"
                    let expected = try await memory.recordFingerprint(
                        key: "bulk:" + sender, fingerprint: fingerprint, recipient: recipient,
                        now: now, windowSeconds: 1200, maxHamming: 3)
                    let got = try await redis.recordFingerprint(
                        key: "bulk:" + sender, fingerprint: fingerprint, recipient: recipient,
                        now: now, windowSeconds: 1200, maxHamming: 3)
                    #expect(got == expected, "step \(step): recordFingerprint")
                    if expected > 1 { nearDuplicates += 1 }
                }
            }
            // The history reaches the limits and the near-duplicates, not only the easy cases.
            #expect(
                refusedEvents > 10 && refusedMembers > 10 && nearDuplicates > 10,
                "refused events \(refusedEvents), refused members \(refusedMembers), near-duplicates \(nearDuplicates)")
        }
    }
}
