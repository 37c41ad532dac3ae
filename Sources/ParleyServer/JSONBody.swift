import Foundation
import Hummingbird
import NIOCore

/// Reads a JSON request body into a `Decodable` value, turning every failure into a ``Problem``
/// that names the bad field: body over the limit (413), invalid UTF-8, malformed JSON, missing
/// fields and wrong types with their JSON Pointer.
enum JSONBody {
    /// - Complexity: collects the body (up to `limit` bytes), checks its UTF-8 once, decodes once.
    static func decode<Value: Decodable>(_ type: Value.Type, from request: Request, limit: Int) async throws(Problem) -> Value {
        try decode(type, from: try await collect(request, limit: limit))
    }

    /// A message request: read by ``AnalyzeRequestParser`` (no `JSONDecoder`), or by `JSONDecoder`
    /// when the fast parser declines (then any problem names its field as usual).
    /// - Complexity: collects the body, checks its UTF-8, one pass of the fast parser.
    static func decodeAnalyzeRequest(from request: Request, limit: Int) async throws(Problem) -> AnalyzeRequest {
        let buffer = try await collect(request, limit: limit)
        let fast = buffer.withUnsafeReadableBytes { AnalyzeRequestParser.parse($0) }
        if let fast { return fast }
        return try decode(AnalyzeRequest.self, from: buffer)
    }

    /// The whole body, with valid UTF-8.
    private static func collect(_ request: Request, limit: Int) async throws(Problem) -> ByteBuffer {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw Problem.bodyTooLarge(limit: limit)
        }
        if let offset = firstInvalidUTF8(buffer.readableBytesView) { throw Problem.invalidUTF8(byteOffset: offset) }
        return buffer
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, from buffer: ByteBuffer) throws(Problem) -> Value {
        let bytes = buffer.readableBytesView
        do {
            return try JSONDecoder().decode(Value.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw problem(for: error)
        } catch {
            throw Problem.malformedJSON("\(error)")
        }
    }

    /// The problem a decoding error maps to.
    static func problem(for error: DecodingError) -> Problem {
        switch error {
        case .keyNotFound(let key, let context):
            return Problem.missingField(pointer(context.codingPath + [key]), key.stringValue)
        case .typeMismatch(let type, let context):
            return Problem.wrongType(pointer(context.codingPath), expected: jsonType(type))
        case .valueNotFound(let type, let context):
            return Problem.wrongType(pointer(context.codingPath), expected: jsonType(type) + ", not null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let reason = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return Problem.malformedJSON(reason ?? context.debugDescription)
            }
            return Problem.invalidValue(pointer(context.codingPath), context.debugDescription)
        @unknown default:
            return Problem.malformedJSON("\(error)")
        }
    }

    /// RFC 6901 JSON Pointer of a coding path: `/messages/2/context/senderId`.
    static func pointer(_ path: [any CodingKey]) -> String {
        path.map { key in
            if let index = key.intValue { return "/\(index)" }
            return "/" + key.stringValue.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }.joined()
    }

    private static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Double.Type: "a number"
        case is [Any].Type: "an array"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }

    /// Offset of the first byte that does not start or continue a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
