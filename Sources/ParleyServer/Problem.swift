#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Hummingbird
import ParleyText

/// An RFC 9457 problem detail, answered as `application/problem+json`.
///
/// `pointer` is the RFC 6901 JSON Pointer of the bad field in the request body (`/messages/2/text`),
/// `parameter` the bad query parameter; `errors` carries lexicon diagnostics on a failed reload.
public struct Problem: Error, HTTPResponseError, Hashable, Sendable, Codable {
    public var type: String
    public var title: String
    /// The HTTP status code (the JSON `status` member).
    public var statusCode: Int
    public var detail: String
    public var pointer: String?
    public var parameter: String?
    public var errors: [String]?

    public init(type: String, title: String, status: Int, detail: String, pointer: String? = nil,
                parameter: String? = nil, errors: [String]? = nil) {
        self.type = type
        self.title = title
        self.statusCode = status
        self.detail = detail
        self.pointer = pointer
        self.parameter = parameter
        self.errors = errors
    }

    enum CodingKeys: String, CodingKey {
        case type, title, statusCode = "status", detail, pointer, parameter, errors
    }

    /// The HTTP status (what Hummingbird answers when the problem is thrown).
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: statusCode) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }

    /// The problem as a response.
    /// - Complexity: one small JSON encoding.
    public func response() -> Response {
        Response(status: status, headers: headers, body: .init(byteBuffer: body()))
    }

    /// The headers of the answer: the problem media type, and the challenge of a 401.
    var headers: HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if statusCode == 401 { headers[.wwwAuthenticate] = #"Bearer realm="parley-admin""# }
        return headers
    }

    /// The problem's JSON.
    func body() -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ByteBuffer(bytes: (try? encoder.encode(self)) ?? Data(#"{"status":500,"title":"Internal Server Error"}"#.utf8))
    }

    static let base = "https://parley.flowstage.dev/problems/"

    static func malformedJSON(_ detail: String) -> Problem {
        Problem(type: base + "malformed-json", title: "Malformed JSON", status: 400, detail: detail, pointer: "")
    }
    static func invalidUTF8(byteOffset: Int, pointer: String = "") -> Problem {
        Problem(type: base + "invalid-utf8", title: "Invalid UTF-8", status: 400,
                detail: "the body is not valid UTF-8 (first bad byte at offset \(byteOffset))", pointer: pointer)
    }
    static func missingField(_ pointer: String, _ name: String) -> Problem {
        Problem(type: base + "missing-field", title: "Missing field", status: 422, detail: "required field '\(name)' is missing", pointer: pointer)
    }
    static func wrongType(_ pointer: String, expected: String) -> Problem {
        Problem(type: base + "wrong-type", title: "Wrong type", status: 422, detail: "expected \(expected)", pointer: pointer)
    }
    static func invalidValue(_ pointer: String, _ detail: String) -> Problem {
        Problem(type: base + "invalid-value", title: "Invalid value", status: 422, detail: detail, pointer: pointer)
    }
    static func messageTooLong(_ pointer: String, bytes: Int, limit: Int) -> Problem {
        Problem(type: base + "message-too-long", title: "Message too long", status: 422,
                detail: "message of \(bytes) bytes exceeds the limit of \(limit) bytes", pointer: pointer)
    }
    static func bodyTooLarge(limit: Int) -> Problem {
        Problem(type: base + "body-too-large", title: "Content Too Large", status: 413,
                detail: "the request body exceeds the limit of \(limit) bytes")
    }
    static func invalidParameter(_ name: String, _ detail: String) -> Problem {
        Problem(type: base + "invalid-parameter", title: "Invalid query parameter", status: 400, detail: detail, parameter: name)
    }
    static let unauthorized = Problem(
        type: base + "unauthorized", title: "Unauthorized", status: 401, detail: "the admin API needs 'Authorization: Bearer <token>'")
    static func notFound(_ path: String) -> Problem {
        Problem(type: base + "not-found", title: "Not Found", status: 404, detail: "no route for \(path)")
    }
    static func stateUnavailable(_ detail: String) -> Problem {
        Problem(type: base + "state-unavailable", title: "Service Unavailable", status: 503,
                detail: "the rate-limit and contact state could not be read: \(detail)")
    }
    static let draining = Problem(
        type: base + "draining", title: "Service Unavailable", status: 503,
        detail: "shutting down: requests in flight are finished, send new ones to another replica")
    static func methodNotAllowed(_ method: String, _ path: String, allowed: [String]) -> Problem {
        Problem(type: base + "method-not-allowed", title: "Method Not Allowed", status: 405,
                detail: "\(path) answers \(allowed.joined(separator: ", ")), not \(method)")
    }
    static func reloadFailed(serving: String, errors: [Diagnostic]) -> Problem {
        Problem(type: base + "reload-failed", title: "Reload failed", status: 422,
                detail: "the new resources did not build; version \(serving) keeps serving", errors: errors.map(\.description))
    }

    /// The problem a message read error maps to, for the field at `pointer`.
    static func from(_ error: TextError, pointer: String) -> Problem {
        switch error {
        case .tooLong(let bytes, let limit): messageTooLong(pointer, bytes: bytes, limit: limit)
        case .invalidUTF8(let offset): invalidUTF8(byteOffset: offset, pointer: pointer)
        case .icu(let operation, let code):
            Problem(type: base + "internal", title: "Internal Server Error", status: 500,
                    detail: "ICU \(operation) failed with error \(code)", pointer: pointer)
        }
    }
}
