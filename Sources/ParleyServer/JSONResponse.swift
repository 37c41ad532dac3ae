import Foundation
import Hummingbird
import NIOCore

/// A JSON response.
/// - Complexity: one JSONEncoder pass.
func json<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
        let data = try encoder.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    } catch {
        return Problem(type: Problem.base + "internal", title: "Internal Server Error", status: 500, detail: "the answer could not be encoded: \(error)").response()
    }
}
