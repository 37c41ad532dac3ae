import Foundation
import Hummingbird
import ParleyServer
import Testing

/// The router and `openapi.yaml` describe the same API, and real answers match the document.
@Suite struct OpenAPIContractTests {
    @Test func everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed() async throws {
        let document = try OpenAPIDocument.load()
        try await withServer { server in
            var served: Set<String> = []
            for route in server.server.publicRouter().routes { served.insert("\(route.method) \(route.path)") }
            for route in server.server.adminRouter()?.routes ?? [] { served.insert("\(route.method) \(route.path)") }
            #expect(served.count >= 8)
            #expect(served == document.operations, "served but undocumented: \(served.subtracting(document.operations)); documented but not served: \(document.operations.subtracting(served))")
        }
    }

    /// Each documented operation, called with the document's own examples, answers a documented
    /// status whose body matches the documented schema.
    @Test func everyDocumentedRouteAnswersItsDocumentedSchema() async throws {
        let document = try OpenAPIDocument.load()
        try await withServer { server in
            for operation in document.operations.sorted() {
                let parts = operation.split(separator: " ")
                let (method, path) = (String(parts[0]), String(parts[1]))
                let details = try #require(document.operation(method, path))
                var query: [String] = []
                for parameter in details["parameters"] as? [[String: Any]] ?? [] {
                    if let example = parameter["example"], let name = parameter["name"] as? String {
                        query.append("\(name)=\(String(describing: example).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
                    }
                }
                var body: Data?
                if let content = (details["requestBody"] as? [String: Any])?["content"] as? [String: Any],
                   let example = (content["application/json"] as? [String: Any])?["example"] {
                    body = try JSONSerialization.data(withJSONObject: example)
                }
                let target = query.isEmpty ? path : path + "?" + query.joined(separator: "&")
                let reply = try await server.request(method, target, body: body, admin: path.hasPrefix("/admin"))
                #expect(reply.status == 200, "\(operation): \(reply.status) \(reply.text.prefix(300))")
                let violations = document.check(reply, method, path)
                #expect(violations.isEmpty, "\(violations)")
            }
        }
    }

    /// Error answers match the document's problem schema and content type.
    @Test func problemAnswersMatchTheDocument() async throws {
        let document = try OpenAPIDocument.load()
        try await withServer { server in
            let cases: [(String, String, TestServer.Reply)] = [
                ("POST", "/v1/analyze", try await server.request("POST", "/v1/analyze", body: Data("{".utf8))),
                ("POST", "/v1/analyze", try await server.post("/v1/analyze", json: ["text": 3])),
                ("POST", "/v1/batch", try await server.post("/v1/batch", json: ["messages": "no"])),
                ("GET", "/v1/complete", try await server.request("GET", "/v1/complete?lang=fr")),
                ("GET", "/admin/lexicons", try await server.request("GET", "/admin/lexicons", admin: true, token: nil)),
                ("POST", "/admin/reload", try await server.request("POST", "/admin/reload", admin: true, token: "wrong")),
            ]
            for (method, path, reply) in cases {
                #expect(reply.status >= 400)
                let violations = document.check(reply, method, path)
                #expect(violations.isEmpty, "\(violations)")
            }
        }
    }
}
