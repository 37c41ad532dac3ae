import Foundation
import ParleyServer
import Testing

/// The message routes answer what the library computes, with the request's context.
@Suite struct AnalyzeRouteTests {
    @Test func analyzeReportsLanguageSpansToneAndCounts() async throws {
        try await withServer { server in
            let text = "Hello, are you free on Friday night? On peut aussi se voir samedi soir si tu préfères."
            let reply = try await server.post("/v1/analyze", json: TestServer.message(text, extra: ["sentAt": "2026-03-25T12:00:00+01:00"]))
            #expect(reply.status == 200, "\(reply.text)")
            let json = try #require(reply.json)
            #expect(json["messageId"]?.string == "m-1")
            #expect(json["conversationId"]?.string == "c-1")
            let spans = json["language"]?["spans"]?.array ?? []
            #expect(Set(spans.compactMap { $0["language"]?.string }) == ["en", "fr"], "\(reply.text)")
            // Spans reach the last word ("préfères", before the final "."), in UTF-16 offsets the
            // chat client can use directly.
            #expect(spans.last?["utf16"]?[1]?.number == Double(text.utf16.count - 1), "\(reply.text)")
            #expect(json["counts"]?["utf8"]?.number == Double(text.utf8.count))
            #expect(json["counts"]?["utf16"]?.number == Double(text.utf16.count))
            // "Friday night" / "samedi soir" relative to sentAt: deadlines resolved in the given week.
            #expect((json["tone"]?["deadlines"]?.array?.count ?? 0) >= 1, "\(reply.text)")
            #expect(json["tone"]?["timeZone"]?.string == "Europe/Paris")
        }
    }

    @Test func recentMessagesFeedTheToneHistory() async throws {
        try await withServer { server in
            let angry = ["text": "C'est inadmissible, vous vous moquez de nous, c'est du vol !!!", "senderId": "u-2"]
            let plain = TestServer.message("Bon, on en reparle demain.")
            let withHistory = TestServer.message("Bon, on en reparle demain.", extra: ["recent": [angry, angry, angry]])
            let alone = try #require(try await server.post("/v1/analyze", json: plain).json?["tone"]?["tension"])
            let after = try #require(try await server.post("/v1/analyze", json: withHistory).json?["tone"]?["tension"])
            #expect(alone != after, "the history changes the tension trend")
            #expect((after["trend"]?["level"]?.number ?? 0) > (alone["trend"]?["level"]?.number ?? 0))
        }
    }

    @Test func batchAnswersEachMessageInOrder() async throws {
        try await withServer { server in
            let messages = (0..<20).map { TestServer.message($0.isMultiple(of: 2) ? "Bonjour, merci pour le concert" : "Thanks for the gig, see you soon", id: "m-\($0)") }
            let reply = try await server.post("/v1/batch", json: ["messages": messages])
            #expect(reply.status == 200)
            let results = reply.json?["results"]?.array ?? []
            #expect(results.count == 20)
            for (index, result) in results.enumerated() {
                #expect(result["index"]?.number == Double(index))
                #expect(result["result"]?["messageId"]?.string == "m-\(index)")
                #expect(result["result"]?["language"]?["code"]?.string == (index.isMultiple(of: 2) ? "fr" : "en"))
            }
        }
    }

    @Test func batchOverTheMessageLimitNamesTheArray() async throws {
        try await withServer(configure: { $0.maximumBatchMessages = 3 }) { server in
            let reply = try await server.post("/v1/batch", json: ["messages": (0..<4).map { TestServer.message("salut", id: "m-\($0)") }])
            #expect(reply.status == 422)
            #expect(reply.json?["pointer"]?.string == "/messages")
        }
    }

    @Test func completeUsesTheVocabulary() async throws {
        try await withServer { server in
            let reply = try await server.request("GET", "/v1/complete?q=cafe%20con&lang=fr&limit=3")
            #expect(reply.status == 200)
            let suggestions = reply.json?["suggestions"]?.array ?? []
            #expect(suggestions.first?["text"]?.string == "café-concert", "\(reply.text)")
            #expect(suggestions.count <= 3)
        }
    }

    /// Many requests at once: each gets its own segmenter, all answers are right.
    @Test func concurrentRequestsEachGetTheirOwnAnswer() async throws {
        try await withServer { server in
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        let french = index.isMultiple(of: 2)
                        let text = french ? "Salut, le concert de vendredi est confirmé \(index)" : "Hi, the Friday gig is confirmed \(index)"
                        let reply = try await server.post("/v1/analyze", json: TestServer.message(text, id: "m-\(index)"))
                        return reply.json?["messageId"]?.string == "m-\(index)"
                            && reply.json?["language"]?["code"]?.string == (french ? "fr" : "en")
                            && reply.json?["counts"]?["utf8"]?.number == Double(text.utf8.count)
                    }
                }
                for try await correct in group { #expect(correct) }
            }
        }
    }

    @Test func metricsCountRequestsPerRouteAndLanguages() async throws {
        try await withServer { server in
            _ = try await server.post("/v1/analyze", json: TestServer.message("Bonjour à tous, merci pour la soirée"))
            _ = try await server.post("/v1/analyze", json: ["text": 1])
            _ = try await server.request("GET", "/healthz")
            let reply = try await server.request("GET", "/metrics")
            #expect(reply.status == 200)
            #expect(reply.contentType.hasPrefix("text/plain"))
            let text = reply.text
            #expect(text.contains(#"parley_http_requests_total{route="/v1/analyze",method="POST",status="200"} 1"#), "\(text)")
            #expect(text.contains(#"parley_http_requests_total{route="/v1/analyze",method="POST",status="422"} 1"#))
            #expect(text.contains(#"parley_http_requests_total{route="/healthz",method="GET",status="200"} 1"#))
            #expect(text.contains(#"parley_http_request_duration_seconds_count{route="/v1/analyze",method="POST"} 2"#))
            #expect(text.contains(#"parley_messages_language_total{language="fr"} 1"#))
            #expect(text.contains("parley_resources_info{version="))
        }
    }
}

/// The moderation routes answer the moderation engine's verdicts, with the stateful limits.
@Suite struct ModerateRouteTests {
    @Test func moderateBlocksAScamAndAllowsAGreeting() async throws {
        try await withServer { server in
            let scam = TestServer.message("Envoie 500 € par Western Union et écris-moi sur WhatsApp au 06 12 34 56 78")
            let blocked = try await server.post("/v1/moderate", json: scam)
            #expect(blocked.status == 200, "\(blocked.text)")
            #expect(blocked.json?["moderation"]?["action"]?.string == "block", "\(blocked.text)")
            #expect(blocked.json?["moderation"]?["label"]?.string == "scam")
            let symbols = blocked.json?["moderation"]?["rules"]?.array?.compactMap { $0["symbol"]?.string } ?? []
            #expect(symbols.contains("UNTRACEABLE_PAYMENT"), "\(symbols)")
            let greeting = try await server.post("/v1/moderate", json: TestServer.message("Bonjour, merci pour votre retour !", id: "m-2"))
            #expect(greeting.json?["moderation"]?["action"]?.string == "allow", "\(greeting.text)")
            // The full analysis carries the same verdict.
            let analysed = try await server.post("/v1/analyze", json: scam)
            #expect(analysed.json?["moderation"] == blocked.json?["moderation"])
            let metrics = try await server.request("GET", "/metrics").text
            #expect(metrics.contains(#"parley_verdicts_total{action="block",label="scam"} 2"#), "\(metrics)")
        }
    }

    /// The spec's 50 messages an hour: the 51st from one sender within the hour trips the limit.
    @Test func theRateLimitCountsAcrossRequests() async throws {
        try await withServer { server in
            var symbols: [[String]] = []
            for index in 0..<51 {
                let body = TestServer.message("Message numéro \(index) pour la date du \(index % 28 + 1) mars",
                                              id: "m-\(index)", extra: ["sentAt": "2026-03-28T12:\(String(format: "%02d", index % 60)):00+01:00"])
                let reply = try await server.post("/v1/moderate", json: body)
                #expect(reply.status == 200)
                symbols.append(reply.json?["moderation"]?["rules"]?.array?.compactMap { $0["symbol"]?.string } ?? [])
            }
            #expect(!symbols[49].contains("POLICY_RATE_LIMIT"), "\(symbols[49])")
            #expect(symbols[50].contains("POLICY_RATE_LIMIT"), "\(symbols[50])")
        }
    }
}

/// `POST /v1/attachments/check` answers the moderation policy's limits.
@Suite struct AttachmentCheckRouteTests {
    @Test func limitsPerTypeDurationAndVerification() async throws {
        try await withServer { server in
            let long = try await server.post("/v1/attachments/check", json: ["type": "video", "bytes": 60_000_000, "durationSeconds": 400, "verificationLevel": "business"])
            #expect(long.json?["allowed"]?.bool == false)
            let failed = Set(long.json?["failed"]?.array?.compactMap { $0["symbol"]?.string } ?? [])
            #expect(failed == ["POLICY_ATTACHMENT_SIZE", "POLICY_ATTACHMENT_DURATION"], "\(long.text)")
            let small = try await server.post("/v1/attachments/check", json: ["type": "pdf", "bytes": 1_000_000])
            #expect(small.json?["allowed"]?.bool == true)
            #expect(small.json?["failed"]?.array?.isEmpty == true)
            // 8 MB is under the image cap but over an unverified sender's.
            let unverified = try await server.post("/v1/attachments/check", json: ["type": "image", "bytes": 8_000_000, "verificationLevel": "unverified"])
            #expect(unverified.json?["allowed"]?.bool == false, "\(unverified.text)")
            let verified = try await server.post("/v1/attachments/check", json: ["type": "image", "bytes": 8_000_000, "verificationLevel": "business"])
            #expect(verified.json?["allowed"]?.bool == true, "\(verified.text)")
            let negative = try await server.post("/v1/attachments/check", json: ["type": "image", "bytes": -1])
            #expect(negative.status == 422)
            #expect(negative.json?["pointer"]?.string == "/bytes")
            let huge = try await server.post("/v1/attachments/check", json: ["type": "image", "bytes": 9_007_199_254_740_992])
            #expect(huge.status == 422)
            #expect(huge.json?["pointer"]?.string == "/bytes")
            let missing = try await server.post("/v1/attachments/check", json: ["bytes": 10])
            #expect(missing.json?["pointer"]?.string == "/type")
        }
    }
}
