/// Where and how to reach Redis: endpoint, credentials, database, and the time bounds that keep a
/// dead or blackholed server from hanging a request.
public struct RedisConfiguration: Hashable, Sendable {
    public var host: String
    public var port: Int
    /// The database `SELECT`ed after connecting (0 is Redis's default and sends no `SELECT`).
    public var database: Int
    /// ACL user name for `AUTH user password` (nil: `AUTH password`, the `requirepass` form).
    public var username: String?
    public var password: String?
    /// Bound on TCP connect plus the `AUTH`/`SELECT` handshake.
    public var connectTimeout: Duration
    /// Bound on the wait for each reply.
    public var commandTimeout: Duration
    /// After a failed connect, calls within this delay fail at once with the same error instead of
    /// trying again: when Redis is blackholed, one call per delay pays the connect timeout, not
    /// every request. Zero retries on every call.
    public var reconnectDelay: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 6379, database: Int = 0, username: String? = nil,
        password: String? = nil, connectTimeout: Duration = .milliseconds(250),
        commandTimeout: Duration = .milliseconds(250), reconnectDelay: Duration = .milliseconds(100)
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.username = username
        self.password = password
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.reconnectDelay = reconnectDelay
    }

    /// Parses `redis://[[user]:password@]host[:port][/db]` (percent-escapes allowed in user and
    /// password; an IPv6 host in brackets). Cost: O(length of the URL).
    /// - Throws: ``RedisError/invalidURL(_:reason:)`` naming the bad part.
    public init(
        url: String, connectTimeout: Duration = .milliseconds(250), commandTimeout: Duration = .milliseconds(250),
        reconnectDelay: Duration = .milliseconds(100)
    ) throws(RedisError) {
        func fail(_ reason: String) -> RedisError { .invalidURL(url, reason: reason) }
        let scheme = "redis://"
        guard url.hasPrefix(scheme) else {
            if url.hasPrefix("rediss://") { throw fail("TLS (rediss://) is not supported; use redis:// on a trusted network") }
            throw fail("expected it to start with redis://")
        }
        var rest = Substring(url.dropFirst(scheme.count))
        var username: String?
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                let user = userInfo[..<colon]
                username = user.isEmpty ? nil : try Self.percentDecoded(user, url: url)
                password = try Self.percentDecoded(userInfo[userInfo.index(after: colon)...], url: url)
            } else if !userInfo.isEmpty {
                // `redis://secret@host`: a lone user-info part is the password, as redis-cli reads it.
                password = try Self.percentDecoded(userInfo, url: url)
            }
        }
        var database = 0
        if let slash = rest.firstIndex(of: "/") {
            let path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
            if !path.isEmpty {
                guard let db = Int(path), db >= 0 else { throw fail("database '\(path)' is not a non-negative number") }
                database = db
            }
        }
        if rest.contains("?") || rest.contains("#") { throw fail("query strings and fragments are not supported") }
        var host: Substring
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw fail("unclosed '[' in IPv6 host") }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw fail("unexpected '\(after)' after IPv6 host") }
                portText = after.dropFirst()
            }
        } else if let colon = rest.firstIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        } else {
            host = rest
        }
        guard !host.isEmpty else { throw fail("missing host") }
        var port = 6379
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else { throw fail("port '\(portText)' is not in 1...65535") }
            port = value
        }
        self.init(
            host: String(host), port: port, database: database, username: username, password: password,
            connectTimeout: connectTimeout, commandTimeout: commandTimeout, reconnectDelay: reconnectDelay)
    }

    /// `host:port`, for messages.
    public var endpoint: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    private static func percentDecoded(_ text: Substring, url: String) throws(RedisError) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard utf8.count >= 2, let high = hexValue(utf8[utf8.startIndex]), let low = hexValue(utf8[utf8.startIndex + 1]) else {
                throw .invalidURL(url, reason: "bad percent-escape in credentials")
            }
            bytes.append(high << 4 | low)
            utf8 = utf8.dropFirst(2)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
