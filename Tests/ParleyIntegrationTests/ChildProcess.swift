import Foundation
import Glibc
import Testing

/// A child process whose standard output and error go to one file (never a pipe: a pipe nobody
/// drains fills up and blocks the child), killed and reaped by ``stop()`` or on deinit, so that a
/// failing test leaves nothing running.
final class ChildProcess: @unchecked Sendable {
    let name: String
    let process = Process()
    let logFile: URL

    /// Starts `executable` with `arguments`; its output goes to `<directory>/<name>.log`.
    init(name: String, executable: URL, arguments: [String], environment: [String: String]? = nil, directory: URL) throws {
        self.name = name
        logFile = directory.appendingPathComponent("\(name).log")
        guard FileManager.default.createFile(atPath: logFile.path, contents: nil) else {
            throw ChildProcessError(description: "cannot create \(logFile.path)")
        }
        let log = try FileHandle(forWritingTo: logFile)
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try process.run()
        try log.close()
    }

    deinit { stop() }

    /// The output so far.
    var output: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    var isRunning: Bool { process.isRunning }

    /// Polls the output every 20 ms until a line contains `text`; returns it.
    /// - Throws: ``ChildProcessError`` when `seconds` pass or the process exits first.
    func waitForLine(containing text: String, seconds: Double = 60) async throws -> String {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if let line = output.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ChildProcessError(description: "\(name): no line with '\(text)' within \(seconds) s (running: \(process.isRunning)); output:\n\(output)")
    }

    /// Sends `signal` and waits (bounded) for the exit; SIGKILL if it is still running after `seconds`.
    /// Returns the exit status, or nil when it had to be killed.
    @discardableResult
    func stop(signal: Int32 = SIGKILL, seconds: Double = 10) -> Int32? {
        guard process.processIdentifier != 0 else { return nil }
        if process.isRunning {
            kill(process.processIdentifier, signal)
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return nil
            }
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }
}

struct ChildProcessError: Error, CustomStringConvertible {
    var description: String
}

/// An executable found in PATH (or the usual system folders), or nil.
func executableInPath(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/usr/sbin"] {
        let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}
