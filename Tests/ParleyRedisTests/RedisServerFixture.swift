import Foundation
import Glibc
import Testing

@testable import ParleyRedis

/// A throw-away `redis-server` on 127.0.0.1 and a free port, with no persistence, started by the
/// tests themselves (CI installs the Debian package; a machine without it fails loudly).
final class RedisServerFixture: @unchecked Sendable {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "redis-server not found in PATH: the ParleyRedis tests need the real server "
                + "(Debian: apt-get install redis-server, or run Scripts/setup.sh)"
        }
    }

    let port: Int
    let executable: URL
    let extraArguments: [String]
    private var process: Process?

    var url: String { "redis://127.0.0.1:\(port)" }

    /// Starts a server and waits until it answers PING (at most 5 s).
    init(extraArguments: [String] = []) async throws {
        guard let executable = Self.findExecutable() else { throw Missing() }
        self.executable = executable
        self.port = try Self.freePort()
        self.extraArguments = extraArguments
        try await start()
    }

    deinit { stop() }

    /// (Re)starts the server on the same port and waits for PING.
    func start() async throws {
        let process = Process()
        process.executableURL = executable
        process.arguments =
            [
                "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--daemonize", "no", "--loglevel", "warning",
            ] + extraArguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        let probe = RedisClient(
            configuration: RedisConfiguration(
                port: port,
                password: extraArguments.contains("--requirepass")
                    ? extraArguments[extraArguments.firstIndex(of: "--requirepass")! + 1] : nil,
                connectTimeout: .milliseconds(100), commandTimeout: .milliseconds(200),
                reconnectDelay: .zero))
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if (try? await probe.ping()) != nil {
                await probe.close()
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        stop()
        throw RedisError.connectTimeout(endpoint: "127.0.0.1:\(port)", milliseconds: 5000)
    }

    /// Kills the server at once (SIGKILL, as a crash would) and reaps it.
    func stop() {
        guard let process else { return }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        self.process = nil
    }

    private static func findExecutable() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/usr/sbin"] {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent("redis-server")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Binds port 0 on loopback and returns the port the kernel picked (then frees it for Redis).
    static func freePort() throws -> Int {
        let (fd, port) = try LoopbackSocket.bind(listening: false)
        close(fd)
        return port
    }
}

/// Runs `body` with a fresh server and kills it afterwards, whatever happens.
func withRedisServer<T>(extraArguments: [String] = [], _ body: (RedisServerFixture) async throws -> T) async throws -> T {
    let server = try await RedisServerFixture(extraArguments: extraArguments)
    defer { server.stop() }
    return try await body(server)
}
