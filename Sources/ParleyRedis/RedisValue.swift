/// A RESP2 reply. Error replies at the top level are thrown as ``RedisError/server(_:)``; inside an
/// array they stay values (`.error`), as Redis returns them.
public enum RedisValue: Hashable, Sendable, CustomStringConvertible {
    case simpleString(String)
    case error(String)
    case integer(Int64)
    case bulkString([UInt8])
    /// A null bulk string or null array (`$-1`, `*-1`).
    case null
    case array([RedisValue])

    /// The integer of an `:` reply. Cost: O(1).
    public func int() throws(RedisError) -> Int64 {
        guard case .integer(let value) = self else { throw .unexpectedReply(expected: "integer", got: description) }
        return value
    }

    /// The text of a simple or bulk string reply (bulk strings decoded as UTF-8, invalid bytes
    /// repaired). Cost: O(length).
    public func string() throws(RedisError) -> String {
        switch self {
        case .simpleString(let text): return text
        case .bulkString(let bytes): return String(decoding: bytes, as: UTF8.self)
        default: throw .unexpectedReply(expected: "string", got: description)
        }
    }

    /// The elements of an array reply. Cost: O(1).
    public func array() throws(RedisError) -> [RedisValue] {
        guard case .array(let values) = self else { throw .unexpectedReply(expected: "array", got: description) }
        return values
    }

    public var description: String {
        switch self {
        case .simpleString(let text): return "+\(text)"
        case .error(let text): return "-\(text)"
        case .integer(let value): return ":\(value)"
        case .bulkString(let bytes): return "$\"\(String(decoding: bytes.prefix(64), as: UTF8.self))\""
        case .null: return "(nil)"
        case .array(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
    }
}
