import Foundation
@testable import ParleyServer
import ParleyTesting
import Testing

/// `/v1/moderate` answered on the network thread gives what the router gives, keeps pipelined
/// answers in order, and steps aside to the router where it should.
@Suite struct ModerateChannelHandlerTests {
    /// Bodies that exercise every outcome: verdicts, the rate limit, and each kind of problem.
    static let bodies: [Data] = {
        var bodies: [Data] = []
        func json(_ value: Any) -> Data { try! JSONSerialization.data(withJSONObject: value) }
        let texts = [
            "Bonjour, merci pour votre retour !",
            "Envoie 500 € par Western Union et écris-moi sur WhatsApp au 06 12 34 56 78",
            "Quel est votre cachet habituel pour un concert de jazz en juillet ?",
            "t'es vraiment un connard, réponds",
            "Line one\nline \"two\" with a tab\there and a backslash \\ \u{1}",
            "", "🎷🎺", "https://bit.ly/xyz pour le contrat",
        ]
        for (index, text) in texts.enumerated() {
            bodies.append(json(TestServer.message(text, id: "m-\(index)", extra: [
                "recipientId": "venue-\(index)", "verificationLevel": "identity", "tier": "standard", "newContact": true,
            ])))
        }
        // The same sender past the hourly limit.
        for index in 0..<52 {
            bodies.append(json(TestServer.message("Message \(index) pour la date", id: "r-\(index)", extra: ["sentAt": "2026-03-28T12:00:00+01:00"])))
        }
        bodies.append(json(["text": 5, "context": ["messageId": "m", "senderId": "u", "conversationId": "c"]]))
        bodies.append(json(["text": "hello"]))
        bodies.append(json(TestServer.message("hello", extra: ["sentAt": "yesterday"])))
        bodies.append(json(TestServer.message("hello", extra: ["timeZone": "Mars/Olympus"])))
        bodies.append(json(TestServer.message(String(repeating: "a", count: 70_000))))
        bodies.append(Data(#"{"text": "unterminated"#.utf8))
        bodies.append(Data([0x7B, 0x22, 0x74, 0xFF, 0x22, 0x7D]))  // {"t\xFF"}
        bodies.append(Data("[]".utf8))
        return bodies
    }()

    @Test func answersWhatTheRouterAnswers() async throws {
        try await withServer(configure: { $0.moderateOnEventLoop = false }) { router in
            try await withServer(configure: { $0.moderateOnEventLoop = true }) { direct in
                for (index, body) in Self.bodies.enumerated() {
                    let expected = try await router.request("POST", "/v1/moderate", body: body)
                    let answered = try await direct.request("POST", "/v1/moderate", body: body)
                    #expect(answered.status == expected.status, "body \(index): \(answered.text)")
                    #expect(answered.contentType == expected.contentType, "body \(index)")
                    #expect(answered.json == expected.json, "body \(index): \(answered.text) ≠ \(expected.text)")
                }
                let metrics = try await direct.request("GET", "/metrics").text
                #expect(metrics.contains(#"parley_http_requests_total{route="/v1/moderate",method="POST",status="200"} 60"#), "\(metrics)")
                #expect(metrics.contains(#"parley_http_requests_total{route="/v1/moderate",method="POST",status="422"}"#))
            }
        }
    }

    @Test func pipelinedAnswersComeBackInOrder() async throws {
        try await withServer { server in
            let connection = try RawHTTPConnection(port: server.port)
            func moderate(_ id: String) -> Data {
                RawHTTPConnection.request("POST", "/v1/moderate", body: try! JSONSerialization.data(withJSONObject: TestServer.message("Bonjour", id: id)))
            }
            // Router, network thread, router, network thread, all in one write.
            let analyze = RawHTTPConnection.request("POST", "/v1/analyze", body: try JSONSerialization.data(withJSONObject: TestServer.message("Salut", id: "a-1")))
            try connection.send(analyze + moderate("m-1") + RawHTTPConnection.request("GET", "/healthz") + moderate("m-2") + moderate("m-3"))
            let answers = try await connection.answers(5)
            #expect(answers.map(\.status) == [200, 200, 200, 200, 200])
            #expect(answers[0].json?["tone"] != nil)
            #expect(answers[0].json?["messageId"]?.string == "a-1")
            #expect(answers[1].json?["messageId"]?.string == "m-1")
            #expect(answers[2].json?["status"]?.string == "ok")
            #expect(answers[3].json?["messageId"]?.string == "m-2")
            #expect(answers[4].json?["messageId"]?.string == "m-3")
            #expect(answers[1].headers["server"] == "parley")
            #expect(answers[1].headers["date"]?.hasSuffix(" GMT") == true)
            #expect(answers[1].headers["content-type"] == "application/json")
        }
    }

    @Test func aBodyInPiecesIsGatheredAndConnectionCloseIsHonoured() async throws {
        try await withServer { server in
            let connection = try RawHTTPConnection(port: server.port)
            let body = try JSONSerialization.data(withJSONObject: TestServer.message("Bonjour, on en parle demain ?", id: "p-1"))
            let request = RawHTTPConnection.request("POST", "/v1/moderate", body: body, headers: ["Connection": "close"])
            let split = request.count - body.count / 2
            try connection.send(request[..<split])
            try await Task.sleep(for: .milliseconds(50))
            try connection.send(request[split...])
            let answer = try await connection.answer()
            #expect(answer.status == 200, "\(answer.text)")
            #expect(answer.json?["messageId"]?.string == "p-1")
            #expect(try await connection.closes())
        }
    }

    @Test func aBodyOverTheLimitGetsTheRoutersProblem() async throws {
        try await withServer(configure: { $0.maximumBodyBytes = 256 }) { server in
            let connection = try RawHTTPConnection(port: server.port)
            let big = try JSONSerialization.data(withJSONObject: TestServer.message(String(repeating: "long ", count: 100)))
            let small = try JSONSerialization.data(withJSONObject: TestServer.message("court", id: "s-1"))
            try connection.send(RawHTTPConnection.request("POST", "/v1/moderate", body: big))
            let refused = try await connection.answer()
            #expect(refused.status == 413, "\(refused.text)")
            #expect(refused.headers["content-type"] == "application/problem+json")
            // The router closes a connection whose body it did not read; a new one still works.
            let next = try RawHTTPConnection(port: server.port)
            try next.send(RawHTTPConnection.request("POST", "/v1/moderate", body: small))
            #expect(try await next.answer().json?["messageId"]?.string == "s-1")
        }
    }

    @Test func shutdownAnswersTheRequestBeingGathered() async throws {
        let server = try await TestServer.start()
        let connection = try RawHTTPConnection(port: server.port)
        let body = try JSONSerialization.data(withJSONObject: TestServer.message("Dernier message", id: "last"))
        let request = RawHTTPConnection.request("POST", "/v1/moderate", body: body)
        try connection.send(request[..<(request.count - 10)])
        try await Task.sleep(for: .milliseconds(100))
        await server.beginShutdown()
        try await Task.sleep(for: .milliseconds(100))
        try connection.send(request[(request.count - 10)...])
        let answer = try await connection.answer()
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.json?["messageId"]?.string == "last")
        #expect(try await connection.closes())
        try await server.stop()
    }

    @Test func httpDatesAreIMFFixdates() {
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(1_700_000_000) == "Tue, 14 Nov 2023 22:13:20 GMT")
        #expect(HTTPDate.format(1_795_651_200) == "Thu, 26 Nov 2026 00:00:00 GMT")
    }
}

/// The setting that turns the network-thread path on or off, and the event loops it implies.
@Suite struct ModerateOnEventLoopSettingTests {
    @Test func readsOnOrOffFromTheEnvironment() throws {
        #expect(try ServerConfiguration.fromEnvironment([:]).moderateOnEventLoop)
        #expect(try !ServerConfiguration.fromEnvironment(["PARLEY_MODERATE_ON_EVENT_LOOP": "off"]).moderateOnEventLoop)
        #expect(try ServerConfiguration.fromEnvironment(["PARLEY_MODERATE_ON_EVENT_LOOP": "on"]).moderateOnEventLoop)
        #expect(throws: ServerConfigurationError(setting: "PARLEY_MODERATE_ON_EVENT_LOOP", value: "yes", expected: "on or off")) {
            try ServerConfiguration.fromEnvironment(["PARLEY_MODERATE_ON_EVENT_LOOP": "yes"])
        }
    }
}
