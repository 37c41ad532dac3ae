import Testing

@testable import ParleyRedis

@Suite struct RedisConfigurationTests {
    @Test func parsesAFullURL() throws {
        let configuration = try RedisConfiguration(url: "redis://moderation:s%40cret@redis.internal:6380/3")
        #expect(configuration.host == "redis.internal")
        #expect(configuration.port == 6380)
        #expect(configuration.database == 3)
        #expect(configuration.username == "moderation")
        #expect(configuration.password == "s@cret")
    }

    @Test func appliesDefaults() throws {
        let configuration = try RedisConfiguration(url: "redis://localhost")
        #expect(configuration == RedisConfiguration(host: "localhost"))
        #expect(try RedisConfiguration(url: "redis://localhost:7000/").port == 7000)
    }

    @Test func readsPasswordOnlyForms() throws {
        let colon = try RedisConfiguration(url: "redis://:pw@127.0.0.1")
        #expect(colon.username == nil && colon.password == "pw")
        let bare = try RedisConfiguration(url: "redis://pw@127.0.0.1")
        #expect(bare.username == nil && bare.password == "pw")
    }

    @Test func readsBracketedIPv6Hosts() throws {
        let configuration = try RedisConfiguration(url: "redis://[::1]:6390/1")
        #expect(configuration.host == "::1")
        #expect(configuration.port == 6390)
        #expect(configuration.endpoint == "[::1]:6390")
    }

    @Test(arguments: [
        ("http://localhost", "expected it to start with redis://"),
        ("rediss://localhost", "TLS (rediss://) is not supported; use redis:// on a trusted network"),
        ("redis://", "missing host"),
        ("redis://:pw@:6379", "missing host"),
        ("redis://localhost:0", "port '0' is not in 1...65535"),
        ("redis://localhost:http", "port 'http' is not in 1...65535"),
        ("redis://localhost/db1", "database 'db1' is not a non-negative number"),
        ("redis://localhost?timeout=1", "query strings and fragments are not supported"),
        ("redis://[::1:6379", "unclosed '[' in IPv6 host"),
        ("redis://u:%zz@localhost", "bad percent-escape in credentials"),
    ])
    func refusesBadURLsWithATypedError(url: String, reason: String) {
        #expect(throws: RedisError.invalidURL(url, reason: reason)) { try RedisConfiguration(url: url) }
    }

    @Test func clientInitializerThrowsTheSameTypedError() {
        #expect(throws: RedisError.invalidURL("redis//oops", reason: "expected it to start with redis://")) {
            try RedisClient(url: "redis//oops")
        }
    }
}
