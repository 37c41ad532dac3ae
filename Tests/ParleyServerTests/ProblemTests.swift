import Foundation
import ParleyServer
import Testing

/// Bad input is answered with RFC 9457 problem details naming the bad field.
@Suite struct ProblemTests {
    private func expectProblem(_ reply: TestServer.Reply, status: Int, pointer: String?, type: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reply.status == status, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.contentType == "application/problem+json", sourceLocation: sourceLocation)
        let json = reply.json
        #expect(json?["status"]?.number == Double(status), sourceLocation: sourceLocation)
        #expect(json?["type"]?.string?.hasSuffix("/" + type) == true, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(json?["pointer"]?.string == pointer, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(json?["detail"]?.string?.isEmpty == false, sourceLocation: sourceLocation)
    }

    @Test func malformedJSON() async throws {
        try await withServer { server in
            expectProblem(try await server.request("POST", "/v1/analyze", body: Data(#"{"text": "x","#.utf8)),
                          status: 400, pointer: "", type: "malformed-json")
        }
    }

    @Test func wrongTypesNameTheirField() async throws {
        try await withServer { server in
            expectProblem(try await server.post("/v1/analyze", json: ["text": 42, "context": [:]]),
                          status: 422, pointer: "/text", type: "wrong-type")
            var body = TestServer.message("hello")
            body["context"] = ["messageId": "m", "senderId": "s", "conversationId": "c", "firstMessage": "yes"]
            expectProblem(try await server.post("/v1/analyze", json: body), status: 422, pointer: "/context/firstMessage", type: "wrong-type")
            let batch: [String: Any] = ["messages": [TestServer.message("ok"), ["text": ["not", "a", "string"], "context": [:]]]]
            expectProblem(try await server.post("/v1/batch", json: batch), status: 422, pointer: "/messages/1/text", type: "wrong-type")
        }
    }

    @Test func aBatchWithAnInvalidDateOrZoneIsRefusedWhole() async throws {
        try await withServer { server in
            let badDate: [String: Any] = ["messages": [TestServer.message("ok"), TestServer.message("x", id: "m-2", extra: ["sentAt": "2024-01-01T12:99:00Z"])]]
            expectProblem(try await server.post("/v1/batch", json: badDate), status: 422, pointer: "/messages/1/context/sentAt", type: "invalid-value")
            let badZone: [String: Any] = ["messages": [TestServer.message("x", extra: ["timeZone": "Europe/Atlantis"]), TestServer.message("ok", id: "m-2")]]
            expectProblem(try await server.post("/v1/batch", json: badZone), status: 422, pointer: "/messages/0/context/timeZone", type: "invalid-value")
        }
    }

    @Test func missingFieldsNameTheirPath() async throws {
        try await withServer { server in
            expectProblem(try await server.post("/v1/analyze", json: ["context": ["messageId": "m"]]),
                          status: 422, pointer: "/text", type: "missing-field")
            expectProblem(try await server.post("/v1/analyze", json: ["text": "x", "context": ["messageId": "m", "conversationId": "c"]]),
                          status: 422, pointer: "/context/senderId", type: "missing-field")
            let batch: [String: Any] = ["messages": [TestServer.message("ok"), ["text": "x", "context": ["messageId": "m", "senderId": "s"]]]]
            expectProblem(try await server.post("/v1/batch", json: batch), status: 422, pointer: "/messages/1/context/conversationId",
                          type: "missing-field")
        }
    }

    @Test func messageOverTheByteLimitNamesTheText() async throws {
        try await withServer(configure: { $0.maximumMessageBytes = 100 }) { server in
            expectProblem(try await server.post("/v1/analyze", json: TestServer.message(String(repeating: "é", count: 51))),
                          status: 422, pointer: "/text", type: "message-too-long")
            #expect(try await server.post("/v1/analyze", json: TestServer.message(String(repeating: "é", count: 50))).status == 200)
            // In a batch, the long message gets its own problem and the others are answered.
            let batch: [String: Any] = ["messages": [TestServer.message("salut"), TestServer.message(String(repeating: "a", count: 101), id: "m-2")]]
            let reply = try await server.post("/v1/batch", json: batch)
            #expect(reply.status == 200)
            #expect(reply.json?["analysed"]?.number == 1)
            #expect(reply.json?["failed"]?.number == 1)
            #expect(reply.json?["results"]?[1]?["problem"]?["pointer"]?.string == "/messages/1/text")
            #expect(reply.json?["results"]?[0]?["result"]?["messageId"]?.string == "m-1")
            // Recent messages are read under the same limit, with their own pointer.
            let recent = TestServer.message("ok", extra: ["recent": [["text": "fine", "senderId": "u-2"], ["text": String(repeating: "b", count: 101), "senderId": "u-2"]]])
            expectProblem(try await server.post("/v1/analyze", json: recent), status: 422, pointer: "/context/recent/1/text", type: "message-too-long")
        }
    }

    @Test func bodyOverTheLimitIs413() async throws {
        try await withServer(configure: { $0.maximumBodyBytes = 1000 }) { server in
            let reply = try await server.post("/v1/analyze", json: TestServer.message(String(repeating: "a", count: 2000)))
            expectProblem(reply, status: 413, pointer: nil, type: "body-too-large")
            #expect(try await server.post("/v1/analyze", json: TestServer.message("small")).status == 200)
        }
    }

    @Test func invalidUTF8InTheBody() async throws {
        try await withServer { server in
            var body = Data(#"{"text":""#.utf8)
            body.append(contentsOf: [0x61, 0xC3, 0x28])  // "a", then a lead byte without its continuation
            body.append(contentsOf: Data(#"","context":{"messageId":"m","senderId":"s","conversationId":"c"}}"#.utf8))
            let reply = try await server.request("POST", "/v1/analyze", body: body)
            expectProblem(reply, status: 400, pointer: "", type: "invalid-utf8")
            #expect(reply.json?["detail"]?.string?.contains("offset 10") == true, "\(reply.text)")
        }
    }

    @Test func badContextValuesNameTheirField() async throws {
        try await withServer { server in
            expectProblem(try await server.post("/v1/analyze", json: TestServer.message("x", extra: ["timeZone": "Mars/Olympus"])),
                          status: 422, pointer: "/context/timeZone", type: "invalid-value")
            expectProblem(try await server.post("/v1/analyze", json: TestServer.message("x", extra: ["sentAt": "yesterday"])),
                          status: 422, pointer: "/context/sentAt", type: "invalid-value")
        }
    }

    @Test func badQueryParametersNameTheParameter() async throws {
        try await withServer { server in
            for (query, parameter) in [("lang=fr", "q"), ("q=cafe&lang=xx", "lang"), ("q=cafe&limit=0", "limit"), ("q=cafe&limit=abc", "limit")] {
                let reply = try await server.request("GET", "/v1/complete?" + query)
                #expect(reply.status == 400)
                #expect(reply.contentType == "application/problem+json")
                #expect(reply.json?["parameter"]?.string == parameter, "\(query): \(reply.text)")
            }
        }
    }

    @Test func knownPathWithAnotherMethodIs405WithAllow() async throws {
        try await withServer { server in
            for (method, path, allowed) in [("GET", "/v1/analyze", "POST"), ("DELETE", "/healthz", "GET"), ("PUT", "/v1/complete", "GET")] {
                let reply = try await server.request(method, path)
                #expect(reply.status == 405, "\(method) \(path)")
                #expect(reply.contentType == "application/problem+json")
                #expect(reply.json?["detail"]?.string?.contains(allowed) == true, "\(reply.text)")
            }
        }
    }

    @Test func unknownRouteIsAProblem() async throws {
        try await withServer { server in
            let reply = try await server.request("GET", "/v2/nothing")
            #expect(reply.status == 404)
            #expect(reply.contentType == "application/problem+json")
        }
    }
}
