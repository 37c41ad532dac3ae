import Foundation
import ParleyTesting
import Testing

/// `/readyz` through a shutdown, and every metric the issue lists on `/metrics`.
@Suite struct ReadinessAndMetricsTests {
    @Test func readinessTurnsTo503WhileDrainingAndRequestsAreStillAnswered() async throws {
        // A drain far longer than the test: it ends by cancelling, so a loaded machine has time.
        let server = try await TestServer.start(configure: { $0.drainDelayMilliseconds = 300_000 })
        do {
            #expect(try await server.request("GET", "/readyz").status == 200)
            let shutdown = Task { await server.beginShutdown() }
            let deadline = ContinuousClock.now + .seconds(90)
            var ready = try await server.request("GET", "/readyz")
            while ready.status == 200, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
                ready = try await server.request("GET", "/readyz")
            }
            #expect(ready.status == 503)
            #expect(ready.contentType == "application/problem+json")
            #expect(ready.json?["type"]?.string?.hasSuffix("/draining") == true)
            // Still serving during the delay: liveness and messages.
            #expect(try await server.request("GET", "/healthz").status == 200)
            #expect(try await server.post("/v1/moderate", json: TestServer.message("Bonjour")).status == 200)
            await shutdown.value
            await server.stopNow()
        } catch {
            await server.stopNow()
            throw error
        }
    }

    @Test func everyListedMetricIsExported() async throws {
        try await withServer { server in
            let version = try #require(try await server.request("GET", "/readyz").json?["resourcesVersion"]?.string)
            #expect(try await server.post("/v1/moderate", json: TestServer.message("Envoie 500 € par Western Union")).status == 200)
            #expect(try await server.post("/v1/analyze", json: TestServer.message("Bonjour, merci !")).status == 200)
            let text = try await server.request("GET", "/metrics").text
            for expected in [
                #"parley_http_requests_total{route="/v1/moderate",method="POST",status="200"} 1"#,
                #"parley_http_request_duration_seconds_bucket{route="/v1/moderate",method="POST",le="0.005"}"#,
                #"parley_http_request_duration_seconds_count{route="/v1/analyze",method="POST"} 1"#,
                #"parley_verdicts_total{action="hold",label="scam"} 1"#,
                #"parley_verdicts_total{action="allow",label="ok"} 1"#,
                #"parley_messages_language_total{language="fr"} 1"#,
                "parley_resources_info{version=\"\(version)\"} 1",
                "parley_resources_reload_failures_total 0",
                "parley_resources_loads_total 1",
            ] {
                #expect(text.contains(expected), "missing \(expected) in:\n\(text)")
            }
            // Redis errors, as the Redis state's hook reports them (the replicas test sees them
            // come from a real Redis going down).
            server.server.metrics.redisError(operation: "rate", kind: "timeout")
            #expect(try await server.request("GET", "/metrics").text.contains(#"parley_redis_errors_total{operation="rate",kind="timeout"} 1"#))
        }
    }
}
