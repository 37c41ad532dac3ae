import Foundation
import Hummingbird
import NIOCore

/// A JSON response.
/// - Complexity: one JSONEncoder pass.
func json<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok) -> Response {
    do {
        return Response(status: status, headers: jsonHeaders, body: .init(byteBuffer: try jsonBody(value)))
    } catch {
        return error.response()
    }
}

/// The headers of a JSON answer.
let jsonHeaders: HTTPFields = [.contentType: "application/json"]

/// `value` as JSON (sorted keys, unescaped slashes), or the 500 problem saying why it cannot be.
func jsonBody<Value: Encodable>(_ value: Value) throws(Problem) -> ByteBuffer {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
        return ByteBuffer(bytes: try encoder.encode(value))
    } catch {
        throw Problem(type: Problem.base + "internal", title: "Internal Server Error", status: 500, detail: "the answer could not be encoded: \(error)")
    }
}
