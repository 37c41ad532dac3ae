import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import ParleyTesting
import Synchronization
import Testing

/// `parley serve` as a process: JSON logs, SIGHUP reloads, SIGTERM drains in-flight requests and exits 0.
@Suite struct ServeCommandTests {
    /// A running `parley serve` whose standard error is collected.
    final class ServeProcess {
        final class LogBuffer: Sendable {
            let text = Mutex<String>("")
        }

        let process: Process
        private let log = LogBuffer()

        init(_ arguments: [String]) throws {
            process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = ["serve"] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment["PARLEY_LEXICONS"] = Fixtures.lexiconsDirectory
            environment["PARLEY_MODELS"] = Fixtures.modelsDirectory
            process.environment = environment
            let stderr = Pipe()
            process.standardError = stderr
            process.standardOutput = FileHandle.nullDevice
            stderr.fileHandleForReading.readabilityHandler = { [log] handle in
                let data = handle.availableData
                // End of file (the process exited): stop watching, or the handler spins.
                guard !data.isEmpty else {
                    handle.readabilityHandler = nil
                    return
                }
                log.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        /// A test that fails half-way leaves no server running.
        deinit {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }

        var lines: [String] { log.text.withLock { $0.split(separator: "\n").map(String.init) } }

        /// Waits until a log line contains `text`; returns it.
        func waitForLine(containing text: String, seconds: Double = 180) async throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let line = lines.first(where: { $0.contains(text) }) { return line }
                try await Task.sleep(for: .milliseconds(50))
            }
            Issue.record("no log line with '\(text)' in:\n\(lines.joined(separator: "\n"))")
            throw CancellationError()
        }

        /// The public port, read from the `{"msg":"listening","api":"public","port":…}` log line.
        func publicPort() async throws -> Int {
            let line = try await waitForLine(containing: #""api":"public""#)
            let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(json?["port"] as? Int)
        }
    }

    @Test func logsAreJSONLinesAndSIGTERMDrainsThenExitsZero() async throws {
        // The drain delay keeps the listener open for 3 s after SIGTERM, so that the batch is
        // answered even when a loaded machine delivers it after the signal.
        let server = try ServeProcess(["--port", "0", "--admin-token", "t", "--admin-port", "0", "--drain-delay-ms", "3000"])
        let port = try await server.publicPort()
        // A batch as big as a batch may be, so that it is still being answered when SIGTERM arrives
        // (300 ms after sending: long enough for the request to reach the server on a loaded machine).
        let messages = (0..<500).map { index -> [String: Any] in
            ["text": "Bonjour, le concert de vendredi soir est confirmé pour 500 € ? Merci d'avance \(index)",
             "context": ["messageId": "m-\(index)", "senderId": "u-\(index % 7)", "conversationId": "c-1"]]
        }
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/batch")!)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: ["messages": messages])
        let inFlight = Task { try await URLSession.shared.data(for: request) }
        try await Task.sleep(for: .milliseconds(300))
        kill(server.process.processIdentifier, SIGTERM)
        let (data, response) = try await inFlight.value
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let body = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(body?["analysed"] as? Int == 500)
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
        #expect(server.process.terminationReason == .exit)
        // Every log line is one JSON object; no message text, and senders only hashed.
        for line in server.lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "\(line)")
            #expect(!line.contains("concert"), "\(line)")
            #expect(!line.contains("\"u-1\""), "\(line)")
        }
        #expect(server.lines.contains { $0.contains("parley stopped") })
    }

    @Test func sighupReloads() async throws {
        let server = try ServeProcess(["--port", "0"])
        _ = try await server.publicPort()
        kill(server.process.processIdentifier, SIGHUP)
        let line = try await server.waitForLine(containing: "resources reloaded")
        #expect(line.contains("\"version\""))
        kill(server.process.processIdentifier, SIGTERM)
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
    }

    @Test func badSettingsAreRefusedClearly() throws {
        let badPort = try CommandRunner.run(["serve", "--port", "70000"], input: "")
        #expect(badPort.status != 0)
        #expect(badPort.stderr.contains("--port must be from 0 to 65535"), "\(badPort.stderr)")
        let missing = try CommandRunner.run(["serve", "--port", "0", "--lexicons", "/nonexistent/Lexicons"], input: "")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/Lexicons"), "\(missing.stderr)")
        let badMode = try CommandRunner.run(["serve", "--moderate-on-event-loop", "maybe"], input: "")
        #expect(badMode.status != 0)
        #expect(badMode.stderr.contains("--moderate-on-event-loop must be on or off"), "\(badMode.stderr)")
    }
}
